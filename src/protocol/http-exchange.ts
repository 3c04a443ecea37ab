/**
 * One HTTP exchange with a Streamable HTTP server, as sent and as answered: the protocol
 * checks that are about HTTP (statuses, headers, origins, sessions, batches) need what the
 * transports hide. The answer's body is read whole, as JSON or as an event stream.
 */
import { createParser } from 'eventsource-parser';
import { fetchFor } from '../connect/auth/authorized-fetch.js';
import { isJsonObject } from '../connect/json-rpc-message.js';
import type { HttpServerConfig } from '../connect/types.js';

export interface HttpAnswer {
    status: number;
    headers: Headers;
    /** The JSON values the body held: one for a JSON body, one per event of an event stream. */
    messages: unknown[];
    /** The body as text, cut to 300 characters, for messages. */
    text: string;
}

export interface HttpRequest {
    method?: 'POST' | 'DELETE' | 'GET';
    /** Sent as JSON (POST only). */
    body?: unknown;
    /** Merged over the server's configured headers and the JSON content headers. */
    headers?: Headers | Record<string, string>;
    /** Another URL than the server's (e.g. with a query string). */
    url?: string;
    /**
     * Sent without the server's `auth:` token (and without an Authorization of its `headers`),
     * for the rules that check what the server does with no token or a wrong one.
     */
    unauthenticated?: boolean;
    timeoutMs: number;
    signal?: AbortSignal;
}

/** Sends one request to the server's URL and reads the whole answer; throws when there is none. */
export async function exchangeHttp(config: HttpServerConfig, request: HttpRequest): Promise<HttpAnswer> {
    const headers = new Headers(config.headers);
    if (request.unauthenticated) headers.delete('authorization');
    headers.set('content-type', 'application/json');
    headers.set('accept', 'application/json, text/event-stream');
    for (const [name, value] of new Headers(request.headers)) headers.set(name, value);
    const signals = [AbortSignal.timeout(request.timeoutMs), ...(request.signal ? [request.signal] : [])];
    const send = request.unauthenticated ? fetch : fetchFor(config);
    const response = await send(request.url ?? config.url, {
        method: request.method ?? 'POST',
        headers,
        body: request.body === undefined ? undefined : JSON.stringify(request.body),
        redirect: 'manual',
        signal: AbortSignal.any(signals),
    });
    const type = response.headers.get('content-type') ?? '';
    // A GET opens a stream that may never end: its status and headers are the answer.
    if (request.method === 'GET') {
        await response.body?.cancel().catch(() => undefined);
        return { status: response.status, headers: response.headers, messages: [], text: '' };
    }
    // An event stream may stay open after the answer; the first JSON-RPC response ends the read.
    const body = type.startsWith('text/event-stream') ? await readEvents(response) : { text: await response.text(), messages: undefined };
    const messages = body.messages ?? parseJson(body.text);
    return { status: response.status, headers: response.headers, messages, text: body.text.length > 300 ? `${body.text.slice(0, 300)}…` : body.text };
}

/** The JSON-RPC response among `messages` (the answer to `id`, or an error that names no id). */
export function responseOf(messages: readonly unknown[], id: unknown): Record<string, unknown> | undefined {
    return messages.filter(isJsonObject).find((m) => ('result' in m || 'error' in m) && (m.id === id || (m.id === null && 'error' in m) || !('id' in m)));
}

async function readEvents(response: Response): Promise<{ text: string; messages: unknown[] }> {
    const messages: unknown[] = [];
    let text = '';
    let answered = false;
    const parser = createParser({
        onEvent: (event) => {
            if (event.data.trim() === '') return;
            const value = parseJson(event.data)[0];
            messages.push(value);
            if (isJsonObject(value) && ('result' in value || 'error' in value)) answered = true;
        },
    });
    const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
    try {
        while (!answered) {
            const { done, value } = await reader.read();
            if (done) break;
            text += value;
            parser.feed(value);
        }
    } finally {
        await reader.cancel().catch(() => undefined);
    }
    return { text, messages };
}

function parseJson(text: string): unknown[] {
    try {
        return text.trim() === '' ? [] : [JSON.parse(text)];
    } catch {
        return [];
    }
}
