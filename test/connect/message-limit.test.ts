import assert from 'node:assert/strict';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { gzipSync } from 'node:zlib';
import { limitBody, MessageTooLargeError, readLimitedText } from '../../src/connect/message-limit.js';

/** A real listener on 127.0.0.1 that answers every request with `handler`; closed after `use`. */
async function withServer(handler: (req: IncomingMessage, res: ServerResponse) => void, use: (url: string) => Promise<void>): Promise<void> {
    const server = createServer(handler);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
        await use(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
    } finally {
        server.closeAllConnections();
        await new Promise((resolve) => server.close(resolve));
    }
}

/**
 * Sends the chunks one by one, a moment apart so each arrives as its own read (chunked encoding:
 * no length declared), then ends.
 */
function chunked(type: string, chunks: Buffer[]): (req: IncomingMessage, res: ServerResponse) => void {
    return async (_req, res) => {
        res.writeHead(200, { 'content-type': type });
        for (const chunk of chunks) {
            res.write(chunk);
            await sleep(10);
        }
        res.end();
    };
}

test('readLimitedText decodes a character split across two chunks of an undeclared length', async () => {
    const text = JSON.stringify({ jsonrpc: '2.0', id: 1, result: { text: 'grüße, 天気' } });
    const bytes = Buffer.from(text, 'utf8');
    const split = bytes.indexOf(Buffer.from('天', 'utf8')) + 1;
    await withServer(chunked('application/json', [bytes.subarray(0, split), bytes.subarray(split)]), async (url) => {
        assert.equal(await readLimitedText(await fetch(url), 1024), text);
    });
});

test('readLimitedText fails an undeclared body once it passes the limit, naming the limit', async () => {
    await withServer(chunked('application/json', [Buffer.alloc(600, 0x20), Buffer.alloc(600, 0x20)]), async (url) => {
        await assert.rejects(readLimitedText(await fetch(url), 1000), (error: unknown) => {
            assert.ok(error instanceof MessageTooLargeError);
            assert.match(error.message, /more than 1000 bytes, over the limit of 1000 bytes \(max_message_size\)/);
            return true;
        });
    });
});

test('readLimitedText counts a compressed body as inflated, whatever length it declares', async () => {
    const body = gzipSync(Buffer.alloc(5000, 0x20));
    await withServer(
        (_req, res) => {
            res.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'gzip', 'content-length': body.length });
            res.end(body);
        },
        async (url) => {
            await assert.rejects(readLimitedText(await fetch(url), 1000), MessageTooLargeError);
        },
    );
});

for (const [style, newline] of [
    ['\\n', '\n'],
    ['\\r\\n', '\r\n'],
]) {
    const event = (data: string) => Buffer.from(`event: message${newline}data: ${data}${newline}${newline}`);

    test(`limitBody counts each event of a stream alone (lines ending ${style}): many small events pass`, async () => {
        const small = Array.from({ length: 20 }, (_, i) => event(`{"n":${i}}`));
        await withServer(chunked('text/event-stream', small), async (url) => {
            const text = await limitBody(await fetch(url), 100).text();
            assert.equal(text.split('event: message').length - 1, 20);
        });
    });

    test(`limitBody sees an event's end when a read boundary splits its blank line (lines ending ${style})`, async () => {
        const events = Array.from({ length: 5 }, (_, i) => event(`{"n":${i}}`));
        // Each event's last newline arrives on its own, as from a server that writes line by line.
        const reads = events.flatMap((e) => [e.subarray(0, e.length - 1), e.subarray(e.length - 1)]);
        await withServer(chunked('text/event-stream', reads), async (url) => {
            const text = await limitBody(await fetch(url), 60).text();
            assert.equal(text.split('event: message').length - 1, 5);
        });
    });

    test(`limitBody fails a stream at an event over the limit (lines ending ${style}), whether it comes in one read or several`, async () => {
        const large = event('x'.repeat(200));
        for (const chunks of [[Buffer.concat([event('{}'), large])], [large.subarray(0, 80), large.subarray(80, 160), large.subarray(160)]]) {
            await withServer(chunked('text/event-stream', chunks), async (url) => {
                await assert.rejects(limitBody(await fetch(url), 100).text(), MessageTooLargeError);
            });
        }
    });
}
