import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import ajvFormats from 'ajv-formats';
import { REPORT_SCHEMA_ID, renderJsonReport, toReportJson, type ReportJson } from '../../src/report/json.js';
import { InvalidReportError, parseReport, readReport } from '../../src/report/read-report.js';
import type { RunResult } from '../../src/run/result.js';
import { ROOT, runCli, type CliRun } from '../helpers/cli.js';
import { WEATHER } from '../helpers/servers.js';
import { alertsCall } from '../helpers/specs.js';
import { Workspace, q } from '../helpers/workspace.js';

const PACKAGE_VERSION = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
/** Runs outside GitHub Actions whatever machine the tests run on (no automatic `github` reporter, no job summary). */
const NOT_ON_GITHUB = { GITHUB_ACTIONS: undefined, GITHUB_STEP_SUMMARY: undefined };
const SCHEMA = JSON.parse(readFileSync(join(ROOT, 'schema/report.schema.json'), 'utf8')) as { $id: string };

/** The report schema compiled the strictest way Ajv offers, as a consumer of the format would. */
function compileSchema() {
    const ajv = new Ajv2020({ allErrors: true, strict: true });
    ajvFormats.default(ajv);
    return ajv.compile(SCHEMA);
}

/** A spec against the weather fixture with a passing, a failing and an errored call. */
function threeOutcomesSpec(name: string): string {
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
        ...alertsCall('CA'),
        ...alertsCall('NY'),
        '        capture: { first: "$.structuredContent.none" }',
        '      - name: echo the capture',
        '        tool: echo',
        '        args: { text: "${{ captures.first }}" }',
    ].join('\n');
}

