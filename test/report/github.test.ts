import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { escapeData, escapeProperty, workflowCommand } from '../../src/report/escape-github.js';
import { markdownText, renderAnnotations, renderJobSummary, repoPath } from '../../src/report/github.js';
import type { CaseResult, RunResult } from '../../src/run/result.js';
import { ROOT, runCli, type CliRun } from '../helpers/cli.js';
import { WEATHER } from '../helpers/servers.js';
import { alertsCall } from '../helpers/specs.js';
import { Workspace, q } from '../helpers/workspace.js';

const SLOPPY = join(ROOT, 'fixtures/sloppy-server.js');

/** Environment of a run outside GitHub Actions, whatever machine the tests run on. */
const NOT_ON_GITHUB = {
    GITHUB_ACTIONS: undefined,
    GITHUB_WORKSPACE: undefined,
    GITHUB_STEP_SUMMARY: undefined,
    GITHUB_SERVER_URL: undefined,
    GITHUB_REPOSITORY: undefined,
    GITHUB_SHA: undefined,
};

describe('workflow command escaping', () => {
    it('escapes a message: % first, then CR and LF; : and , stay', () => {
        assert.equal(escapeData('100% sure, really: yes\r\nnext'), '100%25 sure, really: yes%0D%0Anext');
        assert.equal(escapeData('%0A is text'), '%250A is text');
        assert.equal(escapeData('plain'), 'plain');
    });

    it('escapes a property: as a message, plus : and ,', () => {
        assert.equal(escapeProperty('weather › odd, name: 100%\n2'), 'weather › odd%2C name%3A 100%25%0A2');
        assert.equal(escapeProperty('%3A'), '%253A');
        assert.equal(escapeProperty('C:\\specs\\a.yaml'), 'C%3A\\specs\\a.yaml');
    });

    it('renders a command with its properties in order, leaving out the empty ones', () => {
        assert.equal(
            workflowCommand('error', { file: 'specs/a b.yaml', line: 3, col: 5, title: 't, x: 1%' }, 'line 1\nline 2: 50%, done'),
            '::error file=specs/a b.yaml,line=3,col=5,title=t%2C x%3A 1%25::line 1%0Aline 2: 50%25, done',
        );
        assert.equal(workflowCommand('notice', { title: 'mcp-check', file: undefined }, 'hi'), '::notice title=mcp-check::hi');
        assert.equal(workflowCommand('warning', {}, 'bare'), '::warning::bare');
    });
});

describe('GitHub paths and Markdown', () => {
    it('makes paths relative to the repository root with forward slashes', () => {
        assert.equal(repoPath('specs/a.yaml', '/repo', '/repo'), 'specs/a.yaml');
        assert.equal(repoPath('a.yaml', '/repo', '/repo/specs'), 'specs/a.yaml');
        assert.equal(repoPath('/repo/specs/a.yaml', '/repo', '/elsewhere'), 'specs/a.yaml');
        assert.equal(repoPath('../other/a.yaml', '/repo', '/repo'), '../other/a.yaml', 'outside the root: as given');
    });

    it('keeps server text as text in a table cell', () => {
        assert.equal(markdownText('a|b <script>x</script> & *bold* get_alerts\nnext'), 'a\\|b &lt;script&gt;x&lt;/script&gt; &amp; \\*bold\\* get\\_alerts next');
        assert.equal(markdownText('esc \u001b[31m'), 'esc \\\\u001b\\[31m');
    });
});

describe('GitHub annotations of a server error', () => {
    const loc = { file: 'specs/a.yaml', line: 2, col: 3 };
    const errored = (name: string, message: string): CaseResult => ({
        id: name,
        name,
        classname: 'a.t',
        kind: 'call',
        server: 'a',
        loc,
        durationMs: 0,
        status: 'errored',
        error: { kind: 'runtime.connect', message },
    });
    const run: RunResult = {
        startedAt: new Date(0),
        durationMs: 10,
        totals: { tests: 4, passed: 0, failed: 0, errored: 4, skipped: 0 },
        suites: [
            {
                file: 'specs/a.yaml',
                name: 'A',
                server: 'a',
                transport: 'stdio',
                target: 'x',
                diagnostics: [],
                startedAt: new Date(0),
                durationMs: 1,
                cases: [errored('one', 'server exited (exit code 1)'), errored('two', 'server exited (exit code 1)'), errored('three', 'server exited (exit code 1)'), errored('own', 'timed out')],
            },
        ],
    };

    it('writes one ::error for all the checks one server error stopped, naming them, and one for each other error', () => {
        const errors = renderAnnotations(run, { root: '/repo', cwd: '/repo', max: 50 }).filter((l) => l.startsWith('::error '));
        assert.deepEqual(errors, [
            '::error file=specs/a.yaml,line=2,col=3,title=a › server error::server exited (exit code 1)%0A(server error: 3 checks errored with it: one, two, three)',
            '::error file=specs/a.yaml,line=2,col=3,title=a › own::timed out',
        ]);
    });
});

