import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { ROOT, runCli } from '../helpers/cli.js';
import { logStdio, type LoggedStdio } from '../helpers/logged-stdio.js';
import { WEATHER, freePort, startListeningFixture, type RunningServer } from '../helpers/servers.js';
import { Workspace, q } from '../helpers/workspace.js';

const NOTES = join(ROOT, 'fixtures/notes-server.js');

describe('mcp-check call', { concurrency: true }, () => {
    let workspace: Workspace;
    let weatherHttp: RunningServer;
    let notes: LoggedStdio;

    before(async () => {
        workspace = await Workspace.create();
        weatherHttp = await startListeningFixture(WEATHER, ['--http', '0']);
        notes = await logStdio(workspace.dir, process.execPath, [NOTES]);
        await workspace.write(
            'servers.yaml',
            [
                'servers:',
                '  weather:',
                `    command: ${q(process.execPath)}`,
                `    args: [${q(WEATHER)}]`,
                '  weather-http:',
                `    url: ${q(weatherHttp.url)}`,
                '  notes:',
                `    command: ${q(notes.command)}`,
                `    args: [${notes.args.map(q).join(', ')}]`,
                '  dead:',
                `    url: ${q(`http://127.0.0.1:${await freePort()}/mcp`)}`,
                'tests:',
                '  - server: weather',
            ].join('\n'),
        );
    });

    after(async () => {
        await weatherHttp.stop();
        await workspace.remove();
    });

    const call = (...args: string[]) => runCli(['call', ...args, '--spec', 'servers.yaml'], { cwd: workspace.dir });

    it('prints text content plainly and exits 0', async () => {
        const run = await call('weather', 'echo', '--args', '{"text": "hello there"}');
        assert.equal(run.code, 0, run.stderr);
        assert.equal(run.stdout, 'hello there\n');
        assert.equal(run.stderr, '');
    });

    it('prints structuredContent as pretty JSON, once (over Streamable HTTP)', async () => {
        const run = await call('weather-http', 'get_forecast', '--args', '{"latitude": 0, "longitude": 0}');
        assert.equal(run.code, 0, run.stderr);
        const structured = { latitude: 0, longitude: 0, unit: 'fahrenheit', temperature: 86, conditions: 'sunny' };
        // The fixture repeats the data as JSON text; it is shown once, as pretty JSON.
        assert.equal(run.stdout, `${JSON.stringify(structured, null, 2)}\n`);
    });

    it('--config takes the server from an MCP client config', async () => {
        await workspace.write('cursor.json', JSON.stringify({ mcpServers: { weather: { command: process.execPath, args: [WEATHER] } } }));
        const run = await runCli(['call', 'weather', 'echo', '--args', '{"text": "from cursor"}', '--config', 'cursor.json'], { cwd: workspace.dir });
        assert.equal(run.code, 0, run.stderr);
        assert.equal(run.stdout, 'from cursor\n');
    });

    it('--json prints the whole result', async () => {
        const run = await call('weather', 'get_forecast', '--args', '{"latitude": 0, "longitude": 0}', '--json');
        assert.equal(run.code, 0, run.stderr);
        const result = JSON.parse(run.stdout) as { content: { type: string; text: string }[]; structuredContent: { unit: string } };
        assert.equal(result.structuredContent.unit, 'fahrenheit');
        assert.equal(result.content[0]?.type, 'text');
    });

    it('exits 1 when the result has isError: true, still printing it', async () => {
        const run = await call('weather', 'report_outage');
        assert.equal(run.code, 1);
        assert.match(run.stdout, /outage reporting is unavailable/);
        assert.match(run.stderr, /tool "report_outage" returned a tool error \(isError: true\)/);

        const json = await call('weather', 'get_alerts', '--args', '{"state": "ZZ"}', '--json');
        assert.equal(json.code, 1);
        assert.equal((JSON.parse(json.stdout) as { isError: boolean }).isError, true);
    });

    it('exits 1 when the server cannot be reached, naming server, transport, target and cause', async () => {
        const run = await call('dead', 'echo');
        assert.equal(run.code, 1);
        assert.match(run.stderr, /cannot connect to server "dead" \(streamable_http http:\/\/127\.0\.0\.1:\d+\/mcp\): connection refused/);
        assert.equal(run.stdout, '');
    });

    it('exits 1 when the call times out (--timeout)', async () => {
        const run = await call('notes', 'slow', '--args', '{"ms": 10000}', '--timeout', '300ms');
        assert.equal(run.code, 1);
        assert.match(run.stderr, /tools\/call slow got no answer within 300 ms/);
    });

    describe('exits 2 on bad arguments, without sending the call', { concurrency: false }, () => {
        it('--args that are not JSON', async () => {
            const run = await call('notes', 'add_note', '--args', "{title: 'x'}");
            assert.equal(run.code, 2);
            assert.match(run.stderr, /--args is not valid JSON \(.+\); give an object, e\.g\. --args '\{"id": "n-1"\}'/);
        });

        it('--args that are JSON but not an object', async () => {
            const run = await call('notes', 'add_note', '--args', '["x"]');
            assert.equal(run.code, 2);
            assert.match(run.stderr, /--args must be a JSON object, got an array/);
        });

        it('--args that fail the tool inputSchema: every Ajv error is listed', async () => {
            const run = await call('notes', 'add_note', '--args', '{"title": "", "tags": [1]}');
            assert.equal(run.code, 2);
            assert.match(run.stderr, /--args do not match the inputSchema of "add_note"; the call was not sent:/);
            assert.match(run.stderr, /^ {2}\/title: must NOT have fewer than 1 characters$/m);
            assert.match(run.stderr, /^ {2}\/tags\/0: must be string$/m);
            assert.equal(run.stdout, '');
        });

        it('an unknown tool, listing the tools there are', async () => {
            const run = await call('notes', 'drop_database');
            assert.equal(run.code, 2);
            assert.match(run.stderr, /server "notes" does not list tool "drop_database"; it lists: add_note, get_note, /);
        });

        it('an unknown server', async () => {
            const run = await call('nope', 'echo');
            assert.equal(run.code, 2);
            assert.match(run.stderr, /servers\.yaml has no server "nope"/);
        });

        it('none of them reached the server as a tools/call', async () => {
            // Only the timeout test's call to `slow` may have been sent to the notes server.
            assert.deepEqual((await notes.toolCalls()).filter((name) => name !== 'slow'), []);
        });
    });
});
