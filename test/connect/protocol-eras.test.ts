import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import { once } from 'node:events';
import { join } from 'node:path';
import { UniversalMCPClient } from '../../src/connect/client.js';
import type { ProtocolChoice } from '../../src/connect/protocol.js';
import type { ServerConfig } from '../../src/connect/types.js';
import { ConnectError, InputRequiredError } from '../../src/errors.js';
import { ROOT } from '../helpers/cli.js';
import { WEATHER, startEverything, startListeningFixture, type RunningServer } from '../helpers/servers.js';

const CALC = join(ROOT, 'fixtures/calc-server.js');
const ANSWER_YES = { confirm: { action: 'accept', content: { confirm: true } } };
const ELICITATION = { elicitation: { form: {} } };

/** Connects once with `config`, runs `use`, and always closes. */
async function withServer<T>(config: ServerConfig, use: (mcp: UniversalMCPClient) => Promise<T>): Promise<T> {
    const mcp = new UniversalMCPClient();
    mcp.addServer('s', { timeoutMs: 15_000, ...config } as ServerConfig);
    try {
        return await use(mcp);
    } finally {
        await mcp.close();
    }
}

function stdio(script: string, args: string[] = [], protocol?: ProtocolChoice): ServerConfig {
    return { transport: 'stdio', command: process.execPath, args: [script, ...args], ...(protocol ? { protocol } : {}) };
}

function streamable(url: string, protocol?: ProtocolChoice): ServerConfig {
    return { transport: 'streamable_http', url, ...(protocol ? { protocol } : {}) };
}

async function spokenVersion(config: ServerConfig): Promise<string> {
    return withServer(config, async (mcp) => (await mcp.connect('s')).protocolVersion);
}

async function connectFailure(config: ServerConfig): Promise<string> {
    const error = await withServer(config, (mcp) => mcp.connect('s').then(() => undefined, (e: unknown) => e));
    assert.ok(error instanceof ConnectError, `expected a ConnectError, got ${String(error)}`);
    return error.reason;
}

