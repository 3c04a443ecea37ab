/** Servers started ahead of their connection: the connector adopts the running process. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { UniversalMCPClient } from '../../src/connect/client.js';
import { launchStdioServer, serverEnvironment } from '../../src/connect/launch.js';
import type { StdioServerConfig } from '../../src/connect/types.js';
import { ConnectError } from '../../src/errors.js';
import { FAULTY, WEATHER, isAlive } from '../helpers/servers.js';

const weather: StdioServerConfig = { transport: 'stdio', command: process.execPath, args: [WEATHER] };

describe('launchStdioServer', () => {
    it('the connection adopts the launched process and stopping the client stops it', async () => {
        const launched = launchStdioServer(weather);
        const mcp = new UniversalMCPClient();
        mcp.addServer('weather', weather, launched);
        await mcp.connect('weather');
        const tools = await mcp.listTools('weather');
        assert.ok(tools.some((t) => t.name === 'echo'));
        assert.ok(isAlive(launched.pid!));
        await mcp.close();
        assert.ok(launched.exit, 'the launched process has exited');
    });

    it('a launched server that died before its connection: the exit code and stderr are reported', async () => {
        const config: StdioServerConfig = { transport: 'stdio', command: process.execPath, args: [FAULTY, '--mode', 'exit-at-start'] };
        const launched = launchStdioServer(config);
        await launched.exited;
        const mcp = new UniversalMCPClient();
        mcp.addServer('faulty', config, launched);
        const error = await mcp.connect('faulty').then(
            () => assert.fail('connected to a dead server'),
            (e: unknown) => e,
        );
        assert.ok(error instanceof ConnectError);
        assert.match(error.message, /exit code 3/);
        assert.match(error.message, /fatal: config file missing/);
        await mcp.close();
    });

    it('a launched server whose connection never opened is stopped by close()', async () => {
        const launched = launchStdioServer(weather);
        const mcp = new UniversalMCPClient();
        mcp.addServer('weather', weather, launched);
        await mcp.close();
        assert.ok(launched.exit);
        assert.equal(isAlive(launched.pid!), false);
    });

    it('only stdio servers can be launched ahead', () => {
        const launched = launchStdioServer(weather);
        const mcp = new UniversalMCPClient();
        assert.throws(() => mcp.addServer('remote', { transport: 'streamable_http', url: 'http://127.0.0.1:1/mcp' }, launched), /only a stdio server/);
        return launched.stop();
    });
});

describe('serverEnvironment', () => {
    it('passes on PATH and HOME but not other variables, and never a shell function', () => {
        const saved = { ...process.env };
        try {
            process.env['MCP_CHECK_SECRET'] = 'x';
            process.env['SHELL'] = '() { :; }';
            const env = serverEnvironment({ EXTRA: '1' });
            assert.equal(env['PATH'], process.env['PATH']);
            assert.equal(env['EXTRA'], '1');
            assert.equal(env['MCP_CHECK_SECRET'], undefined);
            assert.equal(env['SHELL'], undefined);
        } finally {
            process.env = saved;
        }
    });
});
