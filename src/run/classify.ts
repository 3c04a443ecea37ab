/**
 * Maps what went wrong during a request to a result: the server answering badly is a
 * failure of the server (`failed`); not getting an answer at all means the check could not
 * run (`errored`).
 */
import { ErrorCode, McpError } from '@modelcontextprotocol/sdk/types.js';
import { ConnectError, InvalidResultError, ServerGoneError } from '../errors.js';
import type { CaseOutcome, Problem } from './result.js';
import { excerpt } from '../excerpt.js';

/** Classifies an error thrown by a request to a server. */
export function classifyRequestError(error: unknown, what: string, timeoutMs: number, signal?: AbortSignal): CaseOutcome {
    // Whatever the SDK turned the abort into, a request that died because the run stopped was interrupted.
    if (signal?.aborted) {
        return errored({ kind: 'runtime.interrupted', message: `${what} was cancelled: the run was interrupted` });
    }
    if (error instanceof ServerGoneError) {
        return errored({ kind: 'runtime.closed', message: `${what} could not complete: ${error.reason}` });
    }
    if (error instanceof ConnectError) {
        return errored({ kind: 'runtime.connect', message: error.message });
    }
    if (error instanceof McpError) {
        if (error.code === ErrorCode.RequestTimeout) {
            return errored({ kind: 'runtime.timeout', message: `${what} timed out after ${timeoutMs} ms (the request was cancelled)` });
        }
        if (error.code === ErrorCode.ConnectionClosed) {
            return errored({ kind: 'runtime.closed', message: `${what} could not complete: connection closed` });
        }
        return failed({ kind: 'call.rpcError', message: `${what} was answered with JSON-RPC error ${error.code}: ${stripPrefix(error.message)}`, actual: error.data });
    }
    if (error instanceof InvalidResultError) {
        return failed({ kind: 'runtime.protocol', message: `${what}: the server's answer is not a valid MCP result: ${oneLine(error)}` });
    }
    return errored({ kind: 'runtime.internal', message: `${what} failed: ${oneLine(error)}` });
}

function errored(error: Problem): CaseOutcome {
    return { status: 'errored', error };
}

function failed(problem: Problem): CaseOutcome {
    return { status: 'failed', problems: [problem] };
}

function stripPrefix(message: string): string {
    return message.replace(/^MCP error -?\d+: /, '');
}

function oneLine(error: unknown): string {
    const message = error instanceof Error ? error.message : String(error);
    return excerpt(message.replace(/\s+/g, ' '), 500);
}
