import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { getEventListeners } from 'node:events';
import { setTimeout as sleep } from 'node:timers/promises';
import { ErrorCode, McpError } from '@modelcontextprotocol/sdk/types.js';
import { RequestChannel } from '../../src/connect/request-channel.js';
import { ProcessStdioTransport } from '../../src/connect/stdio-transport.js';

/**
 * A scripted newline-JSON-RPC server: `echo` answers, `slow` sends progress every 100 ms five
 * times before answering, `hang` never answers, `fail` answers with an error, `exit` exits.
 * Every message it receives is logged on stderr, so tests can see cancellations.
 */
const SCRIPT = `
const send = (m) => process.stdout.write(JSON.stringify({ jsonrpc: '2.0', ...m }) + '\\n');
let buffer = '';
process.stdin.on('data', (chunk) => {
    buffer += chunk;
    for (let nl; (nl = buffer.indexOf('\\n')) >= 0; ) {
        const m = JSON.parse(buffer.slice(0, nl));
        buffer = buffer.slice(nl + 1);
        process.stderr.write('got ' + JSON.stringify(m) + '\\n');
        if (m.method === 'echo') send({ id: m.id, result: { content: [{ type: 'text', text: m.params.text }] } });
        if (m.method === 'fail') send({ id: m.id, error: { code: -32602, message: 'bad arguments', data: { field: 'x' } } });
        if (m.method === 'exit') process.exit(3);
        if (m.method === 'slow') {
            let n = 0;
            const tick = setInterval(() => {
                send({ method: 'notifications/progress', params: { progressToken: m.params._meta.progressToken, progress: ++n } });
                if (n === 5) { clearInterval(tick); send({ id: m.id, result: { done: true } }); }
            }, 100);
        }
    }
});
`;

async function open(): Promise<{ channel: RequestChannel; transport: ProcessStdioTransport; received(): string[] }> {
    const transport = new ProcessStdioTransport({ transport: 'stdio', command: process.execPath, args: ['-e', SCRIPT] });
    const channel = new RequestChannel(transport);
    transport.onmessage = (message) => void channel.take(message);
    transport.onclose = () => channel.close();
    await transport.start();
    const received = () =>
        (transport.process?.stderr.text() ?? '')
            .split('\n')
            .filter((l) => l.startsWith('got '))
            .map((l) => l.slice(4));
    return { channel, transport, received };
}

const asIs = (result: unknown) => result;

