import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import ajvFormats from 'ajv-formats';
import type { ReportJson } from '../../src/report/json.js';
import { ROOT, runCli, type CliRun } from '../helpers/cli.js';
import { expectValidJUnit } from '../helpers/junit.js';
import { parseJUnit, type JUnitDocument } from '../helpers/junit-xml.js';
import { WEATHER } from '../helpers/servers.js';
import { Workspace, q } from '../helpers/workspace.js';

/** Runs outside GitHub Actions whatever machine the tests run on (no automatic `github` reporter, no job summary). */
const NOT_ON_GITHUB = { GITHUB_ACTIONS: undefined, GITHUB_STEP_SUMMARY: undefined };
const SCHEMA = JSON.parse(readFileSync(join(ROOT, 'schema/report.schema.json'), 'utf8')) as object;

/** A spec against the weather fixture; `failing` adds a failing and an errored call to a passing one. */
function weatherSpec(name: string, failing: boolean): string {
    return [
        `name: ${q(name)}`,
        'servers:',
        '  weather:',
        `    command: ${q(process.execPath)}`,
        `    args: [${q(WEATHER)}]`,
        'tests:',
        '  - server: weather',
        '    protocol: false',
        '    lint: false',
        '    calls:',
        `      - name: ${q(`${name}: alerts for California`)}`,
        '        tool: get_alerts',
        '        args: { state: CA }',
        '        expect: { text: { contains: Heat Advisory } }',
        ...(failing
            ? [
                  `      - name: ${q(`${name}: alerts for New York`)}`,
                  '        tool: get_alerts',
                  '        args: { state: NY }',
                  '        expect: { text: { contains: Heat Advisory } }',
                  '        capture: { first: "$.structuredContent.none" }',
                  `      - name: ${q(`${name}: echo the capture`)}`,
                  '        tool: echo',
                  '        args: { text: "${{ captures.first }}" }',
              ]
            : []),
    ].join('\n');
}

