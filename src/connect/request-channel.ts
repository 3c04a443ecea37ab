/**
 * Every request mcp-check sends, on any transport and in either protocol era. The SDK's `Protocol.request` runs several
 * zod parses per response, one abort listener per request that it never removes, and a
 * generic dispatcher in front of it all; at thousands of calls per run that is most of the
 * client's cost per call. This channel keeps the protocol's behaviour (a numeric id per
 * request, a progress token that resets the deadline, `notifications/cancelled` on timeout or
 * abort, JSON-RPC errors as `McpError`); what is not an answer to it (requests and
 * notifications from the server) is the connector's to handle. On 2026-07-28 every request
 * also carries the era's `_meta` envelope.
 */
import type { Transport } from '@modelcontextprotocol/sdk/shared/transport.js';
import { ErrorCode, McpError, type JSONRPCMessage } from '@modelcontextprotocol/sdk/types.js';
import { ServerRpcError } from './rpc-errors.js';

/** Options of one request. */
export interface ChannelRequestOptions {
    /** Deadline in ms; every progress notification for the request starts it again. */
    timeoutMs: number;
    /** The most progress may stretch the request to, in ms from sending it. @default 10 × timeoutMs */
    maxTotalTimeoutMs?: number;
    /** Aborting cancels the request: the server is told, and the promise rejects (an `McpError` carrying the reason). */
    signal?: AbortSignal;
    /** Replaces the channel's `envelope` for this request only (protocol checks send malformed ones on purpose). */
    envelope?: Record<string, unknown>;
}

/** Turns a response's `result` into the caller's type; throws (an `InvalidResultError`) when it is not one. */
export type ResultReader<T> = (result: unknown) => T;

interface Pending {
    settle(outcome: { result: unknown } | { error: unknown }): void;
    /** Starts the deadline again (a progress notification arrived), up to the total cap. */
    extend(): void;
}

/** Progress problems kept for the protocol checks. */
const MAX_PROGRESS_PROBLEMS = 20;
/** Cancelled requests remembered, to know an answer that comes for one anyway. */
const MAX_CANCELLED_REMEMBERED = 100;

/** How far progress may stretch a request by default, as a multiple of its timeout. */
export const TOTAL_TIMEOUT_FACTOR = 10;

export class RequestChannel {
    private readonly pending = new Map<number, Pending>();
    private nextId = 1;
    private closed = false;
    /** Merged into every request's `_meta` (the 2026-07-28 protocol version, client info and capabilities). */
    envelope: Record<string, unknown> = {};

    constructor(private readonly transport: Transport) {}

    /** Sends a request and resolves with its result as `read` returns it. */
    request<T>(method: string, params: Record<string, unknown>, read: ResultReader<T>, options: ChannelRequestOptions): Promise<T> {
        const { signal, timeoutMs } = options;
        const maxTotalMs = options.maxTotalTimeoutMs ?? TOTAL_TIMEOUT_FACTOR * timeoutMs;
        if (signal?.aborted) return Promise.reject(signal.reason);
        if (this.closed) return Promise.reject(new McpError(ErrorCode.ConnectionClosed, 'Connection closed'));
        const id = this.nextId++;
        const meta = params._meta && typeof params._meta === 'object' ? params._meta : {};
        const message = { jsonrpc: '2.0' as const, id, method, params: { ...params, _meta: { ...(options.envelope ?? this.envelope), ...meta, progressToken: id } } };
        return new Promise<T>((resolve, reject) => {
            let timer: NodeJS.Timeout | undefined;
            const sentAt = Date.now();
            let progressed = false;
            const timedOut = () => {
                const total = Date.now() - sentAt;
                // A server that keeps sending progress must not keep a call alive for ever.
                const capped = progressed && total >= maxTotalMs;
                const text = capped ? `Request timed out after ${total} ms while progress was still arriving (max_total_timeout: ${maxTotalMs} ms)` : 'Request timed out';
                cancel(new McpError(ErrorCode.RequestTimeout, text, { timeout: timeoutMs, ...(capped ? { maxTotalTimeout: maxTotalMs, elapsed: total } : {}) }));
            };
            const arm = (ms: number) => {
                clearTimeout(timer);
                timer = setTimeout(timedOut, Math.max(0, Math.min(ms, maxTotalMs - (Date.now() - sentAt))));
            };
            const onAbort = () => cancel(signal!.reason);
            const finish = () => {
                this.pending.delete(id);
                this.lastProgress.delete(id);
                clearTimeout(timer);
                signal?.removeEventListener('abort', onAbort);
            };
            const cancel = (reason: unknown) => {
                if (!this.pending.has(id)) return;
                finish();
                this.remember(id);
                // The server may stop working on it; a failed notice changes nothing for the caller.
                this.transport
                    .send({ jsonrpc: '2.0', method: 'notifications/cancelled', params: { requestId: id, reason: String(reason) } })
                    .catch(() => undefined);
                reject(reason instanceof McpError ? reason : new McpError(ErrorCode.RequestTimeout, String(reason)));
            };
            this.pending.set(id, {
                settle: (outcome) => {
                    finish();
                    if ('error' in outcome) return reject(outcome.error);
                    try {
                        resolve(read(outcome.result));
                    } catch (error) {
                        reject(error);
                    }
                },
                extend: () => {
                    progressed = true;
                    arm(timeoutMs);
                },
            });
            arm(timeoutMs);
            signal?.addEventListener('abort', onAbort, { once: true });
            this.transport.send(message).catch((error: unknown) => {
                if (!this.pending.has(id)) return;
                finish();
                reject(error);
            });
        });
    }

