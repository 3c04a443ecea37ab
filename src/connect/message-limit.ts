/**
 * A cap on the size of one message from a server. Without it a 200 MB line on stdout, or a
 * gzip bomb over HTTP (a small body that inflates to gigabytes), takes mcp-check's memory with
 * it. Over the cap, the message is dropped and the request it answers fails with this error.
 */

/** A message from the server over `max_message_size`. */
export class MessageTooLargeError extends Error {
    override readonly name = 'MessageTooLargeError';

    constructor(
        readonly bytes: number,
        readonly limit: number,
        /** The request the message answered, when that could be read from it. */
        readonly requestId?: number,
        complete = true,
    ) {
        super(`the server sent a message of ${complete ? formatBytes(bytes) : `more than ${formatBytes(limit)}`}, over the limit of ${formatBytes(limit)} (max_message_size); mcp-check dropped it`);
    }
}

/** `64 MB`, `512 KB`, `37 bytes`. */
export function formatBytes(bytes: number): string {
    if (bytes >= 1024 ** 2) return `${+(bytes / 1024 ** 2).toFixed(1)} MB`;
    if (bytes >= 1024) return `${+(bytes / 1024).toFixed(1)} KB`;
    return `${bytes} bytes`;
}

/** The numeric `id` of a JSON-RPC message from a piece of its text (its start or its end). */
export function requestIdIn(text: string): number | undefined {
    const match = /"id"\s*:\s*(\d{1,15})\s*[,}]/.exec(text);
    return match ? Number(match[1]) : undefined;
}

/**
 * The response with a body that errors once it passes `limit` bytes as read, i.e. after
 * decompression. An event stream is a sequence of messages, so there each event is counted alone.
 */
export function limitBody(response: Response, limit: number): Response {
    if (!response.body) return response;
    if (declaresSizeWithin(response, limit)) return response;
    const isStream = response.headers.get('content-type')?.startsWith('text/event-stream') ?? false;
    // Bytes of the message being read: the whole body, or in a stream the event not yet ended.
    let count = 0;
    // The last two bytes read, so that a blank line split between two reads is still seen.
    let before: [number, number] = [-1, -1];
    const counter = new TransformStream<Uint8Array, Uint8Array>({
        transform(chunk, controller) {
            let start = 0;
            if (isStream) {
                for (const end of eventEnds(chunk, before)) {
                    if (count + end - start > limit) return controller.error(new MessageTooLargeError(count + end - start, limit));
                    count = 0;
                    start = end;
                }
                if (chunk.length > 0) before = [chunk.length > 1 ? chunk[chunk.length - 2]! : before[1], chunk[chunk.length - 1]!];
            }
            count += chunk.length - start;
            if (count > limit) return controller.error(new MessageTooLargeError(count, limit, undefined, false));
            controller.enqueue(chunk);
        },
    });
    return new Response(response.body.pipeThrough(counter), { status: response.status, statusText: response.statusText, headers: response.headers });
}

/**
 * The body as text, erroring once it passes `limit` bytes as read (after decompression). Cheaper
 * than `limitBody(response).text()` for a plain answer: the chunks are counted as they are read,
 * with no stream in between.
 */
export async function readLimitedText(response: Response, limit: number): Promise<string> {
    if (!response.body) return '';
    if (declaresSizeWithin(response, limit)) return response.text();
    const decoder = new TextDecoder();
    let text = '';
    let count = 0;
    // Leaving the loop by the throw cancels the body, so the rest is never downloaded.
    for await (const chunk of response.body) {
        count += chunk.length;
        if (count > limit) throw new MessageTooLargeError(count, limit, undefined, false);
        text += decoder.decode(chunk, { stream: true });
    }
    return text + decoder.decode();
}

// A body that says its size, under the limit, needs no counting: without compression, no more
// than that is read (the common JSON answer, and the one-event stream many servers send).
function declaresSizeWithin(response: Response, limit: number): boolean {
    return !response.headers.has('content-encoding') && Number(response.headers.get('content-length') ?? NaN) <= limit;
}

/**
 * Where events end in the chunk: just past each blank line, written `\n\n` or `\r\n\r\n` (servers
 * built on sse-starlette, the Python SDK's among them, use the latter). `before` holds the two
 * bytes read before the chunk, for a blank line that a read boundary splits.
 */
function* eventEnds(chunk: Uint8Array, before: readonly [number, number]): Generator<number> {
    const bytes = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    const at = (i: number): number => (i >= 0 ? bytes[i]! : before[2 + i]!);
    for (let lf = bytes.indexOf(0x0a); lf !== -1; lf = bytes.indexOf(0x0a, lf + 1)) {
        if (at(lf - 1) === 0x0a || (at(lf - 1) === 0x0d && at(lf - 2) === 0x0a)) yield lf + 1;
    }
}
