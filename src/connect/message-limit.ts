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
    let count = 0;
    const counter = new TransformStream<Uint8Array, Uint8Array>({
        transform(chunk, controller) {
            count += chunk.length;
            if (isStream) {
                const end = lastEventEnd(chunk);
                if (end !== -1) count = chunk.length - end;
            }
            if (count > limit) {
                controller.error(new MessageTooLargeError(count, limit, undefined, false));
                return;
            }
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

/** Index just past the last blank line (`\n\n`) in the chunk, or -1. */
function lastEventEnd(chunk: Uint8Array): number {
    for (let i = chunk.length - 1; i > 0; i--) {
        if (chunk[i] === 0x0a && chunk[i - 1] === 0x0a) return i + 1;
    }
    return -1;
}
