/**
 * Streamable HTTP as 2026-07-28 uses it: no session, one POST per message. Each request names
 * its method (and the tool, prompt or resource it is about) in headers, so gateways can route
 * it without reading the body; the answer is a JSON body or an event stream that ends with it.
 * A JSON-RPC error sent with a 4xx status (unsupported version, header mismatch) is delivered
 * as the answer it is; any other HTTP failure rejects `send` with the status.
 */
import type { Transport } from '@modelcontextprotocol/sdk/shared/transport.js';
import type { JSONRPCMessage } from '@modelcontextprotocol/sdk/types.js';
import { EventSourceParserStream } from 'eventsource-parser/stream';
import { fetchFor } from './auth/authorized-fetch.js';
import { isJsonObject, toMessage } from './json-rpc-message.js';
import { META_KEYS } from './protocol.js';
import { limitBody, MessageTooLargeError, readLimitedText } from './message-limit.js';
import { DEFAULT_MAX_MESSAGE_BYTES, type HttpServerConfig } from './types.js';

/** Which parameter a request's `Mcp-Name` header repeats. */
const NAME_SOURCE: Record<string, string> = { 'tools/call': 'name', 'prompts/get': 'name', 'resources/read': 'uri' };

/** An HTTP answer that is not MCP; `status` lets connect failures say what it usually means. */
export class HttpStatusError extends Error {
    override readonly name = 'HttpStatusError';
    constructor(
        readonly code: number,
        body: string,
    ) {
        super(`HTTP ${code}${body ? `: ${body.slice(0, 200)}` : ''}`);
    }
}

export class StatelessHttpTransport implements Transport {
    onclose?: () => void;
    onerror?: (error: Error) => void;
    onmessage?: (message: JSONRPCMessage) => void;
    private readonly inFlight = new AbortController();

    constructor(private readonly config: HttpServerConfig) {}

    async start(): Promise<void> {
        // Nothing to open: every message is its own exchange.
    }

    async send(message: JSONRPCMessage): Promise<void> {
        const sent = await fetchFor(this.config)(this.config.url, {
            method: 'POST',
            headers: requestHeaders(this.config, message),
            body: JSON.stringify(message),
            // The spec's headers must not reach another origin behind a redirect.
            redirect: 'manual',
            signal: this.inFlight.signal,
        });
        const limit = this.config.maxMessageBytes ?? DEFAULT_MAX_MESSAGE_BYTES;
        const type = sent.headers.get('content-type') ?? '';
        if (sent.status >= 300) {
            const body = await readLimitedText(sent, limit).catch(() => '');
            const answer = type.includes('json') ? parseJson(body) : undefined;
            // It answers this POST, whatever id it carries (servers often send null when refusing one).
            if (isJsonObject(answer) && 'error' in answer) return 'id' in message ? this.deliver({ ...answer, id: message.id }) : undefined;
            throw new HttpStatusError(sent.status, body);
        }
        if (type.startsWith('text/event-stream') && sent.body) {
            // The answer may come after notifications; reading goes on while `send` has returned.
            void this.readEvents(limitBody(sent, limit).body!, 'id' in message && typeof message.id === 'number' ? message.id : undefined);
            return;
        }
        const body = await readLimitedText(sent, limit);
        if (body.trim() === '') return;
        if (!type.includes('json')) throw new Error(`unexpected content type: ${type || 'none'}`);
        this.deliver(JSON.parse(body));
    }

    async close(): Promise<void> {
        this.inFlight.abort();
        this.onclose?.();
    }

    private async readEvents(body: ReadableStream<Uint8Array>, requestId: number | undefined): Promise<void> {
        try {
            const events = body.pipeThrough(new TextDecoderStream()).pipeThrough(new EventSourceParserStream());
            for await (const event of events) {
                if (event.data.trim() !== '') this.deliver(JSON.parse(event.data));
            }
        } catch (error) {
            if (this.inFlight.signal.aborted) return;
            // The stream answered one request: an oversized event is that request's answer.
            this.onerror?.(error instanceof MessageTooLargeError ? new MessageTooLargeError(error.bytes, error.limit, requestId, false) : (error as Error));
        }
    }

    private deliver(value: unknown): void {
        let message: JSONRPCMessage;
        try {
            message = toMessage(value);
        } catch (error) {
            this.onerror?.(error as Error);
            return;
        }
        this.onmessage?.(message);
    }
}

/**
 * The headers of one POST: the user's, then what 2026-07-28 mirrors from the body (protocol
 * version, method, and the tool, prompt or resource a request is about).
 */
export function requestHeaders(config: HttpServerConfig, message: JSONRPCMessage): Headers {
    const headers = new Headers(config.headers);
    headers.set('content-type', 'application/json');
    headers.set('accept', 'application/json, text/event-stream');
    if ('method' in message && 'id' in message) {
        const params = (message.params ?? {}) as Record<string, unknown>;
        const meta = (params._meta ?? {}) as Record<string, unknown>;
        if (typeof meta[META_KEYS.protocolVersion] === 'string') headers.set('mcp-protocol-version', meta[META_KEYS.protocolVersion] as string);
        headers.set('mcp-method', message.method);
        const name = params[NAME_SOURCE[message.method] ?? ''];
        if (typeof name === 'string') headers.set('mcp-name', headerValue(name));
    }
    return headers;
}

function parseJson(text: string): unknown {
    try {
        return JSON.parse(text);
    } catch {
        return undefined;
    }
}

/** Header values are visible ASCII; anything else is sent base64-wrapped, as the revision says. */
function headerValue(value: string): string {
    const plain = value !== '' && value === value.trim() && /^[\t\x20-\x7e]*$/.test(value) && !(value.startsWith('=?base64?') && value.endsWith('?='));
    return plain ? value : `=?base64?${Buffer.from(value, 'utf8').toString('base64')}?=`;
}
