import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse } from 'yaml';
import { ROOT, runCli } from '../helpers/cli.js';
import { logStdio } from '../helpers/logged-stdio.js';
import { EVERYTHING, WEATHER, freePort, startListeningFixture, type RunningServer } from '../helpers/servers.js';
import { Workspace } from '../helpers/workspace.js';
import { exampleArguments } from '../../src/cli/init/example-args.js';

const NOTES = join(ROOT, 'fixtures/notes-server.js');
const SLOPPY = join(ROOT, 'fixtures/sloppy-server.js');
const READ_ONLY_NOTES_TOOLS = ['get_note', 'list_notes', 'search', 'slow'];
const OTHER_NOTES_TOOLS = ['add_note', 'delete_note', 'strict_add', 'lenient_add'];

interface WrittenSpec {
    servers: Record<string, { command?: string; args?: string[]; url?: string; transport?: string; headers?: Record<string, string> }>;
    tests: { server: string; tools?: { include: string[] }; calls?: { tool: string; args: Record<string, unknown>; expect: Record<string, unknown> }[] }[];
}

/** Runs a written spec with mcp-check itself and asserts that every check passed. */
async function assertSpecPasses(workspace: Workspace, file: string): Promise<string> {
    const run = await runCli([file], { cwd: workspace.dir, killAfterMs: 90_000 });
    assert.equal(run.code, 0, `${file} should pass:\n${run.stdout}\n${run.stderr}`);
    assert.match(run.stdout, /Tests: \d+ passed, 0 failed, 0 errored, \d+ skipped/);
    return run.stdout;
}

