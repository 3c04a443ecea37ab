/**
 * Telling the server's JSON-RPC errors from mcp-check's own. The SDK reports a timeout and a
 * lost connection as `McpError`s with codes -32001 and -32000, which servers are free to use
 * for errors of their own; a server's error must be reported as the server's, with its code.
 */
import { ErrorCode, McpError } from '@modelcontextprotocol/sdk/types.js';
import { isJsonObject } from './json-rpc-message.js';

/** A JSON-RPC error response from the server. */
export class ServerRpcError extends McpError {
    override readonly name = 'ServerRpcError';
}

/** Whether `error` is mcp-check's own timeout (or lost connection), never a server's answer. */
export function isLocal(error: unknown, code: ErrorCode.RequestTimeout | ErrorCode.ConnectionClosed): boolean {
    return error instanceof McpError && !(error instanceof ServerRpcError) && error.code === code;
}

/** Whether the server answered with a JSON-RPC error (directly, or inside a 2025 HTTP transport's error text). */
export function serverRpcErrorOf(error: unknown): ServerRpcError | undefined {
    if (error instanceof ServerRpcError) return error;
    // The 2025 Streamable HTTP transport turns a 4xx answer into an Error quoting its body.
    const body = error instanceof Error ? /\{"jsonrpc".*\}\s*$/s.exec(error.message)?.[0] : undefined;
    if (!body) return undefined;
    try {
        const parsed: unknown = JSON.parse(body);
        const rpc = isJsonObject(parsed) && isJsonObject(parsed.error) ? parsed.error : undefined;
        if (!rpc || typeof rpc.code !== 'number' || typeof rpc.message !== 'string') return undefined;
        return new ServerRpcError(rpc.code, rpc.message, rpc.data);
    } catch {
        return undefined;
    }
}

/** The server's own error message, without the SDK's `MCP error <code>: ` prefix. */
export function stripErrorPrefix(message: string): string {
    return message.replace(/^MCP error -?\d+: /, '');
}
