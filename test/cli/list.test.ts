import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { ROOT, runCli } from '../helpers/cli.js';
import { WEATHER, freePort, startListeningFixture, type RunningServer } from '../helpers/servers.js';
import { Workspace, q } from '../helpers/workspace.js';

const NOTES = join(ROOT, 'fixtures/notes-server.js');

interface ListedServer {
    name: string;
    transport: string;
    target: string;
    server?: { name: string; version: string; protocolVersion: string; capabilities: Record<string, unknown> };
    error?: string;
    tools?: { name: string; inputSchema: { properties?: Record<string, unknown> }; annotations?: Record<string, unknown> }[];
    resources?: { uri: string }[];
    resourceTemplates?: { uriTemplate: string }[];
    prompts?: { name: string; arguments?: { name: string; required?: boolean }[] }[];
}

function parseList(stdout: string): { servers: ListedServer[] } {
    return JSON.parse(stdout) as { servers: ListedServer[] };
}

describe('mcp-check list', { concurrency: true }, () => {
    let workspace: Workspace;
    let weather: RunningServer;
    let deadUrl: string;

    before(async () => {
        workspace = await Workspace.create();
        weather = await startListeningFixture(WEATHER, ['--http', '0']);
        deadUrl = `http://127.0.0.1:${await freePort()}/mcp`;
        const notes = ['  notes:', `    command: ${q(process.execPath)}`, `    args: [${q(NOTES)}]`];
        const toolsOnly = ['  tools-only:', `    command: ${q(process.execPath)}`, `    args: [${q(NOTES)}, --no-resources-prompts]`];
        await workspace.write('stdio.yaml', ['servers:', ...notes, ...toolsOnly, 'tests:', '  - server: notes'].join('\n'));
        await workspace.write('http.yaml', ['servers:', '  weather-http:', `    url: ${q(weather.url)}`, 'tests:', '  - server: weather-http'].join('\n'));
        const claude = { mcpServers: { notes: { command: process.execPath, args: [NOTES] }, weather: { url: weather.url } } };
        await workspace.write('claude.json', JSON.stringify(claude, null, 2));
        await workspace.write('.vscode/mcp.json', JSON.stringify({ servers: { weather: { type: 'http', url: weather.url } } }, null, 2));
        // A server that needs VS Code to prompt for a token cannot run here; the other one can.
        const prompting = { type: 'http', url: 'https://example.invalid/mcp', headers: { Authorization: 'Bearer ${input:tok}' } };
        await workspace.write('prompting/.vscode/mcp.json', JSON.stringify({ inputs: [{ id: 'tok', type: 'promptString' }], servers: { weather: { type: 'http', url: weather.url }, github: prompting } }, null, 2));
        await workspace.write(
            'mixed.yaml',
            ['servers:', ...notes, '  dead:', `    url: ${q(deadUrl)}`, '    timeout: 5s', 'tests:', '  - server: notes'].join('\n'),
        );
    });

    after(async () => {
        await weather.stop();
        await workspace.remove();
    });

    it('prints servers, tools with compact input schemas, resources, templates and prompts (stdio, text)', async () => {
        const run = await runCli(['list', '--spec', 'stdio.yaml', 'notes'], { cwd: workspace.dir });
        assert.equal(run.code, 0, run.stderr);
        assert.equal(run.stderr, '');
        const out = run.stdout;
        assert.match(out, /^notes \(stdio: .*notes-server\.js\)$/m);
        assert.match(out, /^ {2}server: notes-fixture 1\.0\.0, protocol \d{4}-\d{2}-\d{2}$/m);
        assert.match(out, /^ {2}tools \(8\):$/m);
        assert.match(out, /^ {4}add_note \{ title: string length 1\.\., tags\?: string\[\] \} → \{ id: string, title: string, tags: string\[\], createdAt: string \}$/m);
        assert.match(out, /^ {4}get_note \{ id: string \} → .*\[read-only\]$/m);
        assert.match(out, /^ {4}list_notes \{\} → /m);
        assert.match(out, /^ {4}slow \{ ms: number 0\.\.60000 \} +\[read-only, idempotent\]$/m);
        assert.match(out, /^ {4}delete_note \{ id: string \} +\[destructive\]$/m);
        assert.match(out, /^ {8}Deletes a note by id\.$/m);
        assert.match(out, /^ {2}resources \(3\):\n {4}notes:\/\/index {2}application\/json/m);
        assert.match(out, /^ {2}resource templates \(1\):\n {4}notes:\/\/note\/\{id\} {2}application\/json/m);
        assert.match(out, /^ {2}prompts \(2\):$/m);
        assert.match(out, /^ {4}summarize\(style, length\?\)$/m);
        assert.match(out, /^ {4}greet\(\)$/m);
        assert.doesNotMatch(out, /tools-only/, 'only the named server');
    });

    it('lists every server of the file and skips what a server does not declare', async () => {
        const run = await runCli(['list', '--spec', 'stdio.yaml'], { cwd: workspace.dir });
        assert.equal(run.code, 0, run.stderr);
        const blocks = run.stdout.split(/\n\n(?=\S)/);
        assert.equal(blocks.length, 2);
        assert.match(blocks[0]!, /^notes \(stdio/);
        assert.match(blocks[1]!, /^tools-only \(stdio/);
        assert.match(blocks[1]!, /tools \(8\):/);
        assert.doesNotMatch(blocks[1]!, /^ {2}(resources|resource templates|prompts)\b/m);
    });

    it('--json prints one document with the listings as the server sent them', async () => {
        const run = await runCli(['list', '--spec', 'stdio.yaml', '--json'], { cwd: workspace.dir });
        assert.equal(run.code, 0, run.stderr);
        const { servers } = parseList(run.stdout);
        assert.deepEqual(servers.map((s) => s.name), ['notes', 'tools-only']);
        const [notes, toolsOnly] = servers as [ListedServer, ListedServer];
        assert.equal(notes.transport, 'stdio');
        assert.match(notes.target, /notes-server\.js$/);
        assert.equal(notes.server?.name, 'notes-fixture');
        assert.equal(notes.server?.version, '1.0.0');
        assert.ok(notes.server?.protocolVersion);
        const getNote = notes.tools?.find((t) => t.name === 'get_note');
        assert.deepEqual(Object.keys(getNote?.inputSchema.properties ?? {}), ['id']);
        assert.equal(getNote?.annotations?.readOnlyHint, true);
        assert.deepEqual(notes.resources?.map((r) => r.uri), ['notes://index', 'notes://readme', 'notes://logo']);
        assert.deepEqual(notes.resourceTemplates?.map((t) => t.uriTemplate), ['notes://note/{id}']);
        assert.deepEqual(
            notes.prompts?.find((p) => p.name === 'summarize')?.arguments?.map((a) => [a.name, a.required === true]),
            [['style', true], ['length', false]],
        );
        assert.equal(toolsOnly.tools?.length, 8);
        for (const key of ['resources', 'resourceTemplates', 'prompts']) assert.ok(!(key in toolsOnly), `tools-only has no ${key}`);
    });

    it('works over Streamable HTTP, text and --json', async () => {
        const text = await runCli(['list', '--spec', 'http.yaml'], { cwd: workspace.dir });
        assert.equal(text.code, 0, text.stderr);
        assert.ok(text.stdout.startsWith(`weather-http (streamable_http: ${weather.url})\n  server: weather-fixture 1.0.0`), text.stdout);
        assert.match(text.stdout, /^ {4}get_alerts \{ state: string \/\^\[A-Z\]\{2\}\$\/ \} +\[read-only\]$/m);
        assert.match(text.stdout, /^ {4}get_forecast \{ latitude: number -90\.\.90, longitude: number -180\.\.180 \} → \{ .*unit: "celsius" \| "fahrenheit"/m);
        assert.doesNotMatch(text.stdout, /^ {2}(resources|resource templates|prompts)\b/m, 'the weather server declares tools only');

        const json = await runCli(['list', '--spec', 'http.yaml', 'weather-http', '--json'], { cwd: workspace.dir });
        assert.equal(json.code, 0, json.stderr);
        const [server] = parseList(json.stdout).servers;
        assert.equal(server?.transport, 'streamable_http');
        assert.equal(server?.target, weather.url);
        assert.deepEqual(server?.tools?.map((t) => t.name), ['get_alerts', 'get_forecast', 'report_outage', 'echo', 'get_station']);
    });

    it('--config reads an MCP client config (mcpServers, VS Code servers) or the servers of a spec', async () => {
        const claude = await runCli(['list', '--config', 'claude.json', '--json'], { cwd: workspace.dir });
        assert.equal(claude.code, 0, claude.stderr);
        assert.deepEqual(parseList(claude.stdout).servers.map((s) => [s.name, s.transport, s.server?.name]), [
            ['notes', 'stdio', 'notes-fixture'],
            ['weather', 'streamable_http', 'weather-fixture'],
        ]);

        const vscode = await runCli(['list', '--config', '.vscode/mcp.json', 'weather'], { cwd: workspace.dir });
        assert.equal(vscode.code, 0, vscode.stderr);
        assert.ok(vscode.stdout.startsWith(`weather (streamable_http: ${weather.url})\n`), vscode.stdout);

        const spec = await runCli(['list', '--config', 'http.yaml', '--json'], { cwd: workspace.dir });
        assert.equal(spec.code, 0, spec.stderr);
        assert.equal(parseList(spec.stdout).servers[0]?.name, 'weather-http');
    });

    it('--config with a server name resolves only that server: another one that cannot run here does not matter', async () => {
        const run = await runCli(['list', '--config', '.vscode/mcp.json', 'weather'], { cwd: workspace.path('prompting') });
        assert.equal(run.code, 0, run.stderr);
        assert.ok(run.stdout.startsWith(`weather (streamable_http: ${weather.url})\n`), run.stdout);
        const unknown = await runCli(['list', '--config', '.vscode/mcp.json', 'nope'], { cwd: workspace.path('prompting') });
        assert.equal(unknown.code, 2);
        assert.equal(unknown.stderr, 'mcp-check: .vscode/mcp.json has no server "nope"; it has: weather, github\n');
    });

    it('--config without a name needs every server; a problem is reported as the config\'s, not the spec\'s', async () => {
        const run = await runCli(['list', '--config', '.vscode/mcp.json'], { cwd: workspace.path('prompting') });
        assert.equal(run.code, 2);
        assert.match(run.stderr, /^mcp-check: 1 problem in the config \.vscode\/mcp\.json, nothing was run:\n {2}\.vscode\/mcp\.json:\d+:\d+: servers\.github\.headers\.Authorization: VS Code input variable "\$\{input:tok\}" is not supported/);
        assert.equal(run.stdout, '');
    });

    it('exits 1 when a server cannot be reached, naming server, transport, target and cause; the others are still listed', async () => {
        const run = await runCli(['list', '--spec', 'mixed.yaml'], { cwd: workspace.dir });
        assert.equal(run.code, 1);
        const escaped = deadUrl.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
        assert.match(run.stderr, new RegExp(`cannot connect to server "dead" \\(streamable_http ${escaped}\\): connection refused`));
        assert.match(run.stdout, /^notes \(stdio/m);

        const json = await runCli(['list', '--spec', 'mixed.yaml', '--json'], { cwd: workspace.dir });
        assert.equal(json.code, 1);
        const dead = parseList(json.stdout).servers.find((s) => s.name === 'dead');
        assert.match(dead?.error ?? '', /connection refused/);
        assert.ok(!('tools' in (dead ?? {})));
    });

    describe('exits 2 on bad input, starting nothing', { concurrency: true }, () => {
        const cases: [string, string[], RegExp][] = [
            ['an unknown server', ['list', '--spec', 'stdio.yaml', 'nope'], /stdio\.yaml has no server "nope"; it has: notes, tools-only/],
            ['no file', ['list'], /name the servers: --spec <file> .* or --config <file>/],
            ['both files', ['list', '--spec', 'stdio.yaml', '--config', 'http.yaml'], /either --spec <file> or --config <file>, not both/],
            ['a missing file', ['list', '--spec', 'missing.yaml'], /spec file not found: missing\.yaml/],
            ['a bad --timeout', ['list', '--spec', 'stdio.yaml', '--timeout', 'soon'], /expected a duration/],
        ];
        for (const [what, args, message] of cases) {
            it(what, async () => {
                const run = await runCli(args, { cwd: workspace.dir });
                assert.equal(run.code, 2, run.stderr);
                assert.match(run.stderr, message);
                assert.equal(run.stdout, '');
            });
        }
    });
});