describe('JSON report (--reporter json:<file>)', () => {
    let workspace: Workspace;
    let run: CliRun;
    let file: string;
    let text: string;
    let report: ReportJson;

    before(async () => {
        workspace = await Workspace.create();
        await workspace.write('weather.yaml', threeOutcomesSpec('Weather JSON'));
        file = workspace.path('reports/nested/run.json');
        run = await runCli(['weather.yaml', '--reporter', 'console', '--reporter', `json:${file}`], { cwd: workspace.dir, env: NOT_ON_GITHUB });
        text = await readFile(file, 'utf8');
        report = JSON.parse(text) as ReportJson;
    });

    after(() => workspace.remove());

    it('is written next to the console output, creating folders, and the run exits 1', () => {
        assert.equal(run.code, 1, run.stderr);
        assert.match(run.stdout, /Tests: 1 passed, 1 failed, 1 errored, 0 skipped \(3 total\)/);
    });

    it('validates against schema/report.schema.json (Ajv 2020, strict)', () => {
        const validate = compileSchema();
        assert.ok(validate(report), JSON.stringify(validate.errors, null, 2));
        assert.equal(SCHEMA.$id, REPORT_SCHEMA_ID);
    });

    it('names its format, version and tool', () => {
        assert.equal(report.$schema, REPORT_SCHEMA_ID);
        assert.equal(report.reportVersion, 1);
        assert.deepEqual(report.tool, { name: 'mcp-check', version: PACKAGE_VERSION });
        assert.match(report.startedAt, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
        assert.equal(report.interrupted, undefined);
    });

    it('holds the totals and one suite per spec file and server, with the server’s own description', () => {
        assert.deepEqual(report.totals, { tests: 3, passed: 1, failed: 1, errored: 1, skipped: 0 });
        assert.equal(report.suites.length, 1);
        const suite = report.suites[0]!;
        assert.equal(suite.file, 'weather.yaml');
        assert.equal(suite.name, 'Weather JSON');
        assert.equal(suite.server, 'weather');
        assert.equal(suite.transport, 'stdio');
        assert.equal(suite.target, `${process.execPath} ${WEATHER}`);
        assert.equal(suite.serverInfo?.name, 'weather-fixture');
        assert.equal(suite.serverInfo?.version, '1.0.0');
        assert.ok(suite.serverInfo?.capabilities.tools, 'capabilities are kept');
        assert.ok(!Number.isNaN(Date.parse(suite.serverInfo!.connectedAt)));
        assert.deepEqual(suite.diagnostics, []);
    });

    it('writes every check with its status and the fields of that status', () => {
        const cases = report.suites[0]!.cases;
        assert.deepEqual(
            cases.map((c) => [c.name, c.status, c.classname, c.kind]),
            [
                ['alerts for California', 'passed', 'weather.get_alerts', 'call'],
                ['alerts for New York', 'failed', 'weather.get_alerts', 'call'],
                ['echo the capture', 'errored', 'weather.echo', 'call'],
            ],
        );
        const passed = cases[0]!;
        assert.deepEqual(Object.keys(passed), ['id', 'name', 'classname', 'kind', 'server', 'tool', 'loc', 'status', 'durationMs']);
        assert.deepEqual(passed.loc, { file: 'weather.yaml', line: 11, col: 9 });

        const failed = cases[1]!;
        assert.equal(failed.problems?.[0]?.kind, 'assert.text');
        assert.deepEqual(failed.problems?.[0]?.loc, { file: 'weather.yaml', line: 18, col: 37 });
        assert.equal(failed.problems?.[0]?.actual, 'No active alerts for NY');
        assert.equal(failed.error, undefined);

        const errored = cases[2]!;
        assert.equal(errored.error?.kind, 'runtime.capture');
        assert.match(errored.error?.message ?? '', /capture first is undefined/);
        assert.equal(errored.problems, undefined);
    });

    it('reads back into the same run: reading and writing again gives the same text', async () => {
        const result = await readReport(file);
        assert.ok(result.startedAt instanceof Date);
        assert.ok(result.suites[0]!.serverInfo!.connectedAt instanceof Date);
        assert.equal(renderJsonReport(result), text);
    });
});

describe('JSON report: the model round-trips', () => {
    const started = new Date('2026-01-02T03:04:05.678Z');
    const loc = { file: 'specs/a.yaml', line: 4, col: 7 };
    const base = { classname: 'a.t', kind: 'call' as const, server: 'a', tool: 't', loc, durationMs: 3 };
    const result: RunResult = {
        startedAt: started,
        durationMs: 1234,
        interrupted: 'SIGTERM',
        totals: { tests: 4, passed: 1, failed: 1, errored: 1, skipped: 1 },
        suites: [
            {
                file: 'specs/a.yaml',
                name: 'A',
                server: 'a',
                transport: 'streamable_http',
                target: 'http://127.0.0.1:1/mcp',
                serverInfo: { name: 'a', version: '2', protocolVersion: '2025-11-25', capabilities: { tools: {} }, instructions: 'be nice', connectedAt: started },
                stderr: 'line 1\nline 2',
                diagnostics: ['stdout: not JSON'],
                startedAt: started,
                durationMs: 1000,
                cases: [
                    { ...base, id: 'p', name: 'passes', status: 'passed', warnings: ['w'], notes: ['n'], attempts: 2 },
                    {
                        ...base,
                        id: 'f',
                        name: 'fails',
                        status: 'failed',
                        problems: [
                            { kind: 'assert.json', message: 'no value', loc, expected: { a: [1, null] }, actual: undefined, details: ['d'] },
                            { kind: 'assert.text', message: 'null is a value', expected: undefined, actual: null },
                            { kind: 'lint', message: 'neither' },
                        ],
                    },
                    { ...base, id: 'e', name: 'errors', status: 'errored', error: { kind: 'runtime.timeout', message: 'timed out' } },
                    { ...base, id: 's', name: 'skips', status: 'skipped', reason: 'not selected' },
                ],
            },
        ],
    };

    it('keeps "no value" apart from null through `absent`', () => {
        const json = toReportJson(result);
        const problems = json.suites[0]!.cases[1]!.problems!;
        assert.deepEqual(problems[0], { kind: 'assert.json', message: 'no value', loc, expected: { a: [1, null] }, absent: ['actual'], details: ['d'] });
        assert.deepEqual(problems[1], { kind: 'assert.text', message: 'null is a value', actual: null, absent: ['expected'] });
        assert.deepEqual(problems[2], { kind: 'lint', message: 'neither' });
    });

    it('validates and parses back to a deep-equal result', () => {
        const text = renderJsonReport(result);
        const validate = compileSchema();
        assert.ok(validate(JSON.parse(text)), JSON.stringify(validate.errors, null, 2));
        const parsed = parseReport(text);
        assert.ok(parsed.ok, parsed.ok ? '' : parsed.reason);
        assert.deepEqual(parsed.result, result);
        const failed = parsed.result.suites[0]!.cases[1]!;
        assert.ok(failed.status === 'failed' && 'actual' in failed.problems[0]! && !('actual' in failed.problems[2]!));
    });
});

describe('reading a JSON report that is not one', () => {
    let workspace: Workspace;
    let good: ReportJson;

    before(async () => {
        workspace = await Workspace.create();
        good = toReportJson({ startedAt: new Date(0), durationMs: 0, totals: { tests: 0, passed: 0, failed: 0, errored: 0, skipped: 0 }, suites: [] });
    });

    after(() => workspace.remove());

    async function reasonFor(name: string, text: string | undefined): Promise<string> {
        const file = text === undefined ? workspace.path(name) : await workspace.write(name, text);
        const error = await readReport(file).then(
            () => assert.fail('read without an error'),
            (e: unknown) => e,
        );
        assert.ok(error instanceof InvalidReportError, String(error));
        assert.ok(error.message.startsWith(`${file}: `), `names the file: ${error.message}`);
        return error.message.slice(file.length + 2);
    }

    it('says when the file is missing', async () => {
        assert.equal(await reasonFor('missing.json', undefined), 'report file not found');
    });

    it('says when it is not JSON', async () => {
        assert.match(await reasonFor('junit.xml', '<testsuites/>'), /^not an mcp-check JSON report: invalid JSON \(/);
    });

    it('says when it is JSON but not a report', async () => {
        assert.equal(await reasonFor('package.json', '{"name":"x"}'), 'not an mcp-check JSON report (it has no "reportVersion"; write one with --reporter json:<file>)');
    });

    it('says when it has another reportVersion', async () => {
        assert.equal(
            await reasonFor('v2.json', JSON.stringify({ ...good, reportVersion: 2 })),
            `has reportVersion 2, but mcp-check ${PACKAGE_VERSION} reads reportVersion 1; merge it with the mcp-check version that wrote it`,
        );
    });

    it('lists where it breaks the schema', async () => {
        const broken = {
            ...good,
            suites: [
                {
                    file: 'a.yaml', name: 'a', server: 'a', transport: 'stdio', target: 'x', diagnostics: [], startedAt: 'yesterday', durationMs: 1,
                    cases: [{ id: 'x', name: 'x', classname: 'a.x', kind: 'call', server: 'a', loc: { file: 'a.yaml', line: 1, col: 1 }, status: 'failed', durationMs: 1, reason: 'r' }],
                },
            ],
        };
        assert.equal(
            await reasonFor('broken.json', JSON.stringify(broken)),
            [
                'not a valid mcp-check JSON report:',
                '  /suites/0/startedAt: must match format "date-time"',
                "  /suites/0/cases/0: must have required property 'problems'",
                '  /suites/0/cases/0/reason: not allowed with this status',
            ].join('\n'),
        );
    });
});
