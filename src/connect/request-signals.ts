/** Deadlines and abort signals for requests, where the SDK's own options do not reach. */
import { ErrorCode, McpError } from '@modelcontextprotocol/sdk/types.js';

/** Rejects with a request timeout after `ms`, or at once when `signal` aborts; the work itself is not cancelled. */
export function withDeadline<T>(work: Promise<T>, ms: number, signal?: AbortSignal): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    let onAbort: (() => void) | undefined;
    const deadline = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new McpError(ErrorCode.RequestTimeout, `no answer within ${ms} ms`)), ms);
        onAbort = () => reject(signal?.reason ?? new Error('aborted'));
        if (signal?.aborted) onAbort();
        else signal?.addEventListener('abort', onAbort, { once: true });
    });
    return Promise.race([work, deadline]).finally(() => {
        clearTimeout(timer);
        if (onAbort) signal?.removeEventListener('abort', onAbort);
    });
}

/**
 * A per-request child of the caller's signal. The SDK adds an abort listener for every request
 * and never removes it; on a run-wide signal that would pile up one listener per call.
 */
export function scopeSignal(parent: AbortSignal | undefined): { signal?: AbortSignal; dispose(): void } {
    if (!parent) return { dispose() {} };
    const controller = new AbortController();
    const forward = () => controller.abort(parent.reason);
    if (parent.aborted) forward();
    else parent.addEventListener('abort', forward, { once: true });
    return { signal: controller.signal, dispose: () => parent.removeEventListener('abort', forward) };
}
