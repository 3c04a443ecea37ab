/** The consistency matrix: one test entry run against several real servers, compared check by check. */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { runSuites } from '../../src/run/runner.js';
import { loadSpecs } from '../../src/load/load.js';
import { runCli, type CliRun } from '../helpers/cli.js';
import { parseJUnit } from '../helpers/junit-xml.js';
import { expectValidJUnit } from '../helpers/junit.js';
import { WEATHER, freePort, startListeningFixture } from '../helpers/servers.js';
import { Workspace, q } from '../helpers/workspace.js';
import { statuses } from './helpers.js';

/** The same three checks for every server of the entry: a listing, a text answer, a structured one. */
const CHECKS = [
    '    lint: false',
    '    tools: { include: [get_forecast] }',
    '    calls:',
    '      - name: alerts for California',
    '        tool: get_alerts',
    '        args: { state: CA }',
    '      - name: forecast',
    '        tool: get_forecast',
    '        args: { latitude: 1, longitude: 2 }',
];
const ROWS = ['lists tool get_forecast', 'alerts for California', 'forecast'];

test('the stdio and Streamable HTTP builds of one server answer alike: every row is consistent', async () => {
    // Both builds get the same units explicitly, so the outcome does not depend on the test's environment.
    const http = await startListeningFixture(WEATHER, ['--http', '0'], { WEATHER_UNITS: 'imperial' });
    const workspace = await Workspace.create();
    try {
        const spec = await workspace.write(
            'builds.yaml',
            [
                'servers:',
                '  stdio:',
                `    command: ${q(process.execPath)}`,
                `    args: [${q(WEATHER)}]`,
                '    env: { WEATHER_UNITS: imperial }',
                '  http:',
                `    url: ${q(http.url)}`,
                'tests:',
                '  - server: [stdio, http]',
                '    protocol: false',
                ...CHECKS,
            ].join('\n'),
        );
        const result = await runSuites(await loadSpecs([spec]));
        assert.equal(result.totals.failed + result.totals.errored, 0, statuses(result));
        assert.equal(result.matrices?.length, 1);
        const [matrix] = result.matrices!;
        assert.deepEqual([matrix!.id, matrix!.servers], ['tests[0]', ['stdio', 'http']]);
        assert.deepEqual(
            matrix!.rows.map((r) => [r.name, r.consistent, r.cells['stdio']?.status, r.cells['http']?.status]),
            ROWS.map((name) => [name, true, 'passed', 'passed']),
        );
        const forecast = matrix!.rows.find((r) => r.name === 'forecast')!;
        assert.deepEqual(forecast.cells['http']!.observed, forecast.cells['stdio']!.observed);
        assert.equal((forecast.cells['stdio']!.observed as { unit?: string }).unit, 'fahrenheit', 'the answers were kept, not left out on both sides');
    } finally {
        await http.stop();
        await workspace.remove();
    }
});

