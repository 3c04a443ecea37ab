import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, runCli } from '../helpers/cli.js';
import { FAULTY, WEATHER, freePort } from '../helpers/servers.js';
import { Workspace, q } from '../helpers/workspace.js';

const PACKAGE_VERSION = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;

/** A spec with one call against the weather fixture over stdio; `expectText` decides whether it passes. */
function weatherSpec(name: string, expectText: string): string {
    return [
        'servers:',
        '  weather:',
        `    command: ${q(process.execPath)}`,
        `    args: [${q(WEATHER)}]`,
        'tests:',
        '  - server: weather',
        '    calls:',
        `      - name: ${q(name)}`,
        '        tool: echo',
        '        args: { text: hi }',
        `        expect: { text: ${q(expectText)} }`,
    ].join('\n');
}

describe('mcp-check (CLI)', { concurrency: true }, () => {
    let workspace: Workspace;

    before(async () => {
        workspace = await Workspace.create();
        await workspace.write('passing.yaml', weatherSpec('echo says hi', 'hi'));
        await workspace.write('failing.yaml', weatherSpec('echo says bye', 'bye'));
        await workspace.write('many/first.yaml', weatherSpec('first file', 'hi'));
        await workspace.write('many/second.yaml', weatherSpec('second file', 'hi'));
        await workspace.write('many/notes.txt', 'not a spec');
        await workspace.write(
            'invalid.yaml',
            ['servers:', '  weather:', `    command: ${q(process.execPath)}`, 'tests:', '  - server: wether'].join('\n'),
        );
        await workspace.write(
            'mute.yaml',
            [
                'servers:',
                '  mute:',
                `    command: ${q(process.execPath)}`,
                `    args: [${q(FAULTY)}, --mode, no-initialize]`,
                'tests:',
                '  - server: mute',
                '    calls:',
                '      - name: never answered',
                '        tool: ok',
            ].join('\n'),
        );
    });

    after(() => workspace.remove());

    describe('exit codes', { concurrency: true }, () => {
        it('0 when every check passes: the bundled specs/weather.yaml, run from the repo root', async () => {
            const env = { WEATHER_HTTP_PORT: String(await freePort()), WEATHER_SSE_PORT: String(await freePort()) };
            const run = await runCli(['specs/weather.yaml'], { cwd: ROOT, env });
            assert.equal(run.code, 0, `${run.stdout}\n${run.stderr}`);
            assert.match(run.stdout, /Tests: \d+ passed, 0 failed, 0 errored, \d+ skipped/);
            for (const server of ['weather (stdio', 'weather-http (streamable_http', 'weather-sse (sse']) {
                assert.ok(run.stdout.includes(server), `ran ${server}`);
            }
        });

        it('0 for every bundled spec, run from another folder: their servers are found through ${SPEC_DIR}', async () => {
            const specs = readdirSync(join(ROOT, 'specs')).filter((f) => f.endsWith('.yaml')).map((f) => join(ROOT, 'specs', f));
            const run = await runCli(specs, { cwd: workspace.dir });
            assert.equal(run.code, 0, `${run.stdout}\n${run.stderr}`);
            assert.match(run.stdout, /Tests: \d+ passed, 0 failed, 0 errored, \d+ skipped/);
        });

        it('1 when an assertion fails', async () => {
            const run = await runCli(['failing.yaml'], { cwd: workspace.dir });
            assert.equal(run.code, 1, run.stderr);
            assert.match(run.stdout, /✗ echo says bye/);
        });

        it('1 when the JUnit report cannot be written, saying why', async () => {
            const run = await runCli(['passing.yaml', '--junit', 'passing.yaml/report.xml'], { cwd: workspace.dir });
            assert.equal(run.code, 1);
            assert.match(run.stdout, /✓ echo says hi/);
            assert.match(run.stderr, /could not write a report: .*passing\.yaml/);
        });

        it('2 for an invalid spec, naming file:line:col, and nothing is run', async () => {
            const run = await runCli(['invalid.yaml'], { cwd: workspace.dir });
            assert.equal(run.code, 2);
            assert.match(run.stderr, /nothing was run/);
            assert.match(run.stderr, /^ {2}invalid\.yaml:5:13: .*unknown server "wether"/m);
            assert.equal(run.stdout, '');
        });

        it('2 for a spec file that does not exist', async () => {
            const run = await runCli(['missing.yaml'], { cwd: workspace.dir });
            assert.equal(run.code, 2);
            assert.match(run.stderr, /spec file not found: missing\.yaml/);
        });

        it('2 for an unknown flag', async () => {
            const run = await runCli(['passing.yaml', '--bogus'], { cwd: workspace.dir });
            assert.equal(run.code, 2);
            assert.match(run.stderr, /unknown option '--bogus'/);
        });

        it('2 when no spec is given', async () => {
            const run = await runCli([], { cwd: workspace.dir });
            assert.equal(run.code, 2);
            assert.match(run.stderr, /missing required argument 'spec'/);
        });

        for (const value of ['soon', '0', '-5s']) {
            it(`2 for --timeout ${value}`, async () => {
                const run = await runCli(['passing.yaml', '--timeout', value], { cwd: workspace.dir });
                assert.equal(run.code, 2);
                assert.match(run.stderr, /--timeout/);
                assert.match(run.stderr, /expected a duration such as 500ms, 30s, 5m/);
                assert.equal(run.stdout, '', 'nothing was run');
            });
        }
    });

    it('--version prints the package.json version', async () => {
        const run = await runCli(['--version']);
        assert.equal(run.code, 0);
        assert.equal(run.stdout.trim(), PACKAGE_VERSION);
    });

    it('--help lists the options and the exit codes', async () => {
        const run = await runCli(['--help']);
        assert.equal(run.code, 0);
        assert.match(run.stdout, /--junit <file>/);
        assert.match(run.stdout, /--timeout <duration>/);
        assert.match(run.stdout, /Exit codes:/);
        for (const code of ['0', '1', '2']) assert.match(run.stdout, new RegExp(`^ {2}${code} +\\S`, 'm'), `exit code ${code} is explained`);
    });

    it('runs several spec files given in one run', async () => {
        const run = await runCli(['passing.yaml', 'failing.yaml'], { cwd: workspace.dir });
        assert.equal(run.code, 1);
        assert.match(run.stdout, /^passing\.yaml › /m);
        assert.match(run.stdout, /^failing\.yaml › /m);
        assert.match(run.stdout, /✓ echo says hi/);
        assert.match(run.stdout, /✗ echo says bye/);
    });

    it('expands a quoted glob itself', async () => {
        const run = await runCli(['many/*.yaml'], { cwd: workspace.dir });
        assert.equal(run.code, 0, `${run.stdout}\n${run.stderr}`);
        assert.match(run.stdout, /^many\/first\.yaml › /m);
        assert.match(run.stdout, /^many\/second\.yaml › /m);
        assert.doesNotMatch(run.stdout, /notes\.txt/);
    });

    it('--timeout 1s applies to a server that never answers initialize', async () => {
        const run = await runCli(['mute.yaml', '--timeout', '1s'], { cwd: workspace.dir, killAfterMs: 20_000 });
        assert.equal(run.code, 1, run.stderr);
        assert.match(run.stdout, /! never answered \[error\]/);
        assert.match(run.stdout, /cannot connect to server "mute" .*: no answer to initialize within 1000 ms/);
    });
});
