/**
 * Fault tolerance, the run itself (cases 24–25 of the issue): a signal stops the run with
 * complete reports and the documented exit code; secrets never reach any output.
 */
import { test, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { freePort } from '../helpers/servers.js';
import {
    consoleBlock,
    consoleCases,
    expectCase,
    expectControlPassed,
    expectNoSurvivors,
    expectRun,
    HTTP_FAULTS,
    junitSuite,
    q,
    runSpec,
    runYaml,
    show,
    startedPids,
    waitFor,
    Workspace,
} from './support.js';

const CONTROL_CASES = ['control ok', 'control crash tool is fine'];

async function interrupt(t: TestContext, signal: 'SIGINT' | 'SIGTERM', exitCode: number): Promise<void> {
    const ws = await Workspace.create();
    const log = ws.path('stuck.log');
    const spec = await ws.writeSpec(
        [
            'servers:',
            '  stuck:',
            '    command: node',
            `    args: ${ws.faultyArgs('stuck', 'hang-on-call', ['--log-file', log])}`,
            // Long enough that only the signal can end the run in time.
            '    timeout: 60s',
            ws.controlServer(),
            'tests:',
            '  - server: stuck',
            '    calls:',
            '      - { name: first ok, tool: ok, expect: { text: ok } }',
            '      - { name: in flight, tool: hang }',
            '      - { name: not reached ok, tool: ok, expect: { text: ok } }',
            '      - { name: not reached hang, tool: hang }',
            Workspace.controlTest(),
            '',
        ].join('\n'),
    );
    let cliPid: number | undefined;
    const running = runSpec(ws, spec, { onSpawn: (pid) => (cliPid = pid), killAfterMs: 45_000 });
    // Wait until the server has received the hanging call, then give the CLI a moment.
    await waitFor(() => existsSync(log) && /^tools\/call hang/m.test(readFileSync(log, 'utf8')), 15_000, 'the hang call to be in flight');
    await new Promise((resolve) => setTimeout(resolve, 300));
    const signalledAt = Date.now();
    process.kill(cliPid!, signal);
    const run = await running;
    const afterSignalMs = Date.now() - signalledAt;
    assert.ok(afterSignalMs < 10_000, `the CLI took ${afterSignalMs} ms to stop after ${signal}\n${show(run)}`);
    await expectRun(t, run, {
        code: exitCode,
        maxMs: 25_000,
        planned: { stuck: ['first ok', 'in flight', 'not reached ok', 'not reached hang'], control: CONTROL_CASES },
    });
    expectCase(run, 'stuck', 'first ok', { status: 'passed' });
    // The call that was running when the signal came was cancelled by it.
    expectCase(run, 'stuck', 'in flight', { status: ['skipped', 'errored'], says: [/interrupted/] });
    for (const name of ['not reached ok', 'not reached hang']) {
        expectCase(run, 'stuck', name, { status: 'skipped', says: [`not run: the run was interrupted (${signal})`] });
    }
    // The control server may or may not have finished before the signal; either way it is reported.
    for (const c of consoleCases(run, 'control')) assert.ok(c.status === 'passed' || c.status === 'skipped', c.text);
    await expectNoSurvivors(await startedPids(ws, ['stuck', 'control']));
}

test('case 24: SIGINT or SIGTERM during a run stops servers, writes reports, exits 130 / 143', async (t) => {
    await t.test('SIGINT', (t) => interrupt(t, 'SIGINT', 130));
    await t.test('SIGTERM', (t) => interrupt(t, 'SIGTERM', 143));
});

test('case 25: secrets from the environment and from secrets: appear as *** in every output', async (t) => {
    const ws = await Workspace.create();
    const envSecret = 'env-secret-4f9a1c77';
    const headerSecret = 'header-secret-7b2e9d55';
    const listedSecret = 'listed-secret-c0ffee11';
    const literalSecret = 'literal-secret-8d1f0a22';
    const port = await freePort();
    const url = `http://127.0.0.1:${port}/mcp`;
    const run = await runYaml(
        ws,
        [
            `secrets: ["\${MCP_CHECK_TEST_LISTED_SECRET}", ${q(literalSecret)}]`,
            'servers:',
            '  leaky:',
            '    command: node',
            // The server prints both env values on its stderr at startup; a listed secret in
            // its command line (here a file name) must not show in the reported target either.
            `    args: ${ws.faultyArgs('leaky', 'normal', ['--echo-env', 'API_TOKEN', '--echo-env', 'LITERAL', '--log-file', ws.path(`${literalSecret}.log`)])}`,
            `    env: { API_TOKEN: "\${MCP_CHECK_TEST_ENV_SECRET}", LITERAL: ${q(literalSecret)} }`,
            '    timeout: 5s',
            '  leaky-http:',
            `    url: ${q(url)}`,
            '    headers: { Authorization: "Bearer ${MCP_CHECK_TEST_HEADER_SECRET}" }',
            '    timeout: 2s',
            '    start:',
            '      command: node',
            // The listener answers 401 and logs every request's headers on its stderr.
            `      args: [${[q(HTTP_FAULTS), '--mode', '"401"', '--port', String(port), '--pid-file', q(ws.pidFile('leaky-http')), '--log-headers'].join(', ')}]`,
            '      timeout: 10s',
            ws.controlServer(),
            'tests:',
            '  - server: leaky',
            '    calls:',
            `      - name: ${q(`call named after ${literalSecret}`)}`,
            '        tool: ok',
            // Fails on purpose: the expected value (a secret) is shown in the failure.
            '        expect: { text: "${MCP_CHECK_TEST_LISTED_SECRET}" }',
            '  - server: leaky-http',
            '    calls:',
            '      - { name: http call, tool: ok }',
            Workspace.controlTest(),
            '',
        ].join('\n'),
        {
            env: {
                MCP_CHECK_TEST_ENV_SECRET: envSecret,
                MCP_CHECK_TEST_HEADER_SECRET: headerSecret,
                MCP_CHECK_TEST_LISTED_SECRET: listedSecret,
            },
        },
    );
    await expectRun(t, run, {
        code: 1,
        maxMs: 5_000 + 10_000,
        planned: { leaky: ['call named after ***'], 'leaky-http': ['http call'], control: CONTROL_CASES },
    });

    // No output holds any secret, not even a cut-off part of one (each ends in 8 unique hex digits).
    const outputs = { stdout: run.stdout, stderr: run.stderr, junit: run.junitXml };
    for (const secret of [envSecret, headerSecret, listedSecret, literalSecret]) {
        for (const [where, text] of Object.entries(outputs)) {
            assert.ok(!text.includes(secret), `${where} leaks ${secret}\n${show(run)}`);
            assert.ok(!text.includes(secret.slice(-8)), `${where} leaks part of ${secret}\n${show(run)}`);
        }
    }

    // … and each shows as *** where it would have been.
    const { console: entry, junit } = expectCase(run, 'leaky', 'call named after ***', { status: 'failed', says: ['"***"'] });
    assert.match(entry.text, /expected: "\*\*\*"/, entry.text);
    assert.match(junit.text, /expected: "\*\*\*"/, junit.text);
    const leakyConsole = consoleBlock(run, 'leaky');
    const leakyErr = junitSuite(run, 'leaky').cases.map((c) => c.systemErr).join('\n');
    for (const line of ['API_TOKEN=***', 'LITERAL=***']) {
        assert.ok(leakyConsole.includes(line), `console should show the server's stderr line ${line}:\n${leakyConsole}`);
        assert.ok(leakyErr.includes(line), `JUnit should keep the server's stderr line ${line}:\n${leakyErr}`);
    }
    assert.match(leakyConsole.split('\n')[0]!, /--log-file \S*\*\*\*\.log, protocol 2025-11-25\)$/, `the console header should show the command line redacted:\n${leakyConsole}`);
    assert.match(junitSuite(run, 'leaky').properties['server.target'] ?? '', /--log-file \S*\*\*\*\.log$/, 'the JUnit server.target should be redacted');
    expectCase(run, 'leaky-http', 'http call', { status: 'errored', says: ['authentication failed (HTTP 401)'] });
    const httpConsole = consoleBlock(run, 'leaky-http');
    const httpErr = junitSuite(run, 'leaky-http').cases.map((c) => c.systemErr).join('\n');
    assert.match(httpConsole, /authorization: Bearer \*\*\*/i, `console should show the started server's log with the token redacted:\n${httpConsole}`);
    assert.match(httpErr, /authorization: Bearer \*\*\*/i, `JUnit should keep the started server's log with the token redacted:\n${httpErr}`);

    expectControlPassed(run);
    await expectNoSurvivors(await startedPids(ws, ['leaky', 'leaky-http', 'control']));
});
