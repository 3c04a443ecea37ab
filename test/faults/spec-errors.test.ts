/**
 * Fault tolerance, spec and command line (cases 19–23 of the issue): a broken spec is reported
 * with `file:line:col`, the CLI exits 2, and nothing is started — not even the servers of a
 * valid spec named on the same command line.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { runCli, type CliRun } from '../helpers/cli.js';
import { show, Workspace } from './support.js';

const MAX_MS = 10_000;

/** A valid spec whose server would write `good.pid` if it were started. */
async function goodSpec(ws: Workspace): Promise<string> {
    return ws.writeSpec(
        ['servers:', '  good:', '    command: node', `    args: ${ws.faultyArgs('good', 'normal')}`, 'tests:', '  - server: good', '    calls: [{ tool: ok }]', ''].join('\n'),
        'good.yaml',
    );
}

/**
 * Exit 2, the problem count, one `  <where>: <message>` line per expected problem,
 * no test output, and no server started.
 */
function expectSpecErrors(run: CliRun, ws: Workspace, problems: (string | RegExp)[]): void {
    assert.equal(run.code, 2, `exit code\n${show(run)}`);
    assert.ok(run.durationMs < MAX_MS, `took ${run.durationMs} ms`);
    const lines = run.stderr.split('\n').filter((l) => l.trim() !== '');
    const n = problems.length;
    assert.equal(lines[0], `mcp-check: ${n} problem${n === 1 ? '' : 's'} in the spec, nothing was run:`, show(run));
    const listed = lines.slice(1).filter((l) => l.startsWith('  '));
    assert.equal(listed.length, n, `expected ${n} problem lines\n${show(run)}`);
    // Each expected problem has its own line (in any order).
    const unmatched = [...listed];
    for (const p of problems) {
        const i = unmatched.findIndex((line) => (typeof p === 'string' ? line.startsWith(`  ${p}`) : p.test(line)));
        assert.ok(i >= 0, `no problem line matches ${String(p)}\n${show(run)}`);
        unmatched.splice(i, 1);
    }
    assert.doesNotMatch(run.stdout, /Tests:|✓|✗/, `tests were run or reported\n${show(run)}`);
    assert.equal(existsSync(ws.pidFile('good')), false, 'a server was started although the spec is invalid');
}

const esc = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

test('case 19: invalid YAML syntax', async () => {
    const ws = await Workspace.create();
    const good = await goodSpec(ws);
    const bad = await ws.writeSpec(['servers:', '  s:', '    command: node', '\targs: [x.js]', 'tests:', '  - server: s', ''].join('\n'), 'bad.yaml');
    const run = await runCli([good, bad, '--junit', ws.path('report.xml')]);
    // The tab that indents line 4, column 1.
    expectSpecErrors(run, ws, [new RegExp(`^  ${esc(bad)}:4:1: .*tab`, 'i')]);
});

test('case 20: a spec of the wrong shape: unknown key, wrong type, missing server', async () => {
    const ws = await Workspace.create();
    const good = await goodSpec(ws);
    const bad = await ws.writeSpec(
        [
            'servers:', //                      1
            '  s:', //                          2
            '    command: node', //             3
            '    args: [x.js]', //              4
            '    timout: 2s', //                5  unknown key (typo of timeout)
            'tests:', //                        6
            '  - server: s', //                 7
            '    calls:', //                    8
            '      - name: a', //               9
            '        tool: ok', //              10
            '        expect:', //               11
            '          isError: "yes"', //      12 wrong type
            '  - calls:', //                    13 missing server
            '      - { tool: ok }', //          14
            '',
        ].join('\n'),
        'bad.yaml',
    );
    const run = await runCli([good, bad, '--junit', ws.path('report.xml')]);
    expectSpecErrors(run, ws, [
        new RegExp(`^  ${esc(bad)}:5:5: .*timout`),
        new RegExp(`^  ${esc(bad)}:12:\\d+: .*isError.*boolean`),
        new RegExp(`^  ${esc(bad)}:13:\\d+: .*server`),
    ]);
});

test('case 21: a test that references an undeclared server', async () => {
    const ws = await Workspace.create();
    const good = await goodSpec(ws);
    const bad = await ws.writeSpec(
        ['servers:', '  s:', '    command: node', '    args: [x.js]', 'tests:', '  - server: s', '  - server: nope', '    calls: [{ tool: ok }]', ''].join('\n'),
        'bad.yaml',
    );
    const run = await runCli([good, bad, '--junit', ws.path('report.xml')]);
    expectSpecErrors(run, ws, [new RegExp(`^  ${esc(bad)}:7:\\d+: .*"nope"`)]);
    assert.match(run.stderr, /unknown server "nope"/);
});

test('case 22: a missing ${VAR}', async () => {
    const ws = await Workspace.create();
    const good = await goodSpec(ws);
    const bad = await ws.writeSpec(
        ['servers:', '  s:', '    command: node', '    env:', '      TOKEN: "${MCP_CHECK_TEST_UNSET_VAR}"', 'tests:', '  - server: s', ''].join('\n'),
        'bad.yaml',
    );
    const run = await runCli([good, bad, '--junit', ws.path('report.xml')], { env: { MCP_CHECK_TEST_UNSET_VAR: undefined } });
    expectSpecErrors(run, ws, [new RegExp(`^  ${esc(bad)}:5:\\d+: .*MCP_CHECK_TEST_UNSET_VAR.* not set`)]);
});

test('case 23: a spec file that does not exist, a glob that matches nothing', async () => {
    const ws = await Workspace.create();
    const good = await goodSpec(ws);
    const missing = ws.path('missing.yaml');
    const glob = ws.path('nothing-here/*.yaml');
    const run = await runCli([good, missing, glob, '--junit', ws.path('report.xml')]);
    expectSpecErrors(run, ws, [/spec file not found: .*missing\.yaml/, /no spec files match ".*nothing-here\/\*\.yaml"/]);
});
