/**
 * Choosing what runs: --grep, --tag/--exclude-tag, only/skip, --bail and --shard. Unselected
 * checks stay in every report as skipped, with the reason.
 */
import { describe, it, before } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { runCli, type CliRun } from '../helpers/cli.js';
import { tempDir, writeTemp } from '../helpers/files.js';
import { WEATHER } from '../helpers/servers.js';

const SPEC = `
servers:
  w: { command: node, args: [${JSON.stringify(WEATHER)}] }
tests:
  - server: w
    lint: false
    protocol: false
    tags: [smoke]
    calls:
      - { name: echo a, tool: echo, args: { text: a }, expect: { text: a } }
      - { name: echo b, tool: echo, args: { text: b }, expect: { text: b }, tags: [slow] }
      - { name: echo c, tool: echo, args: { text: c }, expect: { text: c }, skip: flaky upstream }
      - { name: echo d, tool: echo, args: { text: d }, expect: { text: wrong } }
      - { name: echo e, tool: echo, args: { text: e }, expect: { text: e } }
`;

/** The console line of a check, e.g. `✓ echo a (3 ms)` or `- echo c skipped: …`. */
function line(run: CliRun, name: string): string {
    return run.stdout.split('\n').find((l) => l.includes(` ${name} `) || l.endsWith(` ${name}`)) ?? '';
}

describe('selecting checks', () => {
    let spec = '';
    before(async () => {
        spec = await writeTemp(SPEC);
    });

    it('--grep runs matching checks and reports the rest as skipped', async () => {
        const run = await runCli([spec, '--grep', 'echo (a|e)']);
        assert.equal(run.code, 0, run.stdout + run.stderr);
        assert.match(line(run, 'echo a'), /✓/);
        assert.match(line(run, 'echo b'), /skipped: not selected by --grep echo \(a\|e\)/);
        assert.match(run.stdout, /2 passed, 0 failed, 0 errored, 3 skipped \(5 total\)/);
    });

    it('--exclude-tag skips checks carrying the tag, inherited tags included', async () => {
        const run = await runCli([spec, '--exclude-tag', 'slow']);
        assert.match(line(run, 'echo b'), /skipped: excluded by --exclude-tag slow/);
        assert.match(line(run, 'echo a'), /✓/);
    });

    it('--tag runs only checks with the tag; checks without tags are skipped', async () => {
        const run = await runCli([spec, '--tag', 'slow']);
        assert.match(line(run, 'echo b'), /✓/);
        assert.match(line(run, 'echo a'), /skipped: not selected by --tag slow/);
    });

    it('skip: in the spec reports the check as skipped with its reason', async () => {
        const run = await runCli([spec]);
        assert.match(line(run, 'echo c'), /skipped: flaky upstream/);
        assert.equal(run.code, 1, 'echo d fails');
    });

    it('only: true runs the marked checks alone', async () => {
        const focused = await writeTemp(SPEC.replace('{ name: echo e,', '{ only: true, name: echo e,'));
        const run = await runCli([focused]);
        assert.equal(run.code, 0, run.stdout);
        assert.match(line(run, 'echo e'), /✓/);
        assert.match(line(run, 'echo d'), /skipped: not selected: another test is marked only: true/);
    });

    it('--bail stops after the first failure and skips the rest', async () => {
        const run = await runCli([spec, '--bail']);
        assert.equal(run.code, 1);
        assert.match(line(run, 'echo d'), /✗/);
        assert.match(line(run, 'echo e'), /skipped: not run: --bail stopped the run after a failure/);
    });

    it('--grep with an invalid regular expression is a usage error', async () => {
        const run = await runCli([spec, '--grep', '(']);
        assert.equal(run.code, 2);
        assert.match(run.stderr, /--grep: invalid regular expression/);
    });
});

describe('sharding', () => {
    const servers = ['alpha', 'beta', 'gamma', 'delta'];
    let spec = '';
    before(async () => {
        spec = await writeTemp(
            [
                'servers:',
                ...servers.map((s) => `  ${s}: { command: node, args: [${JSON.stringify(WEATHER)}] }`),
                'tests:',
                ...servers.map((s) => `  - { server: ${s}, lint: false, calls: [ { name: ${s} echo, tool: echo, args: { text: x }, expect: { text: x } } ] }`),
            ].join('\n'),
        );
    });

    it('splits servers over the shards: each server runs in exactly one, the same way every time', async () => {
        const dir = await tempDir();
        const seen: string[] = [];
        for (const shard of ['1/2', '2/2']) {
            const file = join(dir, `shard-${shard.replace('/', '-')}.json`);
            const run = await runCli([spec, '--shard', shard, '--reporter', `json:${file}`]);
            assert.equal(run.code, 0, run.stderr);
            const report = JSON.parse(await readFile(file, 'utf8')) as { suites: { server: string }[] };
            seen.push(...report.suites.map((s) => s.server));
            const again = await runCli([spec, '--shard', shard, '--reporter', 'console']);
            for (const s of report.suites) assert.match(again.stdout, new RegExp(`› ${s.server} \\(`));
        }
        assert.deepEqual([...seen].sort(), [...servers].sort());
    });

    it('rejects a malformed --shard', async () => {
        const run = await runCli([spec, '--shard', '3/2']);
        assert.equal(run.code, 2);
        assert.match(run.stderr, /expected i\/n with 1 ≤ i ≤ n/);
    });
});