describe('GitHub annotations and summary are bounded', () => {
    const loc = { file: 'specs/a.yaml', line: 2, col: 3 };
    const failing = (i: number): CaseResult => ({
        id: `f${i}`,
        name: `check ${i}`,
        classname: 'a.t',
        kind: 'call',
        server: 'a',
        loc,
        durationMs: 1,
        status: 'failed',
        problems: [{ kind: 'assert.text', message: `problem ${i}`, loc: { ...loc, line: 10 + i } }],
    });
    const warned = (i: number): CaseResult => ({ ...failing(i), id: `w${i}`, status: 'passed', warnings: [`warning ${i}`] }) as CaseResult;
    const run: RunResult = {
        startedAt: new Date(0),
        durationMs: 1500,
        totals: { tests: 56, passed: 3, failed: 53, errored: 0, skipped: 0 },
        suites: [{ file: 'specs/a.yaml', name: 'A', server: 'a', transport: 'stdio', target: 'x', diagnostics: [], startedAt: new Date(0), durationMs: 1, cases: [...Array.from({ length: 53 }, (_, i) => failing(i + 1)), ...[1, 2, 3].map(warned)] }],
    };

    it('writes one ::error per failing check up to the cap, then a notice with how many more', () => {
        const lines = renderAnnotations(run, { root: '/repo', cwd: '/repo', max: 50 });
        assert.equal(lines.filter((l) => l.startsWith('::error ')).length, 50);
        assert.equal(lines[0], '::error file=specs/a.yaml,line=11,col=3,title=a › check 1::problem 1');
        assert.equal(lines[49], '::error file=specs/a.yaml,line=60,col=3,title=a › check 50::problem 50');
        assert.deepEqual(lines.slice(50), [
            '::warning file=specs/a.yaml,line=2,col=3,title=a › check 1::warning 1',
            '::warning file=specs/a.yaml,line=2,col=3,title=a › check 2::warning 2',
            '::warning file=specs/a.yaml,line=2,col=3,title=a › check 3::warning 3',
            '::notice title=mcp-check::3 more failures are not annotated (at most 50); the console output and the job summary list them',
        ]);
        assert.equal(renderAnnotations(run, { root: '/repo', cwd: '/repo', max: 2 }).at(-1), '::notice title=mcp-check::1 more check with warnings is not annotated (at most 2)');
    });

    it('lists at most the cap of failing checks in the summary, then how many more', () => {
        const summary = renderJobSummary(run, { root: '/repo', cwd: '/repo', maxRows: 50 });
        const rows = summary.split('\n').filter((l) => l.startsWith('| failed |'));
        assert.equal(rows.length, 50);
        assert.equal(rows[0], '| failed | a | check 1 | problem 1 | specs/a.yaml:11:3 |');
        assert.ok(summary.endsWith('\n\n… and 3 more\n\n'), summary.slice(-100));
    });
});

