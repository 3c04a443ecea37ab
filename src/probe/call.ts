/**
 * One probe call with a hard deadline. The client lets progress notifications extend a
 * request's timeout, which suits spec calls; a probe may send `duration: 2147483647` to a
 * tool that reports progress forever, so here the deadline holds whatever the server says.
 */
import { ErrorCode, McpError } from '@modelcontextprotocol/sdk/types.js';
import type { UniversalMCPClient } from '../connect/client.js';
import { ProbeInterrupted, type CallOutcome } from './judge.js';
import type { Args } from './types.js';

/** Calls `tool` once; the call is cancelled after `timeoutMs` or when `signal` aborts. */
export async function callWithDeadline(
    mcp: UniversalMCPClient,
    server: string,
    tool: string,
    args: Args,
    timeoutMs: number,
    signal?: AbortSignal,
): Promise<CallOutcome> {
    const controller = new AbortController();
    // An McpError as the abort reason reads as an answer to the client, so it does not wait to see whether the process died.
    const timer = setTimeout(() => controller.abort(new McpError(ErrorCode.RequestTimeout, 'Request timed out', { timeout: timeoutMs })), timeoutMs);
    const forward = () => controller.abort(new ProbeInterrupted());
    if (signal?.aborted) forward();
    else signal?.addEventListener('abort', forward, { once: true });
    try {
        return { kind: 'result', result: await mcp.callTool(server, tool, args, { timeoutMs, signal: controller.signal }) };
    } catch (error) {
        // Whatever the SDK made of the abort, the reason is what happened.
        if (signal?.aborted) return { kind: 'error', error: new ProbeInterrupted() };
        if (controller.signal.aborted) return { kind: 'error', error: controller.signal.reason };
        return { kind: 'error', error };
    } finally {
        clearTimeout(timer);
        signal?.removeEventListener('abort', forward);
    }
}
