import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { runCli, type CliRun } from '../helpers/cli.js';
import { junitSchemaUnavailable, validateJUnit } from '../helpers/junit.js';
import { parseJUnit, type JUnitCase, type JUnitDocument, type JUnitSuite } from '../helpers/junit-xml.js';
import { FAULTY, WEATHER, freePort } from '../helpers/servers.js';
import { alertsCall } from '../helpers/specs.js';
import { Workspace, q } from '../helpers/workspace.js';

const SPECIAL_NAME = 'forecast <metric> & "imperial" \'quoted\'';

describe('JUnit report (--junit)', () => {
    let workspace: Workspace;
    let run: CliRun;
    let reportFile: string;
    let report: JUnitDocument;

    before(async () => {
        workspace = await Workspace.create();
        const weather = [
            '  weather:',
            '    command: sh',
            `    args: [-c, 'echo "weather warming up" >&2; exec "$0" "$1"', ${q(process.execPath)}, ${q(WEATHER)}]`,
        ];
        await workspace.write(
            'pass-fail.yaml',
            [
                'name: Weather report',
                'servers:',
                ...weather,
                '  broken:',
                `    command: ${q(process.execPath)}`,
                `    args: [${q(FAULTY)}, --mode, exit-at-start]`,
                'tests:',
                '  - server: weather',
                '    calls:',
                ...alertsCall('CA'),
                ...alertsCall('NY', true),
                `      - name: ${q(SPECIAL_NAME)}`,
                '        tool: get_forecast',
                '        args: { latitude: 0, longitude: 0 }',
                '  - server: broken',
                '    calls:',
                '      - name: never runs',
                '        tool: ok',
            ].join('\n'),
        );
        await workspace.write(
            'unreachable.yaml',
            [
                'servers:',
                ...weather,
                '  gone:',
                `    url: http://127.0.0.1:${await freePort()}/mcp`,
                'tests:',
                '  - server: weather',
                '    calls:',
                '      - name: echo from the second file',
                '        tool: echo',
                '        args: { text: hi }',
                '        expect: { text: hi }',
                '  - server: gone',
                '    calls:',
                '      - name: never sent',
                '        tool: echo',
            ].join('\n'),
        );
        reportFile = workspace.path('reports/nested/junit.xml');
        run = await runCli(['pass-fail.yaml', 'unreachable.yaml', '--junit', reportFile], { cwd: workspace.dir });
        report = parseJUnit(await readFile(reportFile, 'utf8'));
    });

    after(() => workspace.remove());

    function suite(file: string, server: string): JUnitSuite {
        const found = report.suites.filter((s) => s.attrs.name === `${file} › ${server}`);
        assert.equal(found.length, 1, `one <testsuite> for ${file} × ${server}; got ${report.suites.map((s) => s.attrs.name).join(', ')}`);
        return found[0]!;
    }

    function testcase(name: string): JUnitCase {
        const found = report.suites.flatMap((s) => s.cases).filter((c) => c.attrs.name === name);
        assert.equal(found.length, 1, `one <testcase name=${JSON.stringify(name)}>`);
        return found[0]!;
    }

    it('is written, creating missing folders, and the run exits 1', () => {
        assert.equal(run.code, 1, run.stderr);
    });

    it('validates against the strict Jenkins JUnit schema', { skip: junitSchemaUnavailable() ?? false }, () => {
        assert.doesNotThrow(() => validateJUnit(reportFile));
    });

    it('has one <testsuite> per spec file and server', () => {
        assert.deepEqual(report.suites.map((s) => s.attrs.name).sort(), [
            'pass-fail.yaml › broken',
            'pass-fail.yaml › weather',
            'unreachable.yaml › gone',
            'unreachable.yaml › weather',
        ]);
        assert.equal(suite('pass-fail.yaml', 'weather').properties['spec.name'], 'Weather report');
        assert.equal(suite('pass-fail.yaml', 'weather').properties['server.name'], 'weather-fixture');
        assert.equal(suite('unreachable.yaml', 'gone').properties['server.transport'], 'streamable_http');
    });

    it('names each <testcase> exactly as the spec names it', () => {
        for (const name of ['alerts for California', 'alerts for New York', SPECIAL_NAME, 'never runs', 'echo from the second file', 'never sent']) {
            testcase(name);
        }
    });

    it('gives calls the classname server.tool', () => {
        assert.equal(testcase('alerts for California').attrs.classname, 'weather.get_alerts');
        assert.equal(testcase(SPECIAL_NAME).attrs.classname, 'weather.get_forecast');
        assert.equal(testcase('never sent').attrs.classname, 'gone.echo');
    });

    it('reports a passing check with neither <failure> nor <error>', () => {
        const c = testcase('alerts for California');
        assert.equal(c.failure, undefined);
        assert.equal(c.error, undefined);
        assert.equal(testcase(SPECIAL_NAME).failure, undefined);
    });

    it('reports an assertion that does not hold as <failure> with where it was written, expected and actual', () => {
        const c = testcase('alerts for New York');
        assert.equal(c.error, undefined);
        assert.ok(c.failure, 'has a <failure>');
        assert.equal(c.failure.attrs.type, 'assert.text');
        assert.match(c.failure.attrs.message ?? '', /contain "Heat Advisory"/);
        assert.match(c.failure.body, /^pass-fail\.yaml:20:29: /m);
        assert.match(c.failure.body, /expected: .*Heat Advisory/);
        assert.match(c.failure.body, /actual: +"No active alerts for NY"/);
    });

    it('reports a check that could not run as <error>, with the cause', () => {
        for (const name of ['never runs', 'never sent']) {
            const c = testcase(name);
            assert.equal(c.failure, undefined, `${name} has no <failure>`);
            assert.ok(c.error, `${name} has an <error>`);
            assert.equal(c.error.attrs.type, 'runtime.connect');
        }
        assert.match(testcase('never runs').error!.attrs.message ?? '', /cannot connect to server "broken" .*exit code 3/);
        assert.match(testcase('never sent').error!.attrs.message ?? '', /cannot connect to server "gone" .*connection refused/);
    });

    it(
        'gives an <error> a message attribute that is a complete sentence',
        () => {
            const message = testcase('never runs').error?.attrs.message ?? '';
            assert.doesNotMatch(message, /:\s*$/, message);
        },
    );

    it('keeps every suite’s counts consistent with its testcases', () => {
        for (const s of report.suites) {
            const count = (pick: (c: JUnitCase) => unknown) => String(s.cases.filter(pick).length);
            assert.equal(s.attrs.tests, String(s.cases.length), `${s.attrs.name} tests`);
            assert.equal(s.attrs.failures, count((c) => c.failure), `${s.attrs.name} failures`);
            assert.equal(s.attrs.errors, count((c) => c.error), `${s.attrs.name} errors`);
            assert.equal(s.attrs.skipped, count((c) => c.skipped), `${s.attrs.name} skipped`);
        }
        const sum = (key: string) => String(report.suites.reduce((n, s) => n + Number(s.attrs[key]), 0));
        assert.equal(report.attrs.tests, sum('tests'));
        assert.equal(report.attrs.failures, sum('failures'));
        assert.equal(report.attrs.errors, sum('errors'));
    });

    it('puts the server’s stderr in <system-err>', () => {
        const stderrOf = (s: JUnitSuite) => s.cases.map((c) => c.systemErr ?? '').join('');
        assert.match(stderrOf(suite('pass-fail.yaml', 'weather')), /weather warming up/);
        assert.match(stderrOf(suite('pass-fail.yaml', 'broken')), /fatal: config file missing/);
    });
});
