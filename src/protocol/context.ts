/**
 * What a protocol rule works with: the connected server, what it declared, and one way to send
 * it a request as given (`request`). Over 2026-07-28 Streamable HTTP a request is a raw POST,
 * so rules see the HTTP status the revision prescribes; elsewhere it goes through the open
 * connection (`UniversalMCPClient.rawRequest`). Answers are never judged here.
 */
import { ErrorCode } from '@modelcontextprotocol/sdk/types.js';
import type { ListedTool, RawAnswer, UniversalMCPClient } from '../connect/client.js';
import { isJsonObject } from '../connect/json-rpc-message.js';
import { eraOf, type Era } from '../connect/protocol.js';
import type { ServerProcess } from '../connect/process.js';
import { isLocal } from '../connect/rpc-errors.js';
import { requestHeaders } from '../connect/stateless-http-transport.js';
import type { HttpServerConfig, ServerConfig, ServerInfo } from '../connect/types.js';
import { excerpt } from '../excerpt.js';
import { exchangeHttp, responseOf } from './http-exchange.js';

/** The server a rule checks. */
export interface ProbeTarget {
    mcp: UniversalMCPClient;
    /** The connection's name in `mcp`. */
    server: string;
    config: ServerConfig;
    info: ServerInfo;
    listedTools: readonly ListedTool[];
    /** The server's request timeout, in ms. */
    timeoutMs: number;
    signal: AbortSignal;
    /** A second copy of a stdio server, started ahead for the rules judged on one. */
    secondCopy?: ServerProcess;
}

/** A request and what came back. */
export interface Exchange {
    /** The HTTP status, for requests sent as a raw POST (2026-07-28 Streamable HTTP). */
    status?: number;
    headers?: Headers;
    /** The JSON-RPC answer; absent when there was none (then `failure` says why). */
    answer?: RawAnswer;
    failure?: string;
}

export interface ProbeRequestOptions {
    /** The request's whole `_meta`, in place of the era's envelope. */
    meta?: Record<string, unknown>;
    /** Raw POSTs only: headers to set (`null` removes one mcp-check would send). */
    headers?: Record<string, string | null>;
}

/** A list method followed page by page. */
export interface ListWalk {
    method: string;
    /** Every page's result, in order. */
    pages: Record<string, unknown>[];
    /** How the walk ended. */
    end: { kind: 'done' } | { kind: 'repeated'; cursor: string } | { kind: 'endless' } | { kind: 'refused'; why: string };
}

/** Requests get no more than this long: a server that has not answered by then is not going to. */
const PROBE_TIMEOUT_MS = 10_000;
/** A list longer than this many pages is taken for one that never ends. */
const MAX_PAGES = 1000;

const LISTS: readonly { capability: string; method: string }[] = [
    { capability: 'tools', method: 'tools/list' },
    { capability: 'resources', method: 'resources/list' },
    { capability: 'resources', method: 'resources/templates/list' },
    { capability: 'prompts', method: 'prompts/list' },
];

export class ProbeContext {
    readonly era: Era;
    /** The revision spoken on the connection, e.g. `2025-11-25`. */
    readonly revision: string;
    private walks?: Promise<ListWalk[]>;
    /** Requests the server sent inside answers to raw POSTs (2026-07-28 Streamable HTTP). */
    private readonly postedRequests: string[] = [];
    /** The results of the requests the checks sent, by method, in order (for rules about every result). */
    readonly results: { method: string; result: unknown }[] = [];
    /** Progress notifications inside answers to raw POSTs, and what they did wrong. */
    private readonly postedProgress = { seen: 0, problems: [] as string[] };
    private nextId = 1;
    private readonly memos = new Map<string, Promise<unknown>>();

    constructor(readonly target: ProbeTarget) {
        this.revision = target.info.protocolVersion;
        this.era = eraOf(this.revision);
    }

    get config(): ServerConfig {
        return this.target.config;
    }

    /** The per-request timeout of probes. */
    get timeoutMs(): number {
        return Math.min(this.target.timeoutMs, PROBE_TIMEOUT_MS);
    }

    /** Whether the server declared a capability (`tools`, `resources`, …). */
    declares(capability: string): boolean {
        return this.target.info.capabilities[capability] !== undefined;
    }

    /** The list methods of the capabilities the server declared. */
    declaredLists(): string[] {
        return LISTS.filter((list) => this.declares(list.capability)).map((list) => list.method);
    }

    /** Whether requests go out as raw POSTs, with HTTP statuses to judge. */
    get overModernHttp(): boolean {
        return this.era === 'modern' && this.config.transport === 'streamable_http';
    }