describe('a group of two servers that answer differently', () => {
    let workspace: Workspace;
    let run: CliRun;
    let report: {
        matrices?: { file: string; id: string; servers: string[]; rows: { name: string; consistent: boolean; cells: Record<string, { status: string; observed?: unknown }> }[] }[];
    };
    let junitFile: string;
    let jsonFile: string;

    before(async () => {
        workspace = await Workspace.create();
        await workspace.write(
            'units.yaml',
            [
                'servers:',
                '  imperial:',
                `    command: ${q(process.execPath)}`,
                `    args: [${q(WEATHER)}]`,
                '    env: { WEATHER_UNITS: imperial }',
                '    group: builds',
                '  metric:',
                `    command: ${q(process.execPath)}`,
                `    args: [${q(WEATHER)}]`,
                '    env: { WEATHER_UNITS: metric }',
                '    group: builds',
                'tests:',
                '  - server: builds',
                '    protocol: false',
                ...CHECKS,
            ].join('\n'),
        );
        jsonFile = workspace.path('reports/run.json');
        junitFile = workspace.path('reports/junit.xml');
        run = await runCli(['units.yaml', '--reporter', 'console', '--reporter', `json:${jsonFile}`, '--junit', junitFile], { cwd: workspace.dir });
        report = JSON.parse(await readFile(jsonFile, 'utf8')) as typeof report;
    });

    after(() => workspace.remove());

    test('the console marks the get_forecast row ≠ and shows each server’s answer', () => {
        const lines = run.stdout.split('\n');
        const start = lines.findIndex((l) => l.startsWith('Consistency across imperial, metric (units.yaml tests[0]):'));
        assert.ok(start >= 0, run.stdout + run.stderr);
        const forecast = lines.findIndex((l, i) => i > start && /^ {2}≠ forecast\s/.test(l));
        assert.ok(forecast > start, run.stdout);
        assert.match(lines[forecast + 1]!, /^ {6}imperial: passed, \{.*"unit":"fahrenheit"/);
        assert.match(lines[forecast + 2]!, /^ {6}metric: passed, \{.*"unit":"celsius"/);
        for (const name of ['lists tool get_forecast', 'alerts for California']) {
            assert.ok(lines.some((l, i) => i > start && l.startsWith(`    ${name} `)), `${name} is listed without ≠`);
        }
    });

    test('the JSON report’s matrix has the row inconsistent, with each server’s answer', () => {
        assert.equal(report.matrices?.length, 1, JSON.stringify(report.matrices));
        const [matrix] = report.matrices!;
        assert.deepEqual([matrix!.file, matrix!.id, matrix!.servers], ['units.yaml', 'tests[0]', ['imperial', 'metric']]);
        assert.deepEqual(
            matrix!.rows.map((r) => [r.name, r.consistent]),
            [
                ['lists tool get_forecast', true],
                ['alerts for California', true],
                ['forecast', false],
            ],
        );
        const forecast = matrix!.rows[2]!;
        assert.deepEqual(forecast.cells['imperial'], { status: 'passed', observed: { latitude: 1, longitude: 2, unit: 'fahrenheit', temperature: 85.5, conditions: 'light rain' } });
        assert.deepEqual(forecast.cells['metric'], { status: 'passed', observed: { latitude: 1, longitude: 2, unit: 'celsius', temperature: 29.7, conditions: 'light rain' } });
    });

    test('merge-reports of that JSON report keeps the matrix', async () => {
        const merged = workspace.path('reports/merged.json');
        const mergeRun = await runCli(['merge-reports', jsonFile, '--reporter', `json:${merged}`], { cwd: workspace.dir });
        assert.equal(mergeRun.code, 0, mergeRun.stdout + mergeRun.stderr);
        const again = JSON.parse(await readFile(merged, 'utf8')) as typeof report;
        assert.deepEqual(again.matrices, report.matrices);
    });

    test('every check of the entry is a JUnit test case for each server, and the file validates', async (t) => {
        await expectValidJUnit(t, junitFile);
        const doc = parseJUnit(await readFile(junitFile, 'utf8'));
        assert.deepEqual(
            doc.suites.map((s) => s.attrs['name']),
            ['units.yaml › imperial', 'units.yaml › metric'],
        );
        for (const [suite, server] of doc.suites.map((s, i) => [s, ['imperial', 'metric'][i]!] as const)) {
            assert.deepEqual(
                suite.cases.map((c) => [c.attrs['classname'], c.attrs['name']]),
                [
                    [`${server}.tools`, 'lists tool get_forecast'],
                    [`${server}.get_alerts`, 'alerts for California'],
                    [`${server}.get_forecast`, 'forecast'],
                ],
            );
        }
    });
});

test('a server of the group that cannot be reached: one line under the matrix, no answer rows for it', async () => {
    const workspace = await Workspace.create();
    try {
        await workspace.write(
            'dead.yaml',
            [
                'servers:',
                '  live:',
                `    command: ${q(process.execPath)}`,
                `    args: [${q(WEATHER)}]`,
                '  dead:',
                `    url: http://127.0.0.1:${await freePort()}/mcp`,
                'tests:',
                '  - server: [live, dead]',
                '    protocol: false',
                ...CHECKS,
            ].join('\n'),
        );
        const run = await runCli(['dead.yaml'], { cwd: workspace.dir });
        assert.equal(run.code, 1, run.stderr);
        const matrix = run.stdout.slice(run.stdout.indexOf('Consistency across live, dead'), run.stdout.indexOf('\nTests:'));
        const lines = matrix.trimEnd().split('\n').slice(2);
        assert.equal(lines.length, ROWS.length + 1, matrix);
        ROWS.forEach((name, i) => assert.match(lines[i]!, new RegExp(`^ {2}≠ ${name}\\s+✓\\s+!\\s*$`), matrix));
        assert.equal(lines[ROWS.length], '    dead: every check errored (see its server error above)');
        assert.doesNotMatch(run.stdout, /no answer kept/);
    } finally {
        await workspace.remove();
    }
});
