import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { UniversalMCPClient } from '../../src/connect/client.js';
import type { HttpServerConfig, ServerConfig, ServerInfo, StdioServerConfig } from '../../src/connect/types.js';
import { ConnectError, ServerGoneError } from '../../src/errors.js';
import { ROOT } from '../helpers/cli.js';
import { countStarts, startCountingProxy } from '../helpers/counting.js';
import { EVERYTHING, FAULTY, WEATHER, freePort, isAlive, startEverything, startListeningFixture } from '../helpers/servers.js';
import { shellWord } from '../../src/connect/types.js';

const PAGINATED = join(ROOT, 'fixtures/paginated-server.js');

/** A server under test, started fresh, and a way to count how often it was connected to. */
interface Subject {
    config: ServerConfig;
    /** Processes started (stdio) or `initialize` requests received (HTTP). */
    connections(): Promise<number>;
    stop(): Promise<void>;
}

interface Target {
    label: string;
    setup(): Promise<Subject>;
    expected: {
        name: string;
        tools: string[];
        echo: { args: Record<string, unknown>; text: string };
    };
}

const WEATHER_EXPECTED = {
    name: 'weather-fixture',
    tools: ['get_alerts', 'get_forecast', 'report_outage', 'echo', 'get_station'],
    echo: { args: { text: 'hi' }, text: 'hi' },
};

const EVERYTHING_EXPECTED = {
    name: 'mcp-servers/everything',
    tools: ['echo', 'get-sum', 'get-structured-content'],
    echo: { args: { message: 'hi' }, text: 'Echo: hi' },
};

async function stdioSubject(script: string, args: string[]): Promise<Subject> {
    const counted = await countStarts(process.execPath, [script, ...args]);
    return {
        config: { transport: 'stdio', command: counted.command, args: counted.args },
        connections: async () => (await counted.pids()).length,
        stop: async () => {},
    };
}

async function httpSubject(transport: HttpServerConfig['transport'], start: () => Promise<{ url: string; stop(): Promise<void> }>): Promise<Subject> {
    const server = await start();
    const proxy = await startCountingProxy(server.url);
    return {
        config: { transport, url: proxy.url },
        connections: async () => proxy.initializeCount(),
        stop: async () => {
            await proxy.stop();
            await server.stop();
        },
    };
}

const TARGETS: Target[] = [
    { label: 'weather fixture over stdio', setup: () => stdioSubject(WEATHER, []), expected: WEATHER_EXPECTED },
    {
        label: 'weather fixture over Streamable HTTP',
        setup: () => httpSubject('streamable_http', () => startListeningFixture(WEATHER, ['--http', '0'])),
        expected: WEATHER_EXPECTED,
    },
    {
        label: 'weather fixture over SSE',
        setup: () => httpSubject('sse', () => startListeningFixture(WEATHER, ['--sse', '0'])),
        expected: WEATHER_EXPECTED,
    },
    { label: 'server-everything over stdio', setup: () => stdioSubject(EVERYTHING, ['stdio']), expected: EVERYTHING_EXPECTED },
    { label: 'server-everything over SSE', setup: () => httpSubject('sse', () => startEverything('sse')), expected: EVERYTHING_EXPECTED },
    {
        label: 'server-everything over Streamable HTTP',
        setup: () => httpSubject('streamable_http', () => startEverything('streamableHttp')),
        expected: EVERYTHING_EXPECTED,
    },
];

function textOf(result: { content?: unknown[] }): string {
    return (result.content ?? [])
        .filter((c): c is { type: 'text'; text: string } => (c as { type?: unknown }).type === 'text')
        .map((c) => c.text)
        .join('\n');
}

/** Connects to `name`, which must fail, and returns the ConnectError it rejects with. */
async function connectError(mcp: UniversalMCPClient, name: string): Promise<ConnectError> {
    try {
        await mcp.connect(name);
    } catch (error) {
        assert.ok(error instanceof ConnectError, `expected a ConnectError, got ${String(error)}`);
        return error;
    }
    assert.fail(`connecting to "${name}" should have failed`);
}

function stateOf(mcp: UniversalMCPClient, name: string): string | undefined {
    return mcp.listServers().find((s) => s.name === name)?.state;
}

