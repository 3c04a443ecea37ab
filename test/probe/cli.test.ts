import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ROOT, runCli } from '../helpers/cli.js';
import { Workspace, q } from '../helpers/workspace.js';

const PROBE_FIXTURE = join(ROOT, 'fixtures/probe-server.js');

describe('mcp-check probe (CLI)', { concurrency: true }, () => {
    let workspace: Workspace;
    let spec: string;

    /** A spec whose server `fx` is the probe fixture, logging every call to `log`. */
    function fixtureSpec(log: string): string {
        return ['servers:', '  fx:', `    command: ${q(process.execPath)}`, `    args: [${q(PROBE_FIXTURE)}, --log-file, ${q(log)}]`, 'tests:', '  - server: fx'].join('\n');
    }

    async function calls(log: string): Promise<string[]> {
        return (await readFile(workspace.path(log), 'utf8').catch(() => '')).split('\n').filter(Boolean);
    }

    before(async () => {
        workspace = await Workspace.create();
        spec = await workspace.write('probe.yaml', fixtureSpec(workspace.path('calls.log')));
        for (const name of ['limited', 'wipe', 'seedless', 'replay-a', 'replay-b']) {
            await workspace.write(`${name}.yaml`, fixtureSpec(workspace.path(`${name}.log`)));
        }
    });

    after(() => workspace.remove());

    it('finds the planted bugs: exit 1, the smallest arguments, the replay command; wipe is never called', async () => {
        const run = await runCli(['probe', spec, '--seed', '42']);
        assert.equal(run.code, 1, run.stdout + run.stderr);
        assert.match(run.stdout, /✓ echo_number {2}50 valid runs ok · 2\/2 invalid variants rejected/);
        assert.match(run.stdout, /✗ ratio {2}valid arguments failed after \d+ runs? · 4\/4 invalid variants rejected/);
        assert.match(run.stdout, /valid arguments: answered with JSON-RPC error -32603: division by zero\n +smallest failing arguments: \{"a":0,"b":0\}/);
        assert.ok(run.stdout.includes(`replay: mcp-check probe ${spec} --server fx --tool ratio --seed 42`), run.stdout);
        assert.match(run.stdout, /✗ lenient {2}50 valid runs ok · 1\/2 invalid variants rejected/);
        assert.match(run.stdout, /without required "name": accepted: no JSON-RPC error and no isError result\n +smallest failing arguments: \{\}/);
        assert.match(run.stdout, /- wipe {2}skipped: not marked readOnlyHint: true/);
        assert.match(run.stdout, /Probe: 2 passed, 2 failed, 0 errored, 1 skipped \(seed 42; replay with --seed 42\)/);
        const sent = await calls('calls.log');
        assert.ok(sent.length > 100);
        assert.deepEqual(sent.filter((line) => line.startsWith('tools/call wipe ')), []);
    });

    it('--tool limits the probe to those tools: exit 0 when they pass', async () => {
        const run = await runCli(['probe', workspace.path('limited.yaml'), '--tool', 'echo_number', '--tool', 'stats', '--seed', '1', '--runs', '10']);
        assert.equal(run.code, 0, run.stdout + run.stderr);
        assert.match(run.stdout, /✓ echo_number {2}10 valid runs ok/);
        assert.match(run.stdout, /✓ stats {2}10 valid runs ok · no invalid variants/);
        assert.doesNotMatch(run.stdout, /ratio|lenient|wipe/);
        const tools = new Set((await calls('limited.log')).map((line) => line.split(' ')[1]));
        assert.deepEqual([...tools].sort(), ['echo_number', 'stats']);
    });

    it('--tool never opts a tool that is not read-only in: it is skipped, not called, and a probe of nothing exits 1', async () => {
        const run = await runCli(['probe', workspace.path('wipe.yaml'), '--tool', 'wipe', '--seed', '1']);
        assert.equal(run.code, 1, run.stdout + run.stderr);
        assert.match(run.stdout, /- wipe {2}skipped: not marked readOnlyHint: true/);
        assert.match(run.stdout, /Probe: 0 passed, 0 failed, 0 errored, 1 skipped/);
        assert.match(run.stderr, /^mcp-check: no tool was probed: no listed tool is readOnlyHint: true or named under probe: \{ tools: \[\.\.\.\] \} \(--allow-empty to pass anyway\)$/m);
        assert.deepEqual(await calls('wipe.log'), []);
    });

    it('--allow-empty: a probe that found nothing to call passes', async () => {
        const run = await runCli(['probe', workspace.path('wipe.yaml'), '--tool', 'wipe', '--seed', '1', '--allow-empty']);
        assert.equal(run.code, 0, run.stdout + run.stderr);
        assert.equal(run.stderr, '');
        assert.deepEqual(await calls('wipe.log'), []);
    });

    it('the replay command reproduces the same failure', async () => {
        const first = await runCli(['probe', workspace.path('replay-a.yaml'), '--seed', '42']);
        const second = await runCli(['probe', workspace.path('replay-b.yaml'), '--server', 'fx', '--tool', 'ratio', '--seed', '42']);
        const failureOf = (stdout: string) => /valid arguments: answered .*\n.*smallest failing arguments: .*/.exec(stdout)?.[0];
        assert.ok(failureOf(first.stdout), first.stdout);
        assert.equal(failureOf(second.stdout), failureOf(first.stdout));
        const ratioCalls = (await calls('replay-a.log')).filter((line) => line.startsWith('tools/call ratio '));
        assert.deepEqual(await calls('replay-b.log'), ratioCalls);
    });

    it('probes a tool that is not read-only when a test opts it in with probe: { tools }', async () => {
        const log = workspace.path('optin.log');
        const optIn = await workspace.write('optin.yaml', `${fixtureSpec(log)}\n    probe: { tools: [wipe, nope] }`);
        const run = await runCli(['probe', optIn, '--tool', 'wipe', '--seed', '3', '--runs', '5']);
        // `nope` is not listed by the server: that fails the probe.
        assert.equal(run.code, 1, run.stdout + run.stderr);
        assert.match(run.stdout, /✓ wipe {2}5 valid runs ok/);
        assert.match(run.stdout, /! nope {2}not listed by the server/);
        assert.equal((await calls('optin.log')).filter((line) => line.startsWith('tools/call wipe ')).length, 5);
    });

    it('--exclude-tool leaves read-only tools out: skipped, never called', async () => {
        const log = workspace.path('exclude.log');
        const excluding = await workspace.write('exclude.yaml', fixtureSpec(log));
        const run = await runCli(['probe', excluding, '--exclude-tool', 'ratio', '--exclude-tool', 'lenient', '--seed', '1', '--runs', '5']);
        assert.equal(run.code, 0, run.stdout + run.stderr);
        assert.match(run.stdout, /- ratio {2}skipped: excluded from the probe/);
        assert.match(run.stdout, /- lenient {2}skipped: excluded from the probe/);
        assert.match(run.stdout, /Probe: 2 passed, 0 failed, 0 errored, 3 skipped/);
        const tools = new Set((await calls('exclude.log')).map((line) => line.split(' ')[1]));
        assert.deepEqual([...tools].sort(), ['echo_number', 'stats']);
    });

    describe('a server whose validation coerces types, as pydantic does', { concurrency: true }, () => {
        const coercing = () => workspace.write('coercing.yaml', ['servers:', '  py:', `    command: ${q(process.execPath)}`, `    args: [${q(PROBE_FIXTURE)}, --coercing]`, 'tests:', '  - server: py'].join('\n'));

        it('fails the wrong-type probe it accepts by coercion', async () => {
            const run = await runCli(['probe', await coercing(), '--seed', '3']);
            assert.equal(run.code, 1, run.stdout + run.stderr);
            assert.match(run.stdout, /wrong type for "count" \(not integer\): accepted: no JSON-RPC error and no isError result\n +smallest failing arguments: \{"count":false,/);
        });

        it('--accept-coercion: values it converts are not sent; null, arrays and objects still must be rejected', async () => {
            const run = await runCli(['probe', await coercing(), '--seed', '3', '--accept-coercion']);
            assert.equal(run.code, 0, run.stdout + run.stderr);
            assert.match(run.stdout, /✓ scale {2}50 valid runs ok · 6\/6 invalid variants rejected/);
        });
    });

    it('picks a random seed when none is given, and prints it', async () => {
        const run = await runCli(['probe', workspace.path('seedless.yaml'), '--tool', 'stats', '--runs', '2']);
        assert.equal(run.code, 0, run.stdout + run.stderr);
        assert.match(run.stdout, /\(seed \d+; replay with --seed \d+\)/);
    });

    describe('bad input exits 2 and calls nothing', { concurrency: true }, () => {
        const cases: [string, string[], RegExp][] = [
            ['an unknown --tool', ['--tool', 'nope'], /--tool: no probed server lists "nope"/],
            ['an unknown --exclude-tool', ['--exclude-tool', 'nope'], /--exclude-tool: no probed server lists "nope"/],
            ['an unknown --server', ['--server', 'nope'], /--server: .* has no server "nope" \(it has fx\)/],
            ['a bad --seed', ['--seed', 'abc'], /--seed.*expected an integer/],
            ['a bad --runs', ['--runs', '0'], /--runs.*expected an integer from 1/],
        ];
        for (const [what, args, message] of cases) {
            it(what, async () => {
                const run = await runCli(['probe', spec, ...args]);
                assert.equal(run.code, 2, run.stdout + run.stderr);
                assert.match(run.stderr, message);
            });
        }

        it('a missing spec file', async () => {
            const run = await runCli(['probe', workspace.path('missing.yaml')]);
            assert.equal(run.code, 2);
            assert.match(run.stderr, /spec file not found/);
        });
    });

    it('a server that cannot start is exit 1', async () => {
        const broken = await workspace.write('broken.yaml', ['servers:', '  gone:', `    command: ${q(join(workspace.dir, 'no-such-binary'))}`, 'tests:', '  - server: gone'].join('\n'));
        const run = await runCli(['probe', broken]);
        assert.equal(run.code, 1, run.stdout + run.stderr);
        assert.match(run.stdout, /! cannot connect to server "gone"/);
    });
});
