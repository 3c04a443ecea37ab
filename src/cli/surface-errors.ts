/** Errors of the surface commands that are about a server, not about mcp-check: they get a one-line message. */
import { McpError } from '@modelcontextprotocol/sdk/types.js';
import { ConnectError, ServerGoneError } from '../errors.js';

/** Whether an error came from reaching or listing a server (then it is reported, not treated as a bug). */
export function isServerError(error: unknown): error is Error {
    return error instanceof ConnectError || error instanceof ServerGoneError || error instanceof McpError;
}
