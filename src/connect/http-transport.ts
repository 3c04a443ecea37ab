/**
 * HTTP transports: the SDK's Streamable HTTP and legacy SSE clients, with the user's headers
 * on every request (including the SSE stream, which the SDK opens with its own fetch).
 */
import { SSEClientTransport } from '@modelcontextprotocol/sdk/client/sse.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import type { Transport } from '@modelcontextprotocol/sdk/shared/transport.js';
import { fetchFor } from './auth/authorized-fetch.js';
import { limitBody } from './message-limit.js';
import { DEFAULT_MAX_MESSAGE_BYTES, type HttpServerConfig } from './types.js';

type Fetch = typeof fetch;

/** Builds the SDK transport for an HTTP server config. */
export function createHttpTransport(config: HttpServerConfig): Transport {
    const url = new URL(config.url);
    const headers = config.headers ?? {};
    const fetchWithHeaders = withHeaders(fetchFor(config), headers, config.sseReadTimeoutMs, config.maxMessageBytes ?? DEFAULT_MAX_MESSAGE_BYTES);
    if (config.transport === 'sse') {
        return new SSEClientTransport(url, {
            requestInit: { headers },
            eventSourceInit: { fetch: fetchWithHeaders },
            ...(config.auth ? { fetch: fetchWithHeaders } : {}),
        });
    }
    return new StreamableHTTPClientTransport(url, { requestInit: { headers }, fetch: fetchWithHeaders });
}

/** Stops a Streamable HTTP session on the server (DELETE), then closes the transport. */
export async function closeHttpTransport(transport: Transport): Promise<void> {
    if (transport instanceof StreamableHTTPClientTransport && transport.sessionId) {
        await transport.terminateSession().catch(() => {
            // A server that cannot end its session is still disconnected from our side.
        });
    }
    await transport.close();
}

function withHeaders(base: Fetch, headers: Record<string, string>, readTimeoutMs: number | undefined, maxMessageBytes: number): Fetch {
    return async (input, init) => {
        const merged = new Headers(init?.headers);
        for (const [name, value] of Object.entries(headers)) {
            if (!merged.has(name)) merged.set(name, value);
        }
        const response = limitBody(await base(input, { ...init, headers: merged }), maxMessageBytes);
        const isStream = response.headers.get('content-type')?.startsWith('text/event-stream');
        return isStream && readTimeoutMs && response.body ? withReadTimeout(response, readTimeoutMs) : response;
    };
}

/** Errors an event stream that stays silent longer than `ms`, so a dead stream is noticed. */
function withReadTimeout(response: Response, ms: number): Response {
    let timer: NodeJS.Timeout | undefined;
    let fail = (): void => {};
    const arm = (): void => {
        clearTimeout(timer);
        timer = setTimeout(fail, ms).unref();
    };
    const watchdog = new TransformStream<Uint8Array, Uint8Array>({
        start(controller) {
            fail = () => controller.error(new Error(`SSE stream silent for ${ms} ms`));
            arm();
        },
        transform(chunk, controller) {
            arm();
            controller.enqueue(chunk);
        },
        flush() {
            clearTimeout(timer);
        },
    });
    return new Response(response.body!.pipeThrough(watchdog), {
        status: response.status,
        statusText: response.statusText,
        headers: response.headers,
    });
}
