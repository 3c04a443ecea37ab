/** A deadline and an abort signal for work that has neither, such as the SDK's handshake. */
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
