/**
 * Maps what went wrong during a request to a result: the server answering badly is a
 * failure of the server (`failed`); not getting an answer at all means the check could not
 * run (`errored`).
 */
import { ErrorCode, McpError } from '@modelcontextprotocol/sdk/types.js';
import { networkCause } from '../connect/connect-failure.js';
import { isLocal } from '../connect/rpc-errors.js';
import { ModernErrorCode } from '../connect/protocol.js';
import { ConnectError, InputRequiredError, InvalidResultError, ServerGoneError } from '../errors.js';
import type { CaseOutcome, Problem } from './result.js';
import { excerptWords } from '../excerpt.js';

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
        if (isLocal(error, ErrorCode.RequestTimeout)) {
            const { maxTotalTimeout, elapsed } = (error.data ?? {}) as { maxTotalTimeout?: number; elapsed?: number };
            if (maxTotalTimeout !== undefined) {
                return errored({ kind: 'runtime.timeout', message: `${what} timed out after ${elapsed} ms while progress was still arriving: progress may keep a request alive up to max_total_timeout (${maxTotalTimeout} ms; the request was cancelled)` });
            }
            return errored({ kind: 'runtime.timeout', message: `${what} timed out after ${timeoutMs} ms (the request was cancelled)` });
        }
        if (isLocal(error, ErrorCode.ConnectionClosed)) {
            return errored({ kind: 'runtime.closed', message: `${what} could not complete: connection closed` });
        }
        return failed({ kind: 'call.rpcError', message: `${what} was answered with JSON-RPC error ${error.code}: ${stripPrefix(error.message)}${explain(error)}`, actual: error.data });
    }
    if (error instanceof InputRequiredError) {
        return failed({ kind: 'call.inputRequired', message: `${what}: ${error.message}` });
    }
    if (error instanceof InvalidResultError) {
        return failed({ kind: 'runtime.protocol', message: `${what}: the server's answer is not a valid MCP result: ${oneLine(error)}` });
    }
    return errored({ kind: 'runtime.internal', message: `${what} failed: ${networkCause(error) ?? oneLine(error)}` });
}

/** The 2026-07-28 error codes, said in words, with what their data names. */
function explain(error: McpError): string {
    const data = error.data as { requiredCapabilities?: unknown; supported?: unknown } | undefined;
    switch (error.code) {
        case ModernErrorCode.MissingClientCapability:
            return ` (the server needs a client capability mcp-check did not declare: ${JSON.stringify(data?.requiredCapabilities ?? data ?? {})})`;
        case ModernErrorCode.HeaderMismatch:
            return ' (the HTTP headers and the request body disagree)';
        case ModernErrorCode.UnsupportedProtocolVersion:
            return ` (unsupported protocol version${Array.isArray(data?.supported) ? `; the server offers ${data.supported.join(', ')}` : ''})`;
        default:
            return '';
    }
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
    return excerptWords(message.replace(/\s+/g, ' '), 500);
}