    /** The `_meta` requests carry on this connection (the 2026-07-28 envelope; empty on the 2025 era). */
    meta(): Record<string, unknown> {
        return this.target.mcp.requestMeta(this.target.server);
    }

    /** Sends one request as given; a JSON-RPC error is an answer, silence is a `failure`. */
    async request(method: string, params: Record<string, unknown> = {}, options: ProbeRequestOptions = {}): Promise<Exchange> {
        const exchange = await this.send(method, params, options);
        const result = resultOf(exchange);
        if (result !== undefined) this.results.push({ method, result });
        return exchange;
    }

    private async send(method: string, params: Record<string, unknown>, options: ProbeRequestOptions): Promise<Exchange> {
        if (this.overModernHttp) return this.post(method, params, options);
        const { mcp, server, signal } = this.target;
        try {
            return { answer: await mcp.rawRequest(server, method, params, { meta: options.meta, timeoutMs: this.timeoutMs, signal }) };
        } catch (error) {
            if (isLocal(error, ErrorCode.RequestTimeout) && !signal.aborted) return { failure: `no answer to ${method} within ${this.timeoutMs} ms` };
            throw error;
        }
    }

    /** Sends one notification; over 2026-07-28 Streamable HTTP, returns the HTTP status it got, elsewhere why it could not be sent. */
    async notify(method: string, params: Record<string, unknown>): Promise<{ status?: number; failure?: string }> {
        if (!this.overModernHttp) {
            try {
                // On 2026-07-28 every message carries the envelope, notifications too.
                await this.target.mcp.rawNotify(this.target.server, method, this.era === 'modern' ? { ...params, _meta: this.meta() } : params);
                return {};
            } catch (error) {
                return { failure: error instanceof Error ? error.message : String(error) };
            }
        }
        const config = this.config as HttpServerConfig;
        const message = { jsonrpc: '2.0' as const, method, params: { ...params, _meta: this.meta() } };
        const http = await exchangeHttp(config, { body: message, headers: requestHeaders(config, message), timeoutMs: this.timeoutMs, signal: this.target.signal });
        return { status: http.status };
    }

    /** Every declared list followed to its end (once per server: several rules judge the same pages). */
    lists(): Promise<ListWalk[]> {
        this.walks ??= Promise.all(this.declaredLists().map((method) => this.walk(method)));
        return this.walks;
    }

    /** The methods of every request the server sent mcp-check on this connection so far. */
    serverRequests(): string[] {
        return [...this.target.mcp.serverRequestsSeen(this.target.server), ...this.postedRequests];
    }

    /** How many progress notifications the server sent during the checks, and what they did wrong. */
    progress(): { seen: number; problems: string[] } {
        const own = this.target.mcp.progressSeen(this.target.server);
        return { seen: own.seen + this.postedProgress.seen, problems: [...own.problems, ...this.postedProgress.problems] };
    }

    /** Records the server's requests and judges its progress notifications in the answer to POST `id`. */
    private notePosted(messages: readonly unknown[], id: number): void {
        let answered = false;
        let last: number | undefined;
        for (const sent of messages.filter(isJsonObject)) {
            if ('id' in sent && ('result' in sent || 'error' in sent)) answered = true;
            if (typeof sent.method === 'string' && 'id' in sent) this.postedRequests.push(sent.method);
            if (sent.method !== 'notifications/progress') continue;
            this.postedProgress.seen++;
            const { progressToken: token, progress } = (isJsonObject(sent.params) ? sent.params : {}) as { progressToken?: unknown; progress?: unknown };
            const problems = this.postedProgress.problems;
            if (token !== id) problems.push(`a progress notification for token ${JSON.stringify(token)} came in the answer to request ${id}, whose token is ${id}`);
            else if (answered) problems.push(`a progress notification for request ${id} came after its result`);
            else if (typeof progress === 'number' && last !== undefined && progress <= last) problems.push(`progress for request ${id} went from ${last} to ${progress}: it must increase`);
            if (typeof progress === 'number') last = progress;
        }
    }

    /** Runs `work` once per server and key, sharing its result between rules. */
    once<T>(key: string, work: () => Promise<T>): Promise<T> {
        if (!this.memos.has(key)) this.memos.set(key, work());
        return this.memos.get(key) as Promise<T>;
    }

    /** Whether `once(key, …)` has been called for this server. */
    hasRun(key: string): boolean {
        return this.memos.has(key);
    }