describe('mcp-check merge-reports', () => {
    let workspace: Workspace;
    let shardA: ReportJson;
    let shardB: ReportJson;
    let merge: CliRun;
    let junitFile: string;
    let junit: JUnitDocument;
    let merged: ReportJson;

    before(async () => {
        workspace = await Workspace.create();
        await workspace.write('a/weather.yaml', weatherSpec('shard A', true));
        await workspace.write('b/weather.yaml', weatherSpec('shard B', false));
        // Two runs, as two machines of a CI matrix would make them.
        const [runA, runB] = await Promise.all([
            runCli(['a/weather.yaml', '--reporter', 'json:reports/a.json'], { cwd: workspace.dir, env: NOT_ON_GITHUB }),
            runCli(['b/weather.yaml', '--reporter', 'json:reports/b.json'], { cwd: workspace.dir, env: NOT_ON_GITHUB }),
        ]);
        assert.equal(runA.code, 1, runA.stderr);
        assert.equal(runB.code, 0, runB.stderr);
        shardA = JSON.parse(await workspace.read('reports/a.json')) as ReportJson;
        shardB = JSON.parse(await workspace.read('reports/b.json')) as ReportJson;
        junitFile = workspace.path('out/merged.xml');
        merge = await runCli(['merge-reports', 'reports/b.json', 'reports/a.json', '--junit', junitFile, '--reporter', 'console', '--reporter', 'json:out/merged.json'], {
            cwd: workspace.dir,
            env: NOT_ON_GITHUB,
        });
        junit = parseJUnit(await readFile(junitFile, 'utf8'));
        merged = JSON.parse(await workspace.read('out/merged.json')) as ReportJson;
    });

    after(() => workspace.remove());

    it('exits 1 when a merged check failed or errored', () => {
        assert.equal(merge.code, 1, merge.stderr);
        assert.equal(merge.stderr, '');
    });

    it('writes one JUnit report that validates and has the cases of both shards', async (t) => {
        await expectValidJUnit(t, junitFile);
        const count = (r: ReportJson) => r.suites.reduce((n, s) => n + s.cases.length, 0);
        assert.equal(junit.suites.flatMap((s) => s.cases).length, count(shardA) + count(shardB));
        assert.equal(Number(junit.attrs.tests), 4);
        assert.equal(Number(junit.attrs.failures), 1);
        assert.equal(Number(junit.attrs.errors), 1);
    });

    it('keeps the suites in argument order', () => {
        assert.deepEqual(
            junit.suites.map((s) => s.attrs.name),
            ['b/weather.yaml › weather', 'a/weather.yaml › weather'],
        );
        assert.deepEqual(
            merged.suites.map((s) => s.name),
            ['shard B', 'shard A'],
        );
    });

    it('recounts the totals and spans the run from the earliest start to the latest end', () => {
        assert.deepEqual(merged.totals, { tests: 4, passed: 2, failed: 1, errored: 1, skipped: 0 });
        const start = (r: ReportJson) => Date.parse(r.startedAt);
        const end = (r: ReportJson) => start(r) + r.durationMs;
        assert.equal(Date.parse(merged.startedAt), Math.min(start(shardA), start(shardB)));
        assert.equal(merged.durationMs, Math.max(end(shardA), end(shardB)) - Math.min(start(shardA), start(shardB)));
        assert.equal(merged.interrupted, undefined);
    });

    it('writes a merged JSON report that validates and holds the shards’ suites unchanged', () => {
        const ajv = new Ajv2020({ allErrors: true, strict: true });
        ajvFormats.default(ajv);
        const validate = ajv.compile(SCHEMA);
        assert.ok(validate(merged), JSON.stringify(validate.errors, null, 2));
        assert.deepEqual(merged.suites, [...shardB.suites, ...shardA.suites]);
    });

    it('prints the merged run on the console', () => {
        assert.match(merge.stdout, /^b\/weather\.yaml › shard B › weather/m);
        assert.match(merge.stdout, /✗ shard A: alerts for New York/);
        assert.match(merge.stdout, /Tests: 2 passed, 1 failed, 1 errored, 0 skipped \(4 total\)/);
    });

    it('exits 0 when every merged check passed; console is the default reporter', async () => {
        const run = await runCli(['merge-reports', 'reports/b.json'], { cwd: workspace.dir, env: NOT_ON_GITHUB });
        assert.equal(run.code, 0, run.stderr);
        assert.match(run.stdout, /Tests: 1 passed, 0 failed, 0 errored, 0 skipped \(1 total\)/);
    });

    it('refuses a shard given twice, or a copy of one, and writes nothing', async () => {
        await writeFile(workspace.path('reports/copy-of-b.json'), await workspace.read('reports/b.json'));
        const cases: [string[], string][] = [
            [['reports/b.json', 'reports/a.json', 'reports/b.json'], 'mcp-check: merge-reports: reports/b.json is given twice; each shard counts once, so give each report once\n'],
            [['reports/b.json', './reports/../reports/b.json'], 'mcp-check: merge-reports: ./reports/../reports/b.json is given twice; each shard counts once, so give each report once\n'],
            [['reports/b.json', 'reports/copy-of-b.json'], 'mcp-check: merge-reports: reports/b.json and reports/copy-of-b.json hold the same run; each shard counts once, so give each report once\n'],
        ];
        for (const [files, message] of cases) {
            const run = await runCli(['merge-reports', ...files, '--reporter', 'json:out/twice.json'], { cwd: workspace.dir, env: NOT_ON_GITHUB });
            assert.equal(run.code, 2, run.stdout);
            assert.equal(run.stderr, message);
            assert.equal(run.stdout, '');
        }
        assert.equal(existsSync(workspace.path('out/twice.json')), false);
    });

    it('keeps case ids unique when two runs of the same spec are merged', async () => {
        // Two machines of a matrix (say Linux and macOS) running the same spec: same ids, different runs.
        const other = { ...shardB, startedAt: new Date(Date.parse(shardB.startedAt) + 1000).toISOString() };
        await writeFile(workspace.path('reports/b-again.json'), JSON.stringify(other));
        const run = await runCli(['merge-reports', 'reports/b.json', 'reports/b-again.json', '--reporter', 'json:out/again.json'], { cwd: workspace.dir, env: NOT_ON_GITHUB });
        assert.equal(run.code, 0, run.stderr);
        const again = JSON.parse(await workspace.read('out/again.json')) as ReportJson;
        const ids = again.suites.flatMap((s) => s.cases.map((c) => c.id));
        assert.equal(new Set(ids).size, 2);
        assert.deepEqual(ids.slice(1), shardB.suites[0]!.cases.map((c) => `${c.id}~2`));
    });

    it('exits 1 and keeps the mark when a shard was interrupted', async () => {
        await writeFile(workspace.path('reports/stopped.json'), JSON.stringify({ ...shardB, interrupted: 'SIGTERM' }));
        const run = await runCli(['merge-reports', 'reports/b.json', 'reports/stopped.json', '--reporter', 'json:out/stopped.json'], { cwd: workspace.dir, env: NOT_ON_GITHUB });
        assert.equal(run.code, 1, run.stderr);
        assert.equal((JSON.parse(await workspace.read('out/stopped.json')) as ReportJson).interrupted, 'SIGTERM');
    });

    it('exits 2 naming the file that is not a report, and writes nothing', async () => {
        await workspace.write('reports/junit.xml', '<testsuites/>');
        await workspace.write('reports/v9.json', JSON.stringify({ ...shardB, reportVersion: 9 }));
        await workspace.write('reports/bad-status.json', JSON.stringify({ ...shardB, suites: [{ ...shardB.suites[0], cases: [{ ...shardB.suites[0]!.cases[0], status: 'flaky' }] }] }));
        const cases: [string, RegExp][] = [
            ['reports/junit.xml', /^mcp-check: reports\/junit\.xml: not an mcp-check JSON report: invalid JSON/],
            ['reports/missing.json', /^mcp-check: reports\/missing\.json: report file not found$/m],
            ['reports/v9.json', /^mcp-check: reports\/v9\.json: has reportVersion 9, but mcp-check \S+ reads reportVersion 1/],
            ['reports/bad-status.json', /^mcp-check: reports\/bad-status\.json: not a valid mcp-check JSON report:\n {2}\/suites\/0\/cases\/0\/status: must be equal to one of the allowed values/],
        ];
        for (const [file, message] of cases) {
            const run = await runCli(['merge-reports', 'reports/b.json', file, '--junit', 'out/never.xml'], { cwd: workspace.dir, env: NOT_ON_GITHUB });
            assert.equal(run.code, 2, `${file}: ${run.stderr}`);
            assert.match(run.stderr, message);
            assert.equal(run.stdout, '', 'nothing reported');
        }
        assert.equal(existsSync(workspace.path('out/never.xml')), false);
    });

    it('exits 2 for an unknown reporter or no report at all', async () => {
        const unknown = await runCli(['merge-reports', 'reports/b.json', '--reporter', 'tap'], { cwd: workspace.dir, env: NOT_ON_GITHUB });
        assert.equal(unknown.code, 2);
        assert.match(unknown.stderr, /unknown reporter "tap"/);
        const none = await runCli(['merge-reports'], { cwd: workspace.dir, env: NOT_ON_GITHUB });
        assert.equal(none.code, 2);
        assert.match(none.stderr, /missing required argument 'json'/);
    });
});

