import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { runCli, type CliRun } from '../helpers/cli.js';
import { join } from 'node:path';
import { ROOT } from '../helpers/cli.js';
import { FAULTY, HOSTILE, WEATHER, freePort } from '../helpers/servers.js';
import { alertsCall } from '../helpers/specs.js';
import { Workspace, q } from '../helpers/workspace.js';

const SLOPPY = join(ROOT, 'fixtures/sloppy-server.js');

// Any CSI escape sequence, e.g. ESC[32m.
const ANSI = /\u001b\[[0-9;]*m/;

/** One line per check: `  ✓ name (3 ms)`, `  ! name [error] (0 ms)`, `  ! name [error] (0 ms): see the server error above`. */
const CASE_LINE = /^ {2}([✓✗!]) (.+?)( \[error\])? \(\d+ ms\)(: see the server error above)?$/;

interface CaseLine {
    mark: string;
    name: string;
    /** Refers to the server error printed above it instead of repeating it. */
    refers?: boolean;
    /** The indented lines below it, up to the next check. */
    details: string[];
}

function caseLines(stdout: string): CaseLine[] {
    const out: CaseLine[] = [];
    for (const line of stdout.split('\n')) {
        const m = CASE_LINE.exec(line);
        if (m) out.push({ mark: m[1]!, name: m[2]!, refers: m[4] !== undefined, details: [] });
        else if (/^ {4,}\S/.test(line) && out.length > 0) out[out.length - 1]!.details.push(line.trim());
        else if (!/^ {4,}/.test(line)) out.push({ mark: '', name: '', details: [] }); // ends a block
    }
    return out.filter((c) => c.mark !== '');
}

describe('console report', () => {
    let workspace: Workspace;
    let run: CliRun;
    let lines: CaseLine[];

    before(async () => {
        workspace = await Workspace.create();
        await workspace.write(
            'console.yaml',
            [
                'servers:',
                '  weather:',
                '    command: sh',
                `    args: [-c, 'echo "weather warming up" >&2; exec "$0" "$1"', ${q(process.execPath)}, ${q(WEATHER)}]`,
                '  gone:',
                `    url: http://127.0.0.1:${await freePort()}/mcp`,
                'tests:',
                '  - server: weather',
                '    protocol: false',
                '    calls:',
                ...alertsCall('CA'),
                ...alertsCall('NY', true),
                '      - name: forecast in kelvin',
                '        tool: get_forecast',
                '        args: { latitude: 0, longitude: 0 }',
                '        expect:',
                '          structuredContent: { unit: kelvin }',
                '  - server: gone',
                '    protocol: false',
                '    calls:',
                '      - name: never sent',
                '        tool: echo',
            ].join('\n'),
        );
        run = await runCli(['console.yaml', '--reporter', 'console', '--reporter', 'json:report.json'], { cwd: workspace.dir });
        lines = caseLines(run.stdout);
    });

    after(() => workspace.remove());

    function line(name: string): CaseLine {
        const found = lines.filter((l) => l.name === name);
        assert.equal(found.length, 1, `one line for "${name}" in:\n${run.stdout}`);
        return found[0]!;
    }

    it('heads a spec without `name:` with its file once, then the server', () => {
        assert.match(run.stdout, /^console\.yaml › weather \(stdio: /m);
        assert.doesNotMatch(run.stdout, /console\.yaml › console\.yaml/);
    });

    it('prints one line per check: ✓ passed, ✗ failed, ! errored', () => {
        assert.equal(line('alerts for California').mark, '✓');
        assert.equal(line('alerts for New York').mark, '✗');
        assert.equal(line('forecast in kelvin').mark, '✗');
        assert.equal(line('never sent').mark, '!');
    });

    it('explains a failure with the file:line:col of the failing assertion, expected and actual', () => {
        const { details } = line('alerts for New York');
        assert.match(details[0] ?? '', /^console\.yaml:19:29: .*contain "Heat Advisory"/, details.join('\n'));
        assert.ok(details.some((d) => /^expected: .*Heat Advisory/.test(d)), details.join('\n'));
        assert.ok(details.includes('actual:   "No active alerts for NY"'), details.join('\n'));
    });

    it('points a structuredContent mismatch at the key that differs', () => {
        const { details } = line('forecast in kelvin');
        assert.deepEqual(details.slice(0, 3), [
            'console.yaml:24:38: structuredContent.unit: expected "kelvin", got "fahrenheit"',
            'expected: "kelvin"',
            'actual:   "fahrenheit"',
        ]);
    });

    it('prints the cause of a server that cannot be reached once; each of its checks refers to it', () => {
        const cause = /cannot connect to server "gone" .*connection refused/g;
        assert.equal(run.stdout.match(cause)?.length, 1, run.stdout);
        assert.match(run.stdout, /^ {2}server error, 9 checks errored with it:\n {6}cannot connect to server "gone" \(streamable_http http:\/\/127\.0\.0\.1:\d+\/mcp\): connection refused.*\n {2}! /m);
        const gone = ['lint: 8 rules', 'never sent'].map((name) => lines.find((l) => l.name === name && l.refers));
        assert.ok(gone.every((l) => l?.mark === '!' && l.details.length === 0), run.stdout);
    });

    it('keeps the full cause on every check of that server in the JSON report', async () => {
        const report = JSON.parse(await workspace.read('report.json')) as { suites: { server: string; cases: { error?: { message: string } }[] }[] };
        const cases = report.suites.find((s) => s.server === 'gone')!.cases;
        assert.equal(cases.length, 9);
        for (const c of cases) assert.match(c.error?.message ?? '', /^cannot connect to server "gone" .*connection refused/);
    });

    it('shows the server’s stderr under a suite with failures', () => {
        assert.match(run.stdout, /server stderr \(last \d+ lines?\):\n\s+weather warming up/);
    });

    it('shows a passing lint as one line per server; JSON keeps one case per rule', async () => {
        assert.equal(line('lint: 8 rules passed').mark, '✓');
        assert.doesNotMatch(run.stdout, /lint: input-schema-compiles/);
        const report = JSON.parse(await workspace.read('report.json')) as { suites: { server: string; cases: { name: string; status: string }[] }[] };
        const lint = report.suites.find((s) => s.server === 'weather')!.cases.filter((c) => c.name.startsWith('lint: '));
        assert.equal(lint.length, 8);
        assert.ok(lint.every((c) => c.status === 'passed'));
    });

    it('ends with a summary line whose counts match the lines above', () => {
        const summary = /^Tests: (\d+) passed, (\d+) failed, (\d+) errored, (\d+) skipped \((\d+) total\)/m.exec(run.stdout);
        assert.ok(summary, `summary line in:\n${run.stdout}`);
        // `lint: 8 rules passed` stands for eight checks.
        const checks = (l: CaseLine) => Number(/^lint: (\d+) /.exec(l.name)?.[1] ?? 1);
        const tally = (mark: string) => String(lines.filter((l) => l.mark === mark).reduce((n, l) => n + checks(l), 0));
        assert.deepEqual(summary.slice(1), [tally('✓'), tally('✗'), tally('!'), '0', String(lines.reduce((n, l) => n + checks(l), 0))]);
        assert.equal(run.code, 1);
    });

    it('shows a failing or warning lint rule in full and the clean rules in one line after them', async () => {
        const allOff = ['input-schema-compiles', 'input-schema-object', 'output-schema-valid', 'tool-name', 'unique-tool-names', 'required-declared', 'annotations-boolean'];
        await workspace.write(
            'lint.yaml',
            [
                'servers:',
                '  faulty:',
                `    command: ${q(process.execPath)}`,
                `    args: [${q(FAULTY)}, --mode, bad-input-schema]`,
                '  sloppy:',
                `    command: ${q(process.execPath)}`,
                `    args: [${q(SLOPPY)}]`,
                'tests:',
                '  - server: faulty',
                '    protocol: false',
                '  - server: sloppy',
                '    protocol: false',
                `    lint: { rules: { ${allOff.map((r) => `${r}: off`).join(', ')} } }`,
                '',
            ].join('\n'),
        );
        const linted = await runCli(['lint.yaml'], { cwd: workspace.dir });
        // Suites print as their servers finish: look at each server's block.
        const shown = (server: string) => caseLines(linted.stdout.split('\n\n').find((b) => b.includes(`› ${server} (`)) ?? '').map((l) => `${l.mark} ${l.name}`);
        assert.deepEqual(shown('faulty'), ['✗ lint: input-schema-compiles', '✗ lint: annotations-boolean', '✓ lint: 6 other rules passed'], linted.stdout);
        assert.deepEqual(shown('sloppy'), ['✓ lint: tool-description'], linted.stdout);
        assert.match(linted.stdout, /^ {6}lint\.yaml:\d+:\d+: input-schema-compiles: tool "broken_schema": inputSchema does not compile/m);
        assert.match(linted.stdout, /^ {6}warning: tool-description: tool "no_description": description is missing$/m);
    });

    it('shows protocol warnings in full, and the rules that pass or do not apply one line each', async () => {
        await workspace.write('protocol.yaml', ['servers:', '  weather:', `    command: ${q(process.execPath)}`, `    args: [${q(WEATHER)}]`, 'tests:', '  - server: weather', '    lint: false', '    tools: { include: [get_alerts] }', ''].join('\n'));
        const run = await runCli(['protocol.yaml'], { cwd: workspace.dir });
        assert.equal(run.code, 0, run.stdout + run.stderr);
        const shown = caseLines(run.stdout).map((l) => `${l.mark} ${l.name}`);
        assert.deepEqual(shown, ['✓ protocol: invalid-cursor', '✓ protocol: unknown-tool', '✓ protocol: malformed-params', '✓ protocol: 9 other rules passed', '✓ lists tool get_alerts'], run.stdout);
        assert.match(run.stdout, /^ {6}warning: tools\/list with a cursor it never gave \("mcp-check-forged-cursor"\)/m);
        assert.match(run.stdout, /^ {2}- protocol: 12 other rules skipped: they do not apply to this server \(the JSON and JUnit reports say why, rule by rule\)$/m);
    });

    describe('colour', () => {
        let plain: CliRun;
        let forced: CliRun;
        let noColorWins: CliRun;
        let flagWins: CliRun;

        before(async () => {
            await workspace.write(
                'tiny.yaml',
                [
                    'servers:',
                    '  weather:',
                    `    command: ${q(process.execPath)}`,
                    `    args: [${q(WEATHER)}]`,
                    'tests:',
                    '  - server: weather',
                    '    protocol: false',
                    '    calls:',
                    '      - name: passes',
                    '        tool: echo',
                    '        args: { text: hi }',
                    '        expect: { text: hi }',
                    '      - name: fails',
                    '        tool: echo',
                    '        args: { text: hi }',
                    '        expect: { text: bye }',
                ].join('\n'),
            );
            const cli = (env: Record<string, string | undefined>, args: string[] = []) =>
                runCli(['tiny.yaml', ...args], { cwd: workspace.dir, env: { NO_COLOR: undefined, FORCE_COLOR: undefined, ...env } });
            [plain, forced, noColorWins, flagWins] = await Promise.all([
                cli({}),
                cli({ FORCE_COLOR: '1' }),
                cli({ FORCE_COLOR: '1', NO_COLOR: '1' }),
                cli({ FORCE_COLOR: '1' }, ['--no-color']),
            ]);
        });

        it('is off with NO_COLOR', () => {
            assert.doesNotMatch(run.stdout, ANSI);
        });

        it('is off when stdout is not a terminal', () => {
            assert.match(plain.stdout, /✓ passes/);
            assert.doesNotMatch(plain.stdout, ANSI);
        });

        it('is on with FORCE_COLOR=1: green ✓, red ✗', () => {
            assert.match(forced.stdout, /\u001b\[32m✓\u001b\[39m passes/);
            assert.match(forced.stdout, /\u001b\[31m✗\u001b\[39m fails/);
        });

        it('NO_COLOR wins over FORCE_COLOR', () => {
            assert.match(noColorWins.stdout, /✓ passes/);
            assert.doesNotMatch(noColorWins.stdout, ANSI);
        });

        it('--no-color wins over FORCE_COLOR', () => {
            assert.match(flagWins.stdout, /✓ passes/);
            assert.doesNotMatch(flagWins.stdout, ANSI);
        });
    });
});

describe('console notes of a negative call', () => {
    it('indent every line of a multi-line server message and cut a long one at a word boundary', async () => {
        const workspace = await Workspace.create();
        const message = `first line\nsecond line\n${'word '.repeat(60)}`;
        await workspace.write(
            'notes.yaml',
            [
                'servers:',
                `  h: { command: ${q(process.execPath)}, args: [${q(HOSTILE)}, --mode, echo] }`,
                'tests:',
                '  - server: h',
                '    protocol: false',
                '    lint: false',
                '    calls:',
                '      - name: refused',
                '        tool: echo',
                `        args: { say: ${q(message)}, isError: true }`,
                '        expect: { rejects: true }',
            ].join('\n'),
        );
        const run = await runCli(['notes.yaml'], { cwd: workspace.dir });
        await workspace.remove();
        assert.equal(run.code, 0, run.stdout + run.stderr);
        const note = run.stdout.split('\n').filter((l) => l.startsWith('      '));
        assert.deepEqual(note.slice(0, 2), ['      tools/call echo was answered with an isError result: first line', '      second line']);
        assert.match(note[2] ?? '', /^ {6}(word )+word…$/);
    });
});
