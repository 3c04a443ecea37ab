/**
 * `start:` readiness against real listeners: the default TCP test, `ready: { url, status }` and
 * `ready: { log }`, with server-everything's legacy SSE endpoint (which never ends a request).
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { UniversalMCPClient } from '../../src/connect/client.js';
import type { HttpServerConfig, StartCommand } from '../../src/connect/types.js';
import { runCli } from '../helpers/cli.js';
import { countStarts } from '../helpers/counting.js';
import { EVERYTHING, HTTP_FAULTS, freePort, isAlive } from '../helpers/servers.js';
import { Workspace, q } from '../helpers/workspace.js';

/** server-everything in `sse` mode, started by `start:` on a free port. */
async function everythingSse(ready?: StartCommand['ready']): Promise<HttpServerConfig> {
    const port = await freePort();
    return {
        transport: 'sse',
        url: `http://127.0.0.1:${port}/sse`,
        start: { command: process.execPath, args: [EVERYTHING, 'sse'], env: { PORT: String(port) }, readyTimeoutMs: 20_000, ...(ready ? { ready } : {}) },
    };
}

/** Connects, lists the tools and closes; returns the tool names. */
async function connectOnce(config: HttpServerConfig): Promise<{ tools: string[] }> {
    const mcp = new UniversalMCPClient();
    mcp.addServer('subject', config);
    try {
        await mcp.connect('subject');
        return { tools: (await mcp.listTools('subject')).map((t) => t.name) };
    } finally {
        await mcp.close();
    }
}

async function connectError(config: HttpServerConfig): Promise<Error> {
    const mcp = new UniversalMCPClient();
    mcp.addServer('subject', config);
    try {
        return await mcp.connect('subject').then(
            () => assert.fail('connected'),
            (error: Error) => error,
        );
    } finally {
        await mcp.close();
    }
}

describe('start: readiness', () => {
    it('a legacy SSE server (server-everything sse) is ready once its port accepts connections', async () => {
        const { tools } = await connectOnce(await everythingSse());
        assert.ok(tools.includes('echo'), tools.join(', '));
    });

    it('ready.log: the server is ready once a line of its output matches', async () => {
        const { tools } = await connectOnce(await everythingSse({ log: 'running on port \\d+' }));
        assert.ok(tools.includes('echo'), tools.join(', '));
    });

    it('ready.url and status: a GET that answers with that status, even as an endless event stream', async () => {
        const config = await everythingSse();
        const { tools } = await connectOnce({ ...config, start: { ...config.start!, ready: { url: config.url, status: 200 } } });
        assert.ok(tools.includes('echo'), tools.join(', '));
    });

    it('ready.status: a server answering another status is not ready; the error names what it answered', async () => {
        const port = await freePort();
        const url = `http://127.0.0.1:${port}/mcp`;
        const start: StartCommand = { command: process.execPath, args: [HTTP_FAULTS, '--mode', '404', '--port', String(port)], readyTimeoutMs: 1000, ready: { url, status: 200 } };
        const error = await connectError({ transport: 'streamable_http', url, start });
        assert.match(error.message, new RegExp(`started server did not answer GET ${url} with HTTP 200 within 1000 ms \\(last answer: HTTP 404\\)`));
        assert.match(error.message, /listening on http:\/\/127\.0\.0\.1/, 'the server’s last output is shown');
    });

    it('ready.status met: the connect step judges what the server is (here: HTTP 404 is not MCP)', async () => {
        const port = await freePort();
        const url = `http://127.0.0.1:${port}/mcp`;
        const start: StartCommand = { command: process.execPath, args: [HTTP_FAULTS, '--mode', '404', '--port', String(port)], ready: { url, status: 404 } };
        const error = await connectError({ transport: 'streamable_http', url, start });
        assert.doesNotMatch(error.message, /started server/);
        assert.match(error.message, /HTTP 404/);
    });

    it('ready.log that never matches: the error names the pattern, and the server is stopped', async () => {
        const config = await everythingSse({ log: 'never printed' });
        const counted = await countStarts(config.start!.command, config.start!.args!);
        const error = await connectError({ ...config, start: { ...config.start!, command: counted.command, args: counted.args, readyTimeoutMs: 1500 } });
        assert.match(error.message, /started server did not print a line matching \/never printed\/ within 1500 ms/);
        const [pid] = await counted.pids();
        assert.equal(isAlive(pid!), false, `server ${pid} still runs`);
    });
});

describe('start: in a spec', () => {
    it('runs server-everything in sse mode through start: and passes its checks', async () => {
        const ws = await Workspace.create();
        try {
            const port = await freePort();
            await ws.write(
                'everything.yaml',
                [
                    'servers:',
                    '  everything:',
                    '    transport: sse',
                    `    url: http://127.0.0.1:${port}/sse`,
                    '    start:',
                    `      command: ${q(process.execPath)}`,
                    `      args: [${q(EVERYTHING)}, sse]`,
                    `      env: { PORT: "${port}" }`,
                    '      timeout: 20s',
                    'tests:',
                    '  - server: everything',
                    '    lint: false',
                    '    tools: { include: [echo] }',
                    '    calls:',
                    '      - { name: echo over SSE, tool: echo, args: { message: hi }, expect: { text: { contains: hi } } }',
                    '',
                ].join('\n'),
            );
            const run = await runCli(['everything.yaml'], { cwd: ws.dir });
            assert.equal(run.code, 0, run.stdout + run.stderr);
            assert.match(run.stdout, /✓ echo over SSE/);
        } finally {
            await ws.remove();
        }
    });

    it('a ready: with both log and status is a spec error at its line', async () => {
        const ws = await Workspace.create();
        try {
            await ws.write(
                'bad.yaml',
                [
                    'servers:',
                    '  web:',
                    '    url: http://127.0.0.1:1/mcp',
                    '    start:',
                    '      command: node',
                    '      ready: { log: "(", status: 200 }',
                    'tests:',
                    '  - server: web',
                    '',
                ].join('\n'),
            );
            const run = await runCli(['bad.yaml'], { cwd: ws.dir });
            assert.equal(run.code, 2, run.stdout + run.stderr);
            assert.match(run.stderr, /bad\.yaml:6:\d+: .*invalid regular expression "\(": Unterminated group/);
            assert.match(run.stderr, /bad\.yaml:6:\d+: .*use either "log" \(a line of output\) or "url" \/ "status" \(an HTTP answer\), not both/);
        } finally {
            await ws.remove();
        }
    });
});