    /** Sends a notification; a failure to send it is the caller's to judge. */
    notify(method: string, params: Record<string, unknown>): Promise<void> {
        return this.transport.send({ jsonrpc: '2.0', method, params });
    }

    /** A 2025-era HTTP transport names the negotiated version on every request after `initialize`. */
    useProtocolVersion(version: string): void {
        (this.transport as { setProtocolVersion?: (v: string) => void }).setProtocolVersion?.(version);
    }

    /**
     * Takes a message meant for this channel: the answer to one of its requests, or progress on
     * one. Returns false for anything else.
     */
    take(message: JSONRPCMessage): boolean {
        if ('id' in message && !('method' in message)) {
            // Ids match exactly: `"7"` is not the answer to request 7 (mcp-check's ids are numbers).
            const pending = typeof message.id === 'number' ? this.pending.get(message.id) : undefined;
            if (!pending) {
                // An answer to a request mcp-check cancelled is expected (the server may have sent it first): taken, and dropped.
                if (typeof message.id !== 'number' || !this.cancelled.delete(message.id)) return false;
                if (this.answers.afterCancel.length < MAX_CANCELLED_REMEMBERED) this.answers.afterCancel.push(this.answers.taken);
                return true;
            }
            this.answers.taken++;
            if ('error' in message) {
                const { code, message: text, data } = message.error;
                pending.settle({ error: new ServerRpcError(code, text, data) });
            } else {
                pending.settle({ result: message.result });
            }
            return true;
        }
        if ('method' in message && message.method === 'notifications/progress' && !('id' in message)) {
            const { progressToken: token, progress } = (message.params ?? {}) as { progressToken?: unknown; progress?: unknown };
            // Only a well-formed notice proves progress, as the SDK's schema would have it.
            const wellFormed = typeof progress === 'number' && typeof token === 'number';
            const pending = wellFormed ? this.pending.get(token) : undefined;
            this.judgeProgress(token, progress, pending);
            pending?.extend();
            return pending !== undefined;
        }
        return false;
    }

    /**
     * For the protocol checks: how many answers came for requests in flight, and for each answer
     * to a request this channel had cancelled (the first few), how many had come before it.
     */
    readonly answers = { taken: 0, afterCancel: [] as number[] };
    private readonly cancelled = new Set<number>();

    private remember(id: number): void {
        this.cancelled.add(id);
        if (this.cancelled.size > MAX_CANCELLED_REMEMBERED) this.cancelled.delete(this.cancelled.values().next().value!);
    }

    /** What the server's progress notifications did wrong, for the protocol checks. */
    readonly progress = { seen: 0, problems: [] as string[] };
    private readonly lastProgress = new Map<number, number>();

    private judgeProgress(token: unknown, progress: unknown, pending: Pending | undefined): void {
        this.progress.seen++;
        // Enough to judge the rule by; a flood of bad notices must not grow memory.
        if (this.progress.problems.length >= MAX_PROGRESS_PROBLEMS) return;
        const shown = JSON.stringify(token);
        if (!pending) {
            this.progress.problems.push(`a progress notification for token ${shown}, which names no request in flight (mcp-check sends each request's id as its token)`);
            return;
        }
        const last = this.lastProgress.get(token as number);
        if (last !== undefined && (progress as number) <= last) this.progress.problems.push(`progress for request ${shown} went from ${last} to ${String(progress)}: it must increase`);
        this.lastProgress.set(token as number, progress as number);
    }

    /** Fails one request with a local error (its answer could not be read); false when it is not waiting. */
    fail(id: number, error: Error): boolean {
        const pending = this.pending.get(id);
        pending?.settle({ error });
        return pending !== undefined;
    }

    /** The connection is gone: every request still waiting fails as the SDK's would. */
    close(): void {
        this.closed = true;
        const error = new McpError(ErrorCode.ConnectionClosed, 'Connection closed');
        for (const pending of [...this.pending.values()]) pending.settle({ error });
    }

    /** The id (and progress token) the next request will carry, for callers that match its notifications. */
    nextRequestId(): number {
        return this.nextId;
    }
}