describe('mcp-check init', { concurrency: true }, () => {
    let workspace: Workspace;
    let weatherHttp: RunningServer;

    before(async () => {
        workspace = await Workspace.create();
        weatherHttp = await startListeningFixture(WEATHER, ['--http', '0']);
    });

    after(async () => {
        await weatherHttp.stop();
        await workspace.remove();
    });

    it('notes: calls only the read-only tools, comments out the others, and the spec passes', async () => {
        const notes = await logStdio(workspace.dir, process.execPath, [NOTES]);
        const run = await runCli(['init', '-o', 'specs/notes.yaml', '--', notes.command, ...notes.args], { cwd: workspace.dir });
        assert.equal(run.code, 0, run.stderr);
        assert.match(run.stdout, /^wrote specs\/notes\.yaml: server "notes-fixture" \(sh -c .*\), 8 tools under tools\.include$/m);
        assert.match(run.stdout, /not called \(no readOnlyHint: true\), written commented out:\n {4}add_note\n {4}delete_note\n {4}strict_add\n {4}lenient_add/);
        assert.match(run.stdout, /^run it: mcp-check specs\/notes\.yaml$/m);

        // What init sent: one call to each read-only tool, nothing that could add or delete a note.
        assert.deepEqual((await notes.toolCalls()).sort(), READ_ONLY_NOTES_TOOLS);

        const text = await workspace.read('specs/notes.yaml');
        // The schema this build ships, relative to the spec: a path an editor can open.
        const schema = /^# yaml-language-server: \$schema=(\S+)\n/.exec(text)?.[1];
        assert.equal(schema, relative(workspace.path('specs'), join(ROOT, 'schema/mcp-check.schema.json')));
        assert.ok(existsSync(join(workspace.path('specs'), schema!)), schema);
        for (const tool of OTHER_NOTES_TOOLS) {
            assert.match(text, new RegExp(`^ +# ${tool}: not called by mcp-check init: it does not declare readOnlyHint: true`, 'm'));
            assert.match(text, new RegExp(`^ +# {3}tool: ${tool}$`, 'm'), `${tool} is written commented out`);
            assert.doesNotMatch(text, new RegExp(`^ +(- )?tool: ${tool}$`, 'm'), `${tool} is not an active call`);
        }
        const spec = parse(text) as WrittenSpec;
        assert.deepEqual(spec.servers['notes-fixture'], { command: 'sh', args: notes.args, protocol: '2025-11-25' }, 'the command and args as given');
        const [test] = spec.tests;
        assert.deepEqual(test?.tools?.include, [...READ_ONLY_NOTES_TOOLS, ...OTHER_NOTES_TOOLS].sort((a, b) => order(a) - order(b)));
        assert.deepEqual(
            test?.calls?.map((c) => [c.tool, c.args, c.expect]),
            [
                ['list_notes', {}, { isError: false, json: { '$.notes': { type: 'array' }, '$.count': { type: 'number' } } }],
                ['search', { q: 'example' }, { isError: false, json: { '$.q': { type: 'string' }, '$.count': { type: 'number' }, '$.matches': { type: 'array' } } }],
                ['slow', { ms: 0 }, { isError: false, text: { contains: 'done' } }],
            ],
        );

        // get_note refused the made-up id: a call that pins a refusal says nothing, so it is left to the user.
        assert.match(text, /^ +# get_note: called once by mcp-check init with made-up arguments, which the server refused: note example not found\n +# Fill in real arguments, then uncomment\.\n +# - name: get_note$/m);
        assert.match(run.stdout, /^ {4}get_note \(the made-up arguments were refused\)$/m);

        const out = await assertSpecPasses(workspace, 'specs/notes.yaml');
        for (const tool of READ_ONLY_NOTES_TOOLS.filter((t) => t !== 'get_note')) assert.match(out, new RegExp(`✓ ${tool} \\(`));
        // Running the spec (its calls and the protocol checks) still called read-only tools only.
        const called = new Set(await notes.toolCalls());
        for (const tool of OTHER_NOTES_TOOLS) assert.ok(!called.has(tool), `${tool} was called`);
    });

    it('server-everything: the starter spec passes', async () => {
        const run = await runCli(['init', '-o', 'everything.yaml', '--', process.execPath, EVERYTHING], { cwd: workspace.dir, killAfterMs: 90_000 });
        assert.equal(run.code, 0, run.stderr);
        assert.match(run.stdout, /^wrote everything\.yaml: server "everything"/m);
        const text = await workspace.read('everything.yaml');
        const spec = parse(text) as WrittenSpec;
        const calls = spec.tests[0]?.calls?.map((c) => c.tool) ?? [];
        assert.ok(calls.includes('echo') && calls.includes('get-structured-content') && calls.includes('get-sum'), calls.join(', '));
        for (const tool of ['toggle-simulated-logging', 'toggle-subscriber-updates', 'gzip-file-as-resource']) {
            assert.ok(!calls.includes(tool), `${tool} has no readOnlyHint: true`);
            assert.match(text, new RegExp(`^ +# {3}tool: ${tool}$`, 'm'));
        }
        const structured = spec.tests[0]?.calls?.find((c) => c.tool === 'get-structured-content');
        assert.deepEqual(structured?.args, { location: 'New York' }, 'an enum gives its first value');
        assert.deepEqual(structured?.expect.json, { '$.temperature': { type: 'number' }, '$.conditions': { type: 'string' }, '$.humidity': { type: 'number' } });
        // get-env answers with the environment: nothing of it is expected, or the spec would pass on this machine only.
        const env = spec.tests[0]?.calls?.find((c) => c.tool === 'get-env');
        assert.deepEqual(env?.expect, { isError: false, content: [{ type: 'text' }] });
        assert.doesNotMatch(text, /\$\.(SHELL|TERM|HOME|PATH)\b/);
        await assertSpecPasses(workspace, 'everything.yaml');
    });

    it('an HTTP server (--url): arguments that cannot be made up are left to the user, and the spec passes', async () => {
        const run = await runCli(['init', '--url', weatherHttp.url, '--name', 'weather', '-o', 'weather.yaml'], { cwd: workspace.dir });
        assert.equal(run.code, 0, run.stderr);
        assert.match(run.stdout, /^ {4}get_alerts \(no valid example arguments\)$/m);
        const text = await workspace.read('weather.yaml');
        assert.match(text, /# get_alerts: not called: the example arguments do not match its inputSchema \(\/state: must match pattern "\^\[A-Z\]\{2\}\$"\)/);
        const spec = parse(text) as WrittenSpec;
        assert.deepEqual(spec.servers, { weather: { url: weatherHttp.url, protocol: '2025-11-25' } });
        assert.deepEqual(spec.tests[0]?.calls?.map((c) => c.tool), ['get_forecast', 'echo', 'get_station']);
        await assertSpecPasses(workspace, 'weather.yaml');
    });

    it('--start: init starts the HTTP server, the spec gets it as start:, and the spec passes on its own', async () => {
        const port = await freePort();
        const url = `http://127.0.0.1:${port}/mcp`;
        const run = await runCli(['init', '--url', url, '--start', `'${process.execPath}' ${WEATHER} --http ${port}`, '--name', 'started', '-o', 'started.yaml'], { cwd: workspace.dir });
        assert.equal(run.code, 0, run.stdout + run.stderr);
        const spec = parse(await workspace.read('started.yaml')) as WrittenSpec;
        assert.deepEqual(spec.servers['started'], { url, start: { command: process.execPath, args: [WEATHER, '--http', String(port)] }, protocol: '2025-11-25' });
        // init stopped the server it started: the run starts its own on the same port.
        await assertSpecPasses(workspace, 'started.yaml');
    });

    it('a server that breaks lint rules, an input schema that does not compile included: they start at warn, with the findings', async () => {
        const run = await runCli(['init', '-o', 'sloppy.yaml', '--', process.execPath, SLOPPY], { cwd: workspace.dir });
        assert.equal(run.code, 0, run.stderr);
        assert.match(run.stdout, /^ {2}lint rule unique-tool-names set to warn: the server breaks it/m);
        assert.match(run.stdout, /^ {2}lint rule input-schema-compiles set to warn: the server breaks it/m);
        const text = await workspace.read('sloppy.yaml');
        assert.match(text, /^ {8}# {3}tool "dup": name is listed 2 times\n {8}unique-tool-names: warn$/m);
        assert.match(text, /^ {8}# {3}tool "bad_input_schema": inputSchema does not compile: .*\n {8}input-schema-compiles: warn$/m);
        assert.equal((parse(text) as WrittenSpec).tests[0]?.tools?.include.filter((t) => t === 'dup').length, 1);

        const checked = await runCli(['sloppy.yaml'], { cwd: workspace.dir });
        assert.equal(checked.code, 0, checked.stdout);
        assert.match(checked.stdout, /Tests: \d+ passed, 0 failed, 0 errored/);
        assert.match(checked.stdout, /✓ lint: input-schema-compiles \(\d+ ms\)\n {6}warning: input-schema-compiles: tool "bad_input_schema"/);
    });

    it('writes specs/<server>.yaml by default and overwrites an existing file only with --force', async () => {
        await workspace.write('force/specs/notes-fixture.yaml', 'placeholder\n');
        const command = ['--', process.execPath, NOTES];
        const refused = await runCli(['init', ...command], { cwd: workspace.path('force') });
        assert.equal(refused.code, 2);
        assert.match(refused.stderr, /specs\/notes-fixture\.yaml exists; mcp-check init does not overwrite it without --force/);
        assert.equal(await workspace.read('force/specs/notes-fixture.yaml'), 'placeholder\n');

        const forced = await runCli(['init', '--force', ...command], { cwd: workspace.path('force') });
        assert.equal(forced.code, 0, forced.stderr);
        assert.match(await workspace.read('force/specs/notes-fixture.yaml'), /^servers:\n {2}notes-fixture:\n/m);

        // -o names a file that exists: refused before anything is started.
        const early = await runCli(['init', '-o', 'specs/notes-fixture.yaml', '--', 'no-such-command-mcp-check'], { cwd: workspace.path('force') });
        assert.equal(early.code, 2);
        assert.match(early.stderr, /exists; mcp-check init does not overwrite it without --force/);
    });

    it('exits 1 when the server cannot be reached, naming server, transport, target and cause', async () => {
        const url = `http://127.0.0.1:${await freePort()}/mcp`;
        const run = await runCli(['init', '--url', url, '-o', 'unreachable.yaml'], { cwd: workspace.dir });
        assert.equal(run.code, 1);
        assert.match(run.stderr, new RegExp(`cannot connect to server "server" \\(streamable_http ${url.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}\\): connection refused`));
    });

    describe('exits 2 on bad input', { concurrency: true }, () => {
        const cases: [string, string[], RegExp][] = [
            ['no server', ['init'], /name the server: mcp-check init -- <command>/],
            ['both a command and --url', ['init', '--url', 'http://127.0.0.1:1/mcp', '--', 'node'], /either a command after -- or --url, not both/],
            ['a URL that is not one', ['init', '--url', 'not a url'], /--url is not a URL/],
            ['a malformed --header', ['init', '--url', 'http://127.0.0.1:1/mcp', '--header', 'no colon'], /--header must look like 'Name: value'/],
            ['--header without --url', ['init', '--header', 'A: b', '--', 'node'], /--transport, --header and --start are for --url servers/],
            ['--start without --url', ['init', '--start', 'node server.js', '--', 'node'], /--transport, --header and --start are for --url servers/],
            ['--start with shell syntax', ['init', '--url', 'http://127.0.0.1:1/mcp', '--start', 'npm run build && node server.js'], /--start runs its command without a shell, so pipes, &&/],
            ['an unknown --transport', ['init', '--url', 'http://127.0.0.1:1/mcp', '--transport', 'websocket'], /Allowed choices are sse, streamable_http/],
        ];
        for (const [what, args, message] of cases) {
            it(what, async () => {
                const run = await runCli(args, { cwd: workspace.dir });
                assert.equal(run.code, 2, run.stderr);
                assert.match(run.stderr, message);
            });
        }
    });
});

describe('example arguments (init)', () => {
    it('takes required properties only, preferring what the schema offers', () => {
        const schema = {
            type: 'object',
            properties: {
                kind: { enum: ['b', 'a'] },
                fixed: { const: 7 },
                size: { type: 'integer', default: 20 },
                label: { type: 'string', examples: ['hello'] },
                when: { type: 'string', format: 'date-time' },
                mail: { type: 'string', format: 'email' },
                code: { type: 'string', minLength: 10, maxLength: 12 },
                short: { type: 'string', maxLength: 3 },
                count: { type: 'integer', minimum: 5 },
                ratio: { type: 'number', exclusiveMaximum: 0.5 },
                big: { type: ['number', 'null'], exclusiveMinimum: 2.5 },
                flag: { type: 'boolean' },
                list: { type: 'array', items: { type: 'string' } },
                pair: { type: 'array', items: { type: 'number' }, minItems: 2 },
                nested: { type: 'object', properties: { id: { type: 'string' }, note: { type: 'string' } }, required: ['id'] },
                optional: { type: 'string' },
            },
            required: ['kind', 'fixed', 'size', 'label', 'when', 'mail', 'code', 'short', 'count', 'ratio', 'big', 'flag', 'list', 'pair', 'nested'],
        };
        assert.deepEqual(exampleArguments(schema), {
            kind: 'b',
            fixed: 7,
            size: 20,
            label: 'hello',
            when: '2025-01-01T00:00:00Z',
            mail: 'user@example.com',
            code: 'examplexxx',
            short: 'exa',
            count: 5,
            ratio: -0.5,
            big: 3.5,
            flag: false,
            list: [],
            pair: [1, 1],
            nested: { id: 'example' },
        });
    });

    it('follows local $refs, anyOf and allOf, and stops on cycles', () => {
        const schema = {
            type: 'object',
            $defs: { point: { type: 'object', properties: { x: { type: 'number' } }, required: ['x'] }, loop: { $ref: '#/$defs/loop' } },
            properties: {
                at: { $ref: '#/$defs/point' },
                either: { anyOf: [{ type: 'null' }, { type: 'boolean' }] },
                both: { allOf: [{ $ref: '#/$defs/point' }, { properties: { y: { type: 'string' } }, required: ['y'] }] },
                loop: { $ref: '#/$defs/loop' },
            },
            required: ['at', 'either', 'both', 'loop'],
        };
        assert.deepEqual(exampleArguments(schema), { at: { x: 1 }, either: false, both: { x: 1, y: 'example' }, loop: 'example' });
        assert.deepEqual(exampleArguments(undefined), {});
    });
});

/** The notes server lists its tools in this order. */
function order(tool: string): number {
    return ['add_note', 'get_note', 'list_notes', 'search', 'delete_note', 'slow', 'strict_add', 'lenient_add'].indexOf(tool);
}