describe('UniversalMCPClient', () => {
    for (const target of TARGETS) {
        describe(target.label, () => {
            const mcp = new UniversalMCPClient();
            let subject: Subject;
            let info: ServerInfo;

            before(async () => {
                subject = await target.setup();
                mcp.addServer('server', subject.config);
                info = await mcp.connect('server');
            });

            after(async () => {
                await mcp.close();
                await subject?.stop();
            });

            it('reports what the server said about itself during initialize', () => {
                assert.equal(info.name, target.expected.name);
                assert.notEqual(info.version, '');
                assert.notEqual(info.protocolVersion, '');
                assert.equal(typeof info.capabilities, 'object');
                assert.ok('tools' in info.capabilities, 'the server declares the tools capability');
                assert.ok(info.connectedAt instanceof Date);
                assert.equal(mcp.serverInfo('server'), info);
            });

            it('lists the server’s tools', async () => {
                const names = (await mcp.listTools('server')).map((t) => t.name);
                for (const tool of target.expected.tools) assert.ok(names.includes(tool), `${tool} is listed (got ${names.join(', ')})`);
            });

            it('calls a tool and returns its result', async () => {
                const result = await mcp.callTool('server', 'echo', target.expected.echo.args);
                assert.equal(result.isError ?? false, false);
                assert.equal(textOf(result), target.expected.echo.text);
            });

            it('connects once: connecting again returns the same info without a second connection', async () => {
                const again = await Promise.all([mcp.connect('server'), mcp.connect('server')]);
                assert.equal(again[0], info);
                assert.equal(again[1], info);
                assert.equal(await subject.connections(), 1);
            });

            it('lists the server as connected, with its transport and target', () => {
                const config = subject.config;
                const target = config.transport === 'stdio' ? [config.command, ...(config.args ?? [])].map(shellWord).join(' ') : config.url;
                assert.deepEqual(mcp.listServers(), [{ name: 'server', transport: config.transport, target, state: 'connected', info }]);
            });
        });
    }

    describe('lifecycle', () => {
        it('moves a server from idle to connecting, connected and closed', async () => {
            const mcp = new UniversalMCPClient();
            mcp.addServer('weather', { transport: 'stdio', command: process.execPath, args: [WEATHER] });
            assert.equal(stateOf(mcp, 'weather'), 'idle');
            const connecting = mcp.connect('weather');
            try {
                assert.equal(stateOf(mcp, 'weather'), 'connecting');
                await connecting;
                assert.equal(stateOf(mcp, 'weather'), 'connected');
            } finally {
                await mcp.close();
            }
            assert.equal(stateOf(mcp, 'weather'), 'closed');
        });

        it('`await using` disconnects and the stdio server process is gone afterwards', async () => {
            const counted = await countStarts(process.execPath, [WEATHER]);
            let outer: UniversalMCPClient | undefined;
            {
                await using mcp = new UniversalMCPClient();
                outer = mcp;
                mcp.addServer('weather', { transport: 'stdio', command: counted.command, args: counted.args });
                await mcp.connect('weather');
                const [pid] = await counted.pids();
                assert.ok(pid !== undefined && isAlive(pid), 'the server runs while connected');
            }
            const [pid] = await counted.pids();
            assert.equal(stateOf(outer, 'weather'), 'closed');
            assert.equal(isAlive(pid!), false, `server process ${pid} still exists after dispose`);
        });

        it(
            'stops a server that ignores SIGTERM before reporting the failed connect',
            async () => {
                // Never answers, ignores SIGTERM and the end of stdin: only SIGKILL stops it.
                const stubborn = "process.on('SIGTERM', () => {}); process.stdin.resume(); setInterval(() => {}, 1000);";
                const counted = await countStarts(process.execPath, ['-e', stubborn]);
                const mcp = new UniversalMCPClient();
                mcp.addServer('stubborn', { transport: 'stdio', command: counted.command, args: counted.args, timeoutMs: 300 });
                await assert.rejects(mcp.connect('stubborn'), ConnectError);
                // Read synchronously: the check must see the process as the caller sees it on return.
                const pid = Number(readFileSync(counted.file, 'utf8').trim());
                const alive = isAlive(pid);
                await mcp.close();
                assert.equal(alive, false, `server process ${pid} still existed when connect() gave up`);
            },
        );

        it('refuses requests after close(), saying the server is gone', async () => {
            const mcp = new UniversalMCPClient();
            mcp.addServer('weather', { transport: 'stdio', command: process.execPath, args: [WEATHER] });
            await mcp.connect('weather');
            await mcp.close();
            await assert.rejects(mcp.callTool('weather', 'echo', { text: 'hi' }), (error: unknown) => {
                assert.ok(error instanceof ServerGoneError);
                assert.match(error.message, /server "weather" is gone: disconnected/);
                return true;
            });
        });

        it('keeps what a stdio server wrote to stderr, also after disconnecting', async () => {
            const mcp = new UniversalMCPClient();
            mcp.addServer('everything', { transport: 'stdio', command: process.execPath, args: [EVERYTHING, 'stdio'] });
            try {
                await mcp.connect('everything');
            } finally {
                await mcp.close();
            }
            assert.match(mcp.stderr('everything') ?? '', /Starting default \(STDIO\) server/);
        });

        it('starts a `start:` server, uses it, and stops it on close', async () => {
            const port = await freePort();
            const url = `http://127.0.0.1:${port}/mcp`;
            const counted = await countStarts(process.execPath, [WEATHER, '--http', String(port)]);
            const mcp = new UniversalMCPClient();
            mcp.addServer('weather-http', { transport: 'streamable_http', url, start: { command: counted.command, args: counted.args } });
            try {
                const info = await mcp.connect('weather-http');
                assert.equal(info.name, 'weather-fixture');
                const result = await mcp.callTool('weather-http', 'get_alerts', { state: 'CA' });
                assert.match(textOf(result), /Heat Advisory/);
                assert.match(mcp.stderr('weather-http') ?? '', /listening on http:\/\/127\.0\.0\.1/, 'the started server’s output is kept');
            } finally {
                await mcp.close();
            }
            const pids = await counted.pids();
            assert.equal(pids.length, 1, 'started exactly once');
            assert.equal(isAlive(pids[0]!), false, `started server ${pids[0]} still exists after close`);
            await assert.rejects(fetch(url), 'nothing listens on the port any more');
        });
    });

    describe('connection failures name the server, transport, target and cause', () => {
        const mcp = new UniversalMCPClient();
        after(() => mcp.close());

        it('a stdio server that exits at start: its exit code and stderr', async () => {
            const config: StdioServerConfig = { transport: 'stdio', command: process.execPath, args: [FAULTY, '--mode', 'exit-at-start'] };
            mcp.addServer('faulty', config);
            const error = await connectError(mcp, 'faulty');
            assert.equal(error.server, 'faulty');
            assert.equal(error.transport, 'stdio');
            assert.equal(error.target, `${process.execPath} ${FAULTY} --mode exit-at-start`);
            assert.ok(error.message.startsWith(`cannot connect to server "faulty" (stdio ${error.target}): `), error.message);
            assert.match(error.message, /exit code 3/);
            assert.match(error.message, /fatal: config file missing/);
            assert.equal(stateOf(mcp, 'faulty'), 'failed');
        });

        it('a stdio command that does not exist', async () => {
            mcp.addServer('missing', { transport: 'stdio', command: 'mcp-check-no-such-command', args: ['--flag'] });
            const error = await connectError(mcp, 'missing');
            assert.ok(error.message.startsWith('cannot connect to server "missing" (stdio mcp-check-no-such-command --flag): '), error.message);
            assert.match(error.message, /cannot start the command: .*ENOENT/);
        });

        it('a Streamable HTTP URL on a closed port: connection refused', async () => {
            const url = `http://127.0.0.1:${await freePort()}/mcp`;
            mcp.addServer('closed-http', { transport: 'streamable_http', url });
            const error = await connectError(mcp, 'closed-http');
            assert.ok(error.message.startsWith(`cannot connect to server "closed-http" (streamable_http ${url}): `), error.message);
            assert.match(error.message, /connection refused/);
        });

        it(
            'an SSE URL on a closed port: connection refused',
            async () => {
                const url = `http://127.0.0.1:${await freePort()}/sse`;
                mcp.addServer('closed-sse', { transport: 'sse', url });
                const error = await connectError(mcp, 'closed-sse');
                assert.ok(error.message.startsWith(`cannot connect to server "closed-sse" (sse ${url}): `), error.message);
                assert.match(error.message, /connection refused/);
            },
        );

        it(
            'a URL that fetch refuses to open names why',
            async () => {
                mcp.addServer('bad-port', { transport: 'streamable_http', url: 'http://127.0.0.1:1/mcp' });
                const error = await connectError(mcp, 'bad-port');
                assert.doesNotMatch(error.message, /: fetch failed$/);
                assert.match(error.message, /bad port/);
            },
        );

        it('a `start:` command that exits before its URL answers: its exit code and output', async () => {
            const url = `http://127.0.0.1:${await freePort()}/mcp`;
            mcp.addServer('bad-start', { transport: 'streamable_http', url, start: { command: process.execPath, args: [WEATHER, '--http', 'not-a-port'] } });
            const error = await connectError(mcp, 'bad-start');
            assert.ok(error.message.startsWith(`cannot connect to server "bad-start" (streamable_http ${url}): `), error.message);
            assert.match(error.message, /start command ended before the server would accept connections on .* \(exit code 2\)/);
            assert.match(error.message, /--http expects a port number/);
        });

        it('a server that never answers initialize: the timeout', async () => {
            mcp.addServer('mute', { transport: 'stdio', command: process.execPath, args: [FAULTY, '--mode', 'no-initialize'], timeoutMs: 500 });
            const error = await connectError(mcp, 'mute');
            assert.match(error.message, /^cannot connect to server "mute" \(stdio .*\): no answer to initialize within 500 ms/);
        });
    });

    describe('pagination', () => {
        it('follows nextCursor until every tool is listed', async () => {
            await using mcp = new UniversalMCPClient();
            mcp.addServer('paginated', { transport: 'stdio', command: process.execPath, args: [PAGINATED] });
            await mcp.connect('paginated');
            const names = (await mcp.listTools('paginated')).map((t) => t.name);
            assert.deepEqual(names, Array.from({ length: 25 }, (_, i) => `tool_${String(i + 1).padStart(2, '0')}`));
        });
    });
});