describe('protocol eras', () => {
    let dualHttp: RunningServer;
    let modernHttp: RunningServer;
    let legacyHttp: RunningServer;

    before(async () => {
        [dualHttp, modernHttp, legacyHttp] = await Promise.all([
            startListeningFixture(CALC, ['--http', '0']),
            startListeningFixture(CALC, ['--http', '0', '--modern-only']),
            startListeningFixture(WEATHER, ['--http', '0']),
        ]);
    });

    after(async () => {
        await Promise.all([dualHttp?.stop(), modernHttp?.stop(), legacyHttp?.stop()]);
    });

    describe('auto chooses the newest revision both sides speak', () => {
        it('a dual-era server over stdio is spoken to in 2026-07-28', async () => {
            assert.equal(await spokenVersion(stdio(CALC)), '2026-07-28');
        });

        it('a modern-only server over stdio is spoken to in 2026-07-28', async () => {
            assert.equal(await spokenVersion(stdio(CALC, ['--modern-only'])), '2026-07-28');
        });

        it('a 2025-only server over stdio falls back to the initialize handshake', async () => {
            assert.equal(await spokenVersion(stdio(WEATHER)), '2025-11-25');
        });

        it('a dual-era server over Streamable HTTP is spoken to in 2026-07-28', async () => {
            assert.equal(await spokenVersion(streamable(dualHttp.url)), '2026-07-28');
        });

        it('a modern-only server over Streamable HTTP is spoken to in 2026-07-28', async () => {
            assert.equal(await spokenVersion(streamable(modernHttp.url)), '2026-07-28');
        });

        it('a 2025-only server over Streamable HTTP falls back to a 2025 session', async () => {
            assert.equal(await spokenVersion(streamable(legacyHttp.url)), '2025-11-25');
        });

        it('a legacy SSE server (server-everything) is spoken to in the 2025 era', async () => {
            const everything = await startEverything('sse');
            try {
                assert.match(await spokenVersion({ transport: 'sse', url: everything.url }), /^2025-/);
            } finally {
                await everything.stop();
            }
        });
    });

    describe('a pinned revision is spoken exactly', () => {
        it('a dual-era server pinned to 2025-11-25 over stdio', async () => {
            assert.equal(await spokenVersion(stdio(CALC, [], '2025-11-25')), '2025-11-25');
        });

        it('a dual-era server pinned to 2025-06-18 over stdio', async () => {
            assert.equal(await spokenVersion(stdio(CALC, [], '2025-06-18')), '2025-06-18');
        });

        it('a dual-era server pinned to 2025-11-25 over Streamable HTTP', async () => {
            assert.equal(await spokenVersion(streamable(dualHttp.url, '2025-11-25')), '2025-11-25');
        });

        it('discover lists what the server offers', async () => {
            const info = await withServer(stdio(CALC, [], '2026-07-28'), (mcp) => mcp.connect('s'));
            assert.deepEqual(info.supportedVersions, ['2026-07-28']);
            assert.equal(info.name, 'calc-server');
            assert.equal(info.version, '2.0.0');
            assert.equal(info.instructions, 'A calculator for tests.');
            assert.ok(info.capabilities.tools);
        });
    });

    describe('everything works on 2026-07-28', () => {
        for (const [label, config] of [
            ['stdio', () => stdio(CALC, ['--modern-only'])],
            ['Streamable HTTP', () => streamable(modernHttp.url)],
        ] as const) {
            it(`lists and calls tools, reads resources and gets prompts over ${label}`, async () => {
                await withServer(config(), async (mcp) => {
                    await mcp.connect('s');
                    assert.deepEqual((await mcp.listTools('s')).map((t) => t.name), ['add', 'divide', 'reset']);
                    const sum = await mcp.callTool('s', 'add', { a: 2, b: 3 });
                    assert.deepEqual(sum.structuredContent, { sum: 5 });
                    const quotient = await mcp.callTool('s', 'divide', { a: 1, b: 0 });
                    assert.equal(quotient.isError, true);
                    assert.deepEqual((await mcp.listResources('s')).map((r) => r.uri), ['calc://constants']);
                    const read = await mcp.readResource('s', 'calc://constants');
                    assert.match(JSON.stringify(read.contents), /3\.14159/);
                    const prompt = await mcp.getPrompt('s', 'explain', { op: 'add' });
                    assert.match(JSON.stringify(prompt.messages), /Explain how to add two numbers/);
                });
            });
        }
    });

    describe('inputs answer what the server asks, on both eras', () => {
        for (const protocol of ['2026-07-28', '2025-11-25'] as const) {
            it(`${protocol}: declared inputs answer the question and the call completes`, async () => {
                const result = await withServer({ ...stdio(CALC, [], protocol), clientCapabilities: ELICITATION }, async (mcp) => {
                    await mcp.connect('s');
                    return mcp.callTool('s', 'reset', { memory: 'm1' }, { inputs: ANSWER_YES });
                });
                assert.deepEqual(result.content, [{ type: 'text', text: 'cleared m1' }]);
            });

            it(`${protocol}: without inputs the call fails with the question the server asked`, async () => {
                const error = await withServer({ ...stdio(CALC, [], protocol), clientCapabilities: ELICITATION }, async (mcp) => {
                    await mcp.connect('s');
                    return mcp.callTool('s', 'reset', { memory: 'm1' }).then(() => undefined, (e: unknown) => e);
                });
                assert.ok(error instanceof InputRequiredError);
                assert.match(error.message, /elicitation\/create "Really clear m1\?"/);
            });
        }

        it('2026-07-28: the input name the server asked for is in the message', async () => {
            const error = await withServer({ ...stdio(CALC, ['--modern-only']), clientCapabilities: ELICITATION }, async (mcp) => {
                await mcp.connect('s');
                return mcp.callTool('s', 'reset', { memory: 'm1' }).then(() => undefined, (e: unknown) => e);
            });
            assert.match(String(error), /confirm \(elicitation\/create "Really clear m1\?"\)/);
        });
    });

    describe('errors name the cause', () => {
        it('a modern-only server pinned to 2025-11-25 says which versions it offers (-32022)', async () => {
            const reason = await connectFailure(stdio(CALC, ['--modern-only'], '2025-11-25'));
            assert.match(reason, /refused initialize 2025-11-25 with -32022 \(unsupported protocol version\); the server offers 2026-07-28/);
            assert.doesNotMatch(reason, /exited/);
        });

        it('the same over Streamable HTTP', async () => {
            const reason = await connectFailure(streamable(modernHttp.url, '2025-11-25'));
            assert.match(reason, /refused initialize 2025-11-25 with -32022 .*the server offers 2026-07-28/);
        });

        it('a 2025-only server pinned to 2026-07-28 says it does not offer it', async () => {
            const reason = await connectFailure(stdio(WEATHER, [], '2026-07-28'));
            assert.match(reason, /the server does not offer 2026-07-28: it answered server\/discover with -32601 \(Method not found\)/);
        });

        it('the same over Streamable HTTP', async () => {
            const reason = await connectFailure(streamable(legacyHttp.url, '2026-07-28'));
            assert.match(reason, /the server does not offer 2026-07-28/);
        });

        it('2026-07-28 over legacy SSE is refused before anything is sent', async () => {
            const reason = await connectFailure({ transport: 'sse', url: 'http://127.0.0.1:9/sse', protocol: '2026-07-28' });
            assert.match(reason, /2026-07-28 has no SSE transport/);
        });

        it('a missing client capability is the server\'s -32021 error, naming the capability', async () => {
            const error = await withServer(stdio(CALC, ['--modern-only']), async (mcp) => {
                await mcp.connect('s');
                return mcp.callTool('s', 'reset', { memory: 'm1' }).then(() => undefined, (e: unknown) => e);
            });
            assert.equal((error as { code?: number }).code, -32021);
            assert.deepEqual((error as { data?: unknown }).data, { requiredCapabilities: { elicitation: { form: {} } } });
        });

        it('a header that disagrees with the body is the server\'s -32020 error', async () => {
            const proxy = await startHeaderRewritingProxy(modernHttp.url);
            try {
                const error = await withServer(streamable(proxy.url), async (mcp) => {
                    await mcp.connect('s');
                    return mcp.callTool('s', 'add', { a: 1, b: 2 }).then(() => undefined, (e: unknown) => e);
                });
                assert.equal((error as { code?: number }).code, -32020);
            } finally {
                await proxy.stop();
            }
        });
    });
});

/** A real HTTP proxy that changes the `Mcp-Name` header of tool calls, so header and body disagree. */
async function startHeaderRewritingProxy(target: string): Promise<{ url: string; stop(): Promise<void> }> {
    const server = http.createServer(async (req, res) => {
        const chunks: Buffer[] = [];
        for await (const chunk of req) chunks.push(chunk as Buffer);
        const headers = new Headers();
        for (const [name, value] of Object.entries(req.headers)) {
            if (typeof value === 'string' && name !== 'host' && name !== 'content-length') headers.set(name, value);
        }
        if (headers.get('mcp-method') === 'tools/call') headers.set('mcp-name', 'not-the-tool');
        const answer = await fetch(target, { method: req.method, headers, body: req.method === 'POST' ? Buffer.concat(chunks) : undefined });
        res.writeHead(answer.status, { 'content-type': answer.headers.get('content-type') ?? 'application/json' });
        res.end(Buffer.from(await answer.arrayBuffer()));
    });
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    const { port } = server.address() as { port: number };
    return {
        url: `http://127.0.0.1:${port}/mcp`,
        stop: () => new Promise((resolve) => server.close(() => resolve())),
    };
}