describe('merge-reports of a matrix split across shards', () => {
    it('lists the servers of a merged matrix in the order the spec declares them, not shard order', async () => {
        const workspace = await Workspace.create();
        try {
            const server = [`    command: ${q(process.execPath)}`, `    args: [${q(WEATHER)}]`];
            await workspace.write(
                'group.yaml',
                ['servers:', '  zeta:', ...server, '  alpha:', ...server, 'tests:', '  - server: [zeta, alpha]', '    lint: false', '    tools: { include: [echo] }'].join('\n'),
            );
            // Shards split servers by sorted name: alpha runs in shard 1, zeta in shard 2.
            for (const shard of ['1', '2']) {
                const run = await runCli(['group.yaml', '--shard', `${shard}/2`, '--reporter', `json:reports/${shard}.json`], { cwd: workspace.dir, env: NOT_ON_GITHUB });
                assert.equal(run.code, 0, run.stdout + run.stderr);
            }
            const merge = await runCli(['merge-reports', 'reports/1.json', 'reports/2.json', '--reporter', 'json:merged.json'], { cwd: workspace.dir, env: NOT_ON_GITHUB });
            assert.equal(merge.code, 0, merge.stdout + merge.stderr);
            const merged = JSON.parse(await workspace.read('merged.json')) as ReportJson;
            assert.deepEqual(
                merged.matrices?.map((m) => [m.servers, m.rows.map((r) => r.consistent)]),
                [[['zeta', 'alpha'], [true]]],
            );
        } finally {
            await workspace.remove();
        }
    });
});
