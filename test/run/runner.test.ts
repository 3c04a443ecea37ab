import { once } from 'node:events';
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { countCases, type RunResult } from '../../src/run/result.js';
import { launchServers } from '../../src/run/launch.js';
import { planRun } from '../../src/run/plan.js';
import { runPlan, runSuites } from '../../src/run/runner.js';
import { countStarts, type CountedCommand } from '../helpers/counting.js';
import { FAULTY, WEATHER, freePort } from '../helpers/servers.js';
import { alertsCall } from '../helpers/specs.js';
import { q } from '../helpers/workspace.js';
import { caseNamed, statuses, suiteOf } from './helpers.js';

const NODE = process.execPath;

describe('runSuites', () => {
    describe('the result tree', () => {
        let result: RunResult;
        let closedUrl: string;

        before(async () => {
            closedUrl = `http://127.0.0.1:${await freePort()}/mcp`;
            const suite = suiteOf(
                'mixed.yaml',
                'name: Mixed outcomes',
                'servers:',
                '  weather:',
                `    command: ${q(NODE)}`,
                `    args: [${q(WEATHER)}]`,
                '  unreachable:',
                `    url: ${closedUrl}`,
                'tests:',
                '  - server: weather',
                '    protocol: false',
                '    tools:',
                '      include: [get_alerts]',
                '    calls:',
                ...alertsCall('CA'),
                ...alertsCall('NY'),
                '  - server: unreachable',
                '    protocol: false',
                '    calls:',
                '      - name: never sent',
                '        tool: echo',
                '        args: { text: hi }',
            );
            result = await runSuites([suite]);
        });

        it('has one suite per spec file and server, in order of first use', () => {
            assert.deepEqual(
                result.suites.map((s) => [s.file, s.name, s.server, s.transport]),
                [
                    ['mixed.yaml', 'Mixed outcomes', 'weather', 'stdio'],
                    ['mixed.yaml', 'Mixed outcomes', 'unreachable', 'streamable_http'],
                ],
            );
        });

        it('marks a call whose expectations hold as passed', () => {
            assert.equal(caseNamed(result, 'alerts for California').status, 'passed', statuses(result));
            assert.equal(caseNamed(result, 'lists tool get_alerts').status, 'passed');
        });

        it('marks a call whose assertion does not hold as failed, with the problem', () => {
            const c = caseNamed(result, 'alerts for New York');
            assert.equal(c.status, 'failed');
            assert.ok(c.status === 'failed');
            assert.equal(c.problems[0]?.kind, 'assert.text');
            assert.equal(c.problems[0]?.actual, 'No active alerts for NY');
        });

        it('marks a check that could not run as errored, naming the server and the cause', () => {
            const c = caseNamed(result, 'never sent');
            assert.ok(c.status === 'errored', `expected errored, got ${c.status}`);
            assert.equal(c.error.kind, 'runtime.connect');
            assert.match(c.error.message, new RegExp(`cannot connect to server "unreachable" \\(streamable_http ${closedUrl}\\): connection refused`));
        });

        it('describes each case: spec name, server.tool classname, server, tool and location', () => {
            const c = caseNamed(result, 'alerts for New York');
            assert.equal(c.classname, 'weather.get_alerts');
            assert.equal(c.server, 'weather');
            assert.equal(c.tool, 'get_alerts');
            assert.equal(c.kind, 'call');
            assert.deepEqual(c.loc, { file: 'mixed.yaml', line: 18, col: 9 });
            assert.equal(typeof c.durationMs, 'number');
        });

        it('keeps what the server said about itself on the suite it reached', () => {
            assert.equal(result.suites[0]!.serverInfo?.name, 'weather-fixture');
            assert.equal(result.suites[0]!.target, `${NODE} ${WEATHER}`);
            assert.equal(result.suites[1]!.serverInfo, undefined);
            assert.equal(result.suites[1]!.target, closedUrl);
        });

        it('totals the cases by status', () => {
            const all = result.suites.flatMap((s) => s.cases);
            assert.deepEqual(result.totals, countCases(all));
            assert.equal(result.totals.tests, all.length);
            assert.ok(result.totals.passed >= 2 && result.totals.failed >= 1 && result.totals.errored >= 1, JSON.stringify(result.totals));
            assert.equal(result.interrupted, undefined);
        });
    });

    describe('a server that cannot be reached', () => {
        it('still reports every planned case, each errored with the cause', async () => {
            const suite = suiteOf(
                'unreachable.yaml',
                'servers:',
                '  broken:',
                `    command: ${q(NODE)}`,
                `    args: [${q(FAULTY)}, --mode, exit-at-start]`,
                'tests:',
                '  - server: broken',
                '    protocol: false',
                '    tools:',
                '      include: [ok, crash]',
                '      exclude: [delete_everything]',
                '    calls:',
                '      - name: first call',
                '        tool: ok',
                '      - name: second call',
                '        tool: crash',
            );
            const result = await runSuites([suite]);
            const names = result.suites.flatMap((s) => s.cases.map((c) => c.name));
            for (const name of ['lists tool ok', 'lists tool crash', 'does not list tool delete_everything', 'first call', 'second call']) {
                assert.ok(names.includes(name), `"${name}" is in the report (got ${names.join(', ')})`);
            }
            for (const c of result.suites.flatMap((s) => s.cases)) {
                assert.ok(c.status === 'errored', `${c.name}: expected errored, got ${c.status}`);
                assert.equal(c.error.kind, 'runtime.connect');
                assert.match(c.error.message, /cannot connect to server "broken" \(stdio .*faulty-server\.js --mode exit-at-start\): server exited \(exit code 3\)/);
            }
            assert.equal(result.totals.errored, result.totals.tests);
            assert.match(result.suites[0]!.stderr ?? '', /fatal: config file missing/);
        });
    });

    describe('connections', () => {
        let counted: CountedCommand;
        let result: RunResult;

        const spec = (file: string, state: string) =>
            suiteOf(
                file,
                'servers:',
                '  weather:',
                `    command: ${q(counted.command)}`,
                `    args: [${counted.args.map(q).join(', ')}]`,
                'tests:',
                '  - server: weather',
                '    protocol: false',
                '    calls:',
                `      - name: ${file} first entry`,
                '        tool: get_alerts',
                `        args: { state: ${state} }`,
                '  - server: weather',
                '    protocol: false',
                '    calls:',
                `      - name: ${file} second entry`,
                '        tool: echo',
                '        args: { text: hi }',
                '        expect: { text: hi }',
            );

        before(async () => {
            counted = await countStarts(NODE, [WEATHER]);
            result = await runSuites([spec('a.yaml', 'CA'), spec('b.yaml', 'TX')]);
        });

        it('connects a server used by two tests entries and two spec files once', async () => {
            assert.equal((await counted.pids()).length, 1);
        });

        it('runs every check of both files on that one connection', () => {
            for (const name of ['a.yaml first entry', 'a.yaml second entry', 'b.yaml first entry', 'b.yaml second entry']) {
                assert.equal(caseNamed(result, name).status, 'passed', statuses(result));
            }
        });

        it('still reports one suite per spec file', () => {
            assert.deepEqual(
                result.suites.map((s) => [s.file, s.server]),
                [
                    ['a.yaml', 'weather'],
                    ['b.yaml', 'weather'],
                ],
            );
        });

        it('connects separately when two files give the same server name different configs', async () => {
            const other = await countStarts(NODE, [WEATHER]);
            const withEnv = (file: string, units: string) =>
                suiteOf(
                    file,
                    'servers:',
                    '  weather:',
                    `    command: ${q(other.command)}`,
                    `    args: [${other.args.map(q).join(', ')}]`,
                    `    env: { WEATHER_UNITS: ${units} }`,
                    'tests:',
                    '  - server: weather',
                    '    protocol: false',
                    '    calls:',
                    `      - name: ${units} forecast`,
                    '        tool: get_forecast',
                    '        args: { latitude: 0, longitude: 0 }',
                    `        expect: { structuredContent: { unit: ${units === 'metric' ? 'celsius' : 'fahrenheit'} } }`,
                );
            const separate = await runSuites([withEnv('metric.yaml', 'metric'), withEnv('imperial.yaml', 'imperial')]);
            assert.equal((await other.pids()).length, 2);
            assert.equal(caseNamed(separate, 'metric forecast').status, 'passed', statuses(separate));
            assert.equal(caseNamed(separate, 'imperial forecast').status, 'passed', statuses(separate));
        });
    });

    describe('the timeoutMs option (--timeout)', () => {
        it('applies to connecting to servers that set no timeout', async () => {
            const suite = suiteOf(
                'mute.yaml',
                'servers:',
                '  mute:',
                `    command: ${q(NODE)}`,
                `    args: [${q(FAULTY)}, --mode, no-initialize]`,
                'tests:',
                '  - server: mute',
                '    protocol: false',
                '    calls:',
                '      - name: never answered',
                '        tool: ok',
            );
            const result = await runSuites([suite], { timeoutMs: 500 });
            const c = caseNamed(result, 'never answered');
            assert.ok(c.status === 'errored');
            assert.match(c.error.message, /no answer to initialize within 500 ms/);
        });

        it('applies to calls to servers that set no timeout', async () => {
            const suite = suiteOf(
                'hang.yaml',
                'servers:',
                '  hang:',
                `    command: ${q(NODE)}`,
                `    args: [${q(FAULTY)}, --mode, hang-on-call, --echo-env, BOOTED]`,
                '    env: { BOOTED: yes }',
                'tests:',
                '  - server: hang',
                '    protocol: false',
                '    calls:',
                '      - name: hangs',
                '        tool: hang',
            );
            // The option also bounds the handshake. A server still booting on a busy machine could
            // miss it, so it is launched ahead and the run starts once it has booted (its first
            // stderr line): the handshake is then one round trip to a running process.
            const plan = planRun([suite]);
            const launched = launchServers(plan);
            const server = [...launched.servers.values()][0]!;
            await once(server.child.stderr!, 'data');
            // Only a safety net so the bug costs seconds, not 30: it stops the run if the option is ignored.
            const safety = AbortSignal.timeout(5000);
            const result = await runPlan(plan, { timeoutMs: 1000, signal: safety, launched });
            const c = caseNamed(result, 'hangs');
            assert.ok(c.status === 'errored', `expected errored, got ${c.status}`);
            assert.equal(c.error.kind, 'runtime.timeout', c.error.message);
            assert.match(c.error.message, /tools\/call hang timed out after 1000 ms/);
        });
    });
});