describe('GitHub Actions reporter (real runs)', () => {
    let workspace: Workspace;
    const spec = [
        'servers:',
        '  weather:',
        `    command: ${q(process.execPath)}`,
        `    args: [${q(WEATHER)}]`,
        '  sloppy:',
        `    command: ${q(process.execPath)}`,
        `    args: [${q(SLOPPY)}]`,
        'tests:',
        '  - server: weather',
        '    protocol: false',
        '    lint: false',
        '    calls:',
        ...alertsCall('CA'),
        '      - name: "odd, name: 100%"',
        '        tool: echo',
        '        args: { text: "50% off, today: only" }',
        '        expect: { text: "100% sure, really: yes" }',
        '      - name: alerts for New York',
        '        tool: get_alerts',
        '        args: { state: NY }',
        '        capture: { first: "$.structuredContent.none" }',
        '      - name: echo the capture',
        '        tool: echo',
        '        args: { text: "${{ captures.first }}" }',
        '  - server: sloppy',
        '    protocol: false',
        '    lint:',
        '      rules: { input-schema-object: off, output-schema-valid: off, tool-name: off, unique-tool-names: off, required-declared: off, annotations-boolean: off }',
    ];
    /** `line:col` of `token` on the first spec line that contains it, after the line containing `after` (1-based, as annotations want). */
    function at(token: string, after?: string): { line: number; col: number } {
        const from = after === undefined ? 0 : spec.findIndex((l) => l.includes(after));
        const index = spec.findIndex((l, i) => i >= from && l.includes(token));
        assert.ok(index >= 0, token);
        return { line: index + 1, col: spec[index]!.indexOf(token) + 1 };
    }
    const odd = at('"100% sure');
    const ny = at('name: alerts for New York');
    const echo = at('{ text: "${{');
    const lint = at('lint:', '- server: sloppy');
    const expectedErrors = [
        `::error file=specs/gh.yaml,line=${odd.line},col=${odd.col},title=weather › odd%2C name%3A 100%25::text: expected to equal "100%25 sure, really: yes"%0A  expected: "100%25 sure, really: yes"%0A  actual:   "50%25 off, today: only"`,
        `::error file=specs/gh.yaml,line=${ny.line},col=${ny.col},title=weather › alerts for New York::capture first: $.structuredContent.none matched nothing in the result`,
        `::error file=specs/gh.yaml,line=${echo.line},col=${echo.col},title=weather › echo the capture::capture first is undefined: $.structuredContent.none matched nothing in the result of "alerts for New York"`,
    ];
    const schemaError = `::error file=specs/gh.yaml,line=${lint.line},col=${lint.col},title=sloppy › lint%3A input-schema-compiles::input-schema-compiles: tool "bad_input_schema": inputSchema does not compile`;

    let explicit: CliRun;
    let automatic: CliRun;
    let both: CliRun;
    let summary: string;

    before(async () => {
        workspace = await Workspace.create();
        await workspace.write('specs/gh.yaml', spec.join('\n'));
        const summaryFile = await workspace.write('summary.md', '# earlier step\n\n');
        [explicit, automatic, both] = await Promise.all([
            // From the spec's own folder: the path is still made relative to the workspace.
            runCli(['gh.yaml', '--reporter', 'github'], { cwd: workspace.path('specs'), env: { ...NOT_ON_GITHUB, GITHUB_WORKSPACE: workspace.dir } }),
            runCli(['specs/gh.yaml'], {
                cwd: workspace.dir,
                env: {
                    ...NOT_ON_GITHUB,
                    GITHUB_ACTIONS: 'true',
                    GITHUB_STEP_SUMMARY: summaryFile,
                    GITHUB_SERVER_URL: 'https://github.example',
                    GITHUB_REPOSITORY: 'acme/weather',
                    GITHUB_SHA: '0123abc',
                },
            }),
            runCli(['specs/gh.yaml', '--reporter', 'console', '--reporter', 'github'], { cwd: workspace.dir, env: { ...NOT_ON_GITHUB, GITHUB_ACTIONS: 'true' } }),
        ]);
        summary = await readFile(summaryFile, 'utf8');
    });

    after(() => workspace.remove());

    function annotations(run: CliRun): string[] {
        return run.stdout.split('\n').filter((l) => l.startsWith('::'));
    }

    it('writes one ::error per failed or errored check at its first failing assertion, escaped', () => {
        assert.equal(explicit.code, 1, explicit.stderr);
        const lines = annotations(explicit);
        assert.deepEqual(lines.slice(0, 3), expectedErrors);
        assert.ok(lines[3]!.startsWith(schemaError), lines[3]);
        assert.equal(lines.filter((l) => l.startsWith('::error ')).length, 4);
    });

    it('writes a ::warning for a passed check with lint warnings', () => {
        assert.deepEqual(annotations(explicit).slice(4), [
            `::warning file=specs/gh.yaml,line=${lint.line},col=${lint.col},title=sloppy › lint%3A tool-description::tool-description: tool "no_description": description is missing`,
        ]);
    });

    it('writes only annotations when it is the only reporter', () => {
        assert.deepEqual(explicit.stdout.split('\n').filter((l) => l !== '' && !l.startsWith('::')), []);
    });

    it('is added by GITHUB_ACTIONS=true, keeping the console output', () => {
        assert.equal(automatic.code, 1, automatic.stderr);
        assert.match(automatic.stdout, /✓ alerts for California/);
        assert.match(automatic.stdout, /Tests: 2 passed, 3 failed, 1 errored, 0 skipped \(6 total\)/);
        assert.deepEqual(annotations(automatic), annotations(explicit));
        // After the console's summary line, so the full account comes first.
        assert.ok(automatic.stdout.indexOf('Tests: ') < automatic.stdout.indexOf('::error'));
    });

    it('is not added twice when asked for on GitHub Actions', () => {
        assert.equal(both.code, 1, both.stderr);
        assert.deepEqual(annotations(both), annotations(explicit));
    });

    it('appends a Markdown job summary to $GITHUB_STEP_SUMMARY', () => {
        const link = (l: { line: number; col: number }, col = l.col) =>
            `[specs/gh.yaml:${l.line}:${col}](https://github.example/acme/weather/blob/0123abc/specs/gh.yaml#L${l.line})`;
        const lines = summary.replace(/in \d+\.\d\d s/, 'in T s').split('\n');
        assert.deepEqual(lines.slice(0, 11), [
            '# earlier step',
            '',
            '### ❌ mcp-check: 4 of 6 checks did not pass',
            '',
            '**2 passed, 3 failed, 1 errored, 0 skipped** (6 total) in T s',
            '',
            '| Result | Server | Test | Message | Location |',
            '| --- | --- | --- | --- | --- |',
            `| failed | weather | odd, name: 100% | text: expected to equal "100% sure, really: yes" | ${link(odd)} |`,
            `| failed | weather | alerts for New York | capture first: $.structuredContent.none matched nothing in the result | ${link(ny)} |`,
            `| errored | weather | echo the capture | capture first is undefined: $.structuredContent.none matched nothing in the result of "alerts for New York" | ${link(echo)} |`,
        ]);
        assert.ok(lines[11]!.startsWith('| failed | sloppy | lint: input-schema-compiles | input-schema-compiles: tool "bad\\_input\\_schema": inputSchema does not compile'), lines[11]);
        assert.ok(lines[11]!.endsWith(` | ${link(lint)} |`), lines[11]);
        assert.deepEqual(lines.slice(12), ['', '']);
    });
});