    private async post(method: string, params: Record<string, unknown>, options: ProbeRequestOptions): Promise<Exchange> {
        const config = this.config as HttpServerConfig;
        const id = this.nextId++;
        const message = { jsonrpc: '2.0' as const, id, method, params: { ...params, _meta: options.meta ?? this.meta() } };
        const headers = requestHeaders(config, message);
        for (const [name, value] of Object.entries(options.headers ?? {})) {
            if (value === null) headers.delete(name);
            else headers.set(name, value);
        }
        try {
            const http = await exchangeHttp(config, { body: message, headers, timeoutMs: this.timeoutMs, signal: this.target.signal });
            this.notePosted(http.messages, id);
            const response = responseOf(http.messages, id);
            const answer = response && toAnswer(response);
            return { status: http.status, headers: http.headers, ...(answer ? { answer } : { failure: `HTTP ${http.status} without a JSON-RPC answer${http.text ? `: ${http.text}` : ''}` }) };
        } catch (error) {
            if (this.target.signal.aborted) throw error;
            const why = error instanceof Error && error.name === 'TimeoutError' ? `within ${this.timeoutMs} ms` : `(${error instanceof Error ? error.message : String(error)})`;
            return { failure: `no answer to ${method} ${why}` };
        }
    }

    /** Follows one list page by page, afresh (`lists()` keeps the first walk of each). */
    async walk(method: string): Promise<ListWalk> {
        const pages: Record<string, unknown>[] = [];
        const seen = new Set<string>();
        let cursor: string | undefined;
        while (pages.length < MAX_PAGES) {
            const exchange = await this.request(method, cursor === undefined ? {} : { cursor });
            const answer = exchange.answer;
            if (!answer || 'error' in answer || !isJsonObject(answer.result)) {
                return { method, pages, end: { kind: 'refused', why: describeExchange(exchange) } };
            }
            pages.push(answer.result);
            const next = answer.result.nextCursor;
            // Only a missing cursor ends a list: an empty string is a cursor like any other.
            if (typeof next !== 'string') return { method, pages, end: { kind: 'done' } };
            if (seen.has(next)) return { method, pages, end: { kind: 'repeated', cursor: next } };
            seen.add(next);
            cursor = next;
        }
        return { method, pages, end: { kind: 'endless' } };
    }
}

/** How an exchange went, for messages: `HTTP 200, JSON-RPC error -32601 (Method not found)`. */
export function describeExchange(exchange: Exchange): string {
    const status = exchange.status === undefined ? '' : `HTTP ${exchange.status}, `;
    const { answer } = exchange;
    if (!answer) return `${status}${exchange.failure ?? 'no answer'}`;
    // A server's message may be a whole validation report over many lines.
    if ('error' in answer) return `${status}JSON-RPC error ${answer.error.code} (${excerpt(answer.error.message.replace(/\s+/g, ' ').trim(), 160)})`;
    return `${status}a result ${summarize(answer.result)}`;
}

/** A result in short: its keys (but `_meta`) with scalar values, list lengths and `{…}` for objects. */
function summarize(value: unknown): string {
    if (!isJsonObject(value)) return preview(value);
    const shown = (v: unknown) => (Array.isArray(v) ? `[${v.length} item${v.length === 1 ? '' : 's'}]` : isJsonObject(v) ? '{…}' : preview(v, 40));
    return `{${Object.entries(value)
        .filter(([key]) => key !== '_meta')
        .map(([key, v]) => `${key}: ${shown(v)}`)
        .join(', ')}}`;
}

/** A value as short JSON for messages. */
export function preview(value: unknown, max = 120): string {
    const text = JSON.stringify(value) ?? String(value);
    return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** Over 2026-07-28 Streamable HTTP, a refusal the revision gives a status for must carry it. */
export function wrongStatus(probe: ProbeContext, exchange: Exchange, status: number): string | false {
    return probe.overModernHttp && exchange.status !== status && `the refusal came with HTTP ${exchange.status}, not ${status}`;
}

/** The error of an answer, if it is one. */
export function errorOf(exchange: Exchange): { code: number; message: string; data?: unknown } | undefined {
    return exchange.answer && 'error' in exchange.answer ? exchange.answer.error : undefined;
}

/** The result of an answer, if it is one. */
export function resultOf(exchange: Exchange): unknown {
    return exchange.answer && 'result' in exchange.answer ? exchange.answer.result : undefined;
}

function toAnswer(response: Record<string, unknown>): RawAnswer | undefined {
    if ('result' in response) return { result: response.result };
    const error = response.error;
    if (!isJsonObject(error) || typeof error.code !== 'number') return undefined;
    return { error: { code: error.code, message: String(error.message ?? ''), ...(error.data !== undefined ? { data: error.data } : {}) } };
}