describe('RequestChannel', () => {
    let subject: Awaited<ReturnType<typeof open>>;
    before(async () => {
        subject = await open();
    });
    after(async () => {
        await subject.transport.close();
    });

    it('resolves with the result, read by the given reader', async () => {
        const result = await subject.channel.request('echo', { text: 'hi' }, (r) => (r as { content: unknown[] }).content, { timeoutMs: 5000 });
        assert.deepEqual(result, [{ type: 'text', text: 'hi' }]);
    });

    it('sends a progress token equal to the request id, keeping the caller’s _meta', async () => {
        await subject.channel.request('echo', { text: 'x', _meta: { trace: 'abc' } }, asIs, { timeoutMs: 5000 });
        // stderr is a separate pipe: the server's log of the request may arrive after its answer.
        await waitFor(() => subject.received().some((l) => l.includes('"trace"')));
        const sent = JSON.parse(subject.received().find((l) => l.includes('"trace"'))!) as { id: number; params: { _meta: Record<string, unknown> } };
        assert.deepEqual(sent.params._meta, { trace: 'abc', progressToken: sent.id });
    });

    it('rejects with the reader’s error when the result is not what it wants', async () => {
        const bad = new Error('not a result');
        await assert.rejects(
            subject.channel.request('echo', { text: 'hi' }, () => {
                throw bad;
            }, { timeoutMs: 5000 }),
            (error) => error === bad,
        );
    });

    it('turns a JSON-RPC error into an McpError with its code and data', async () => {
        await assert.rejects(subject.channel.request('fail', {}, asIs, { timeoutMs: 5000 }), (error) => {
            assert.ok(error instanceof McpError);
            assert.equal(error.code, -32602);
            assert.equal(error.message, 'MCP error -32602: bad arguments');
            assert.deepEqual(error.data, { field: 'x' });
            return true;
        });
    });

    it('progress notifications extend the deadline: 500 ms of work within a 300 ms timeout', async () => {
        assert.deepEqual(await subject.channel.request('slow', {}, asIs, { timeoutMs: 300 }), { done: true });
    });

    it('times out with RequestTimeout and tells the server the request is cancelled', async () => {
        await assert.rejects(subject.channel.request('hang', {}, asIs, { timeoutMs: 200 }), (error) => {
            assert.ok(error instanceof McpError);
            assert.equal(error.code, ErrorCode.RequestTimeout);
            assert.deepEqual(error.data, { timeout: 200 });
            return true;
        });
        await waitFor(() => subject.received().some((l) => l.includes('"hang"')));
        const hang = JSON.parse(subject.received().find((l) => l.includes('"hang"'))!) as { id: number };
        await waitFor(() => subject.received().some((l) => l.includes('notifications/cancelled') && l.includes(`"requestId":${hang.id}`)));
    });

    it('aborting rejects with the signal’s reason wrapped as RequestTimeout, and cancels on the server', async () => {
        const controller = new AbortController();
        const pending = subject.channel.request('hang', {}, asIs, { timeoutMs: 5000, signal: controller.signal });
        controller.abort('SIGINT');
        await assert.rejects(pending, (error) => error instanceof McpError && error.code === ErrorCode.RequestTimeout && /SIGINT/.test(error.message));
        await waitFor(() => subject.received().some((l) => l.includes('notifications/cancelled') && l.includes('"reason":"SIGINT"')));
    });

    it('an already aborted signal rejects with its reason and sends nothing', async () => {
        const reason = new Error('stopped');
        await assert.rejects(subject.channel.request('echo', { text: 'never sent' }, asIs, { timeoutMs: 5000, signal: AbortSignal.abort(reason) }), (e) => e === reason);
        await sleep(100);
        assert.ok(!subject.received().some((l) => l.includes('never sent')));
    });

    it('leaves no abort listener behind on the caller’s signal', async () => {
        const controller = new AbortController();
        for (let i = 0; i < 3; i++) await subject.channel.request('echo', { text: 'hi' }, asIs, { timeoutMs: 5000, signal: controller.signal });
        assert.equal(getEventListeners(controller.signal, 'abort').length, 0);
    });

    it('does not take messages that are not answers to its requests', () => {
        assert.equal(subject.channel.take({ jsonrpc: '2.0', id: 999_999, result: {} }), false);
        assert.equal(subject.channel.take({ jsonrpc: '2.0', method: 'notifications/message', params: { level: 'info', data: 'x' } }), false);
        assert.equal(subject.channel.take({ jsonrpc: '2.0', id: 1, method: 'ping' }), false);
    });

    it('does not take a progress notification without a numeric progress', async () => {
        const { channel, transport, received } = await open();
        try {
            const waiting = channel.request('hang', {}, asIs, { timeoutMs: 5000 }).catch(() => undefined);
            await waitFor(() => received().some((m) => m.includes('"hang"')));
            const token = Number(/"progressToken":(\d+)/.exec(received().find((m) => m.includes('"hang"'))!)![1]);
            assert.equal(channel.take({ jsonrpc: '2.0', method: 'notifications/progress', params: { progressToken: token } } as never), false);
            assert.equal(channel.take({ jsonrpc: '2.0', method: 'notifications/progress', params: { progressToken: token, progress: 1 } }), true);
            channel.close();
            await waiting;
        } finally {
            await transport.close();
        }
    });
});

describe('RequestChannel when the connection closes', () => {
    it('rejects the requests still waiting with ConnectionClosed', async () => {
        const { channel, transport } = await open();
        try {
            const waiting = channel.request('hang', {}, asIs, { timeoutMs: 5000 });
            void channel.request('exit', {}, asIs, { timeoutMs: 5000 }).catch(() => undefined);
            await assert.rejects(waiting, (error) => error instanceof McpError && error.code === ErrorCode.ConnectionClosed);
        } finally {
            await transport.close();
        }
    });

    it('rejects a request made after it closed at once, with ConnectionClosed', async () => {
        const { channel, transport } = await open();
        await transport.close();
        await assert.rejects(channel.request('echo', { text: 'late' }, asIs, { timeoutMs: 5000 }), (error) => error instanceof McpError && error.code === ErrorCode.ConnectionClosed);
    });
});

async function waitFor(condition: () => boolean, ms = 3000): Promise<void> {
    const deadline = Date.now() + ms;
    while (!condition()) {
        if (Date.now() > deadline) assert.fail('condition not met in time');
        await sleep(20);
    }
}
