/**
 * The programmatic API as a script uses it, end to end against real servers: the seed's
 * example (a stdio and an HTTP server, list servers, list tools, call tools, server info,
 * disconnect all), reconnecting, removing, and configs checked like a spec's `servers:`.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { UniversalMCPClient } from '../../src/connect/client.js';
import { SpecErrors } from '../../src/errors.js';
import { countStarts, type CountedCommand } from '../helpers/counting.js';
import { WEATHER, isAlive, startListeningFixture, type RunningServer } from '../helpers/servers.js';

function textOf(result: { content?: unknown }): string {
    return ((result.content ?? []) as { type: string; text?: string }[]).map((c) => c.text ?? '').join('\n');
}

/** The problems `addServer` reports for `add`, one message each. */
function problemsOf(add: () => void): string[] {
    try {
        add();
    } catch (error) {
        assert.ok(error instanceof SpecErrors, `expected SpecErrors, got ${String(error)}`);
        return error.errors.map((e) => e.message);
    }
    return assert.fail('addServer accepted the config');
}

describe("the seed's example: a stdio and an HTTP server through one client", () => {
    let http: RunningServer;
    let stdio: CountedCommand;
    const mcp = new UniversalMCPClient();

    before(async () => {
        http = await startListeningFixture(WEATHER, ['--http', '0']);
        stdio = await countStarts(process.execPath, [WEATHER]);
        // The seed's flat shape: the name inside, timeouts in seconds.
        mcp.addServer({ name: 'local', transport: 'stdio', command: stdio.command, args: stdio.args, env: { WEATHER_UNITS: 'metric' }, timeout: 20 });
        mcp.addServer({ name: 'remote', transport: 'streamable_http', url: http.url, timeout: 20, sse_read_timeout: 300 });
    });

    after(async () => {
        await mcp.close();
        await http.stop();
    });

    it('lists the added servers before anything is started', () => {
        assert.deepEqual(
            mcp.listServers().map((s) => [s.name, s.transport, s.state]),
            [
                ['local', 'stdio', 'idle'],
                ['remote', 'streamable_http', 'idle'],
            ],
        );
    });

    it('lists the tools of every server by name, connecting each first', async () => {
        const tools = await mcp.listTools();
        assert.deepEqual(Object.keys(tools), ['local', 'remote']);
        for (const listed of Object.values(tools)) assert.ok(listed.some((t) => t.name === 'get_alerts'));
        assert.deepEqual(
            mcp.listServers().map((s) => s.state),
            ['connected', 'connected'],
        );
    });

    it('calls a tool on each server', async () => {
        assert.match(textOf(await mcp.callTool('local', 'get_alerts', { state: 'CA' })), /Heat Advisory/);
        const forecast = await mcp.callTool('remote', 'get_forecast', { latitude: 1, longitude: 2 });
        assert.equal((forecast.structuredContent as { unit?: string }).unit, 'fahrenheit');
    });

    it('gives each server’s info', () => {
        for (const name of ['local', 'remote']) {
            const info = mcp.serverInfo(name);
            assert.equal(info?.name, 'weather-fixture');
            assert.ok(info?.protocolVersion, 'a protocol version was agreed');
        }
    });

    it('disconnects all, leaving no process behind', async () => {
        await mcp.close();
        assert.deepEqual(
            mcp.listServers().map((s) => s.state),
            ['closed', 'closed'],
        );
        const pids = await stdio.pids();
        assert.equal(pids.length, 1, 'the stdio server was started once');
        assert.equal(isAlive(pids[0]!), false, `stdio server ${pids[0]} still runs`);
    });

    it('connects again after disconnecting, with a new process', async () => {
        const info = await mcp.connect('local');
        assert.equal(info.name, 'weather-fixture');
        assert.match(textOf(await mcp.callTool('local', 'get_alerts', { state: 'CA' })), /Heat Advisory/);
        const pids = await stdio.pids();
        assert.equal(pids.length, 2);
        await mcp.disconnect('local');
        assert.equal(isAlive(pids[1]!), false);
    });
});

describe('UniversalMCPClient: adding and removing servers', () => {
    it('calls a tool on a server that was added but not connected: it connects first', async () => {
        const mcp = new UniversalMCPClient();
        try {
            mcp.addServer('weather', { command: process.execPath, args: [WEATHER] });
            assert.match(textOf(await mcp.callTool('weather', 'echo', { text: 'first use' })), /first use/);
            assert.equal(mcp.listServers()[0]?.state, 'connected');
        } finally {
            await mcp.close();
        }
    });

    it('removes a server, stopping it; the name can be added again', async () => {
        const counted = await countStarts(process.execPath, [WEATHER]);
        const mcp = new UniversalMCPClient();
        try {
            mcp.addServer('weather', { command: counted.command, args: counted.args });
            await mcp.connect('weather');
            await mcp.removeServer('weather');
            assert.deepEqual(mcp.listServers(), []);
            assert.equal(isAlive((await counted.pids())[0]!), false);
            mcp.addServer('weather', { command: counted.command, args: counted.args });
            assert.equal((await mcp.connect('weather')).name, 'weather-fixture');
        } finally {
            await mcp.close();
        }
    });

    it('takes an mcpServers entry: `type: http` is Streamable HTTP, a bare url too', () => {
        const mcp = new UniversalMCPClient();
        mcp.addServer('typed', { type: 'http', url: 'http://127.0.0.1:1/mcp' });
        mcp.addServer('bare', { url: 'http://127.0.0.1:1/mcp' });
        mcp.addServer('legacy', { type: 'sse', url: 'http://127.0.0.1:1/sse' });
        assert.deepEqual(
            mcp.listServers().map((s) => [s.name, s.transport]),
            [
                ['typed', 'streamable_http'],
                ['bare', 'streamable_http'],
                ['legacy', 'sse'],
            ],
        );
    });

    it('refuses a config that is not a server, with the spec loader’s messages, and stays usable', () => {
        const mcp = new UniversalMCPClient();
        assert.deepEqual(problemsOf(() => mcp.addServer('empty', {})), ['server "empty": needs "command" (stdio) or "url" (sse / streamable_http)']);
        assert.deepEqual(problemsOf(() => mcp.addServer('half', { transport: 'sse' })), ['server "half": transport "sse" needs "url"']);
        assert.deepEqual(problemsOf(() => mcp.addServer('slow', { url: 'http://127.0.0.1:1/mcp', timeout: 'soon' })), [
            'server "slow" timeout: invalid duration "soon" (use e.g. 500ms, 30s, 5m, 1h, or a number of seconds; more than 0, at most 24 days)',
        ]);
        assert.deepEqual(problemsOf(() => mcp.addServer('odd', { type: 'websocket', url: 'ws://127.0.0.1:1' })), [
            'server "odd" type: unsupported server type "websocket" (mcp-check supports stdio, http and sse)',
            'server "odd" url: expected an http:// or https:// URL, got "ws://127.0.0.1:1"',
        ]);
        const typo = problemsOf(() => mcp.addServer({ name: 'typo', comand: 'node' } as never));
        assert.match(typo[0]!, /^server "typo": unknown key "comand" \(allowed: transport, command, args, /);
        assert.deepEqual(mcp.listServers(), [], 'nothing was added');
    });
});
