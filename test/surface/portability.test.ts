/**
 * Portability in `mcp-check diff` and the in-spec `snapshot:` check: the portability fixture's
 * next release makes clean_tool's city nullable (a widened input, so not breaking as such),
 * which newly breaks Gemini. With gemini among the clients it is "breaking for gemini" and
 * fails `--fail-on breaking`; for other clients it is only the schema change.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { ROOT, runCli, type CliRun } from '../helpers/cli.js';
import { Workspace, q } from '../helpers/workspace.js';

const FIXTURE = join(ROOT, 'fixtures/portability-server.js');
const BREAKING = '✗ /tools/clean_tool/inputSchema/properties/city/type: breaking for gemini: type is a list ["string","null"] (type-array, request fails; docs/portability.md#type-array)';

/** A spec running the fixture (with `args`), its lint entry as given. */
function spec(args: string[], lint: string, extra: string[] = []): string {
    const all = [FIXTURE, ...args].map(q).join(', ');
    return ['servers:', '  portability:', `    command: ${q(process.execPath)}`, `    args: [${all}]`, 'tests:', '  - server: portability', `    lint: ${lint}`, ...extra].join('\n');
}

describe('portability in diff and snapshots', { concurrency: true }, () => {
    let ws: Workspace;
    let snapshot: string;
    let v2Gemini: string;
    let v2Cursor: string;

    before(async () => {
        ws = await Workspace.create();
        const v1 = await ws.write('v1.yaml', spec([], '{ clients: [gemini] }'));
        snapshot = join(ws.dir, 'v1.json');
        const written = await runCli(['snapshot', v1, '-o', snapshot]);
        assert.equal(written.code, 0, written.stderr);
        v2Gemini = await ws.write('v2-gemini.yaml', spec(['--nullable-city'], '{ clients: [gemini] }'));
        v2Cursor = await ws.write('v2-cursor.yaml', spec(['--nullable-city'], '{ clients: [cursor] }'));
    });

    after(() => ws.remove());

    const diff = (...args: string[]): Promise<CliRun> => runCli(['diff', snapshot, ...args]);

    test('a change that newly breaks a client of the spec is breaking for that client and fails --fail-on breaking', async () => {
        const run = await diff(v2Gemini);
        assert.equal(run.code, 1, run.stdout + run.stderr);
        assert.ok(run.stdout.split('\n').some((l) => l.trim() === BREAKING), run.stdout);
        assert.match(run.stdout, /\+ \/tools\/clean_tool\/inputSchema\/properties\/city\/type: type "null" now allowed/);
        assert.match(run.stdout, /1 breaking, 1 non-breaking, 1 info: fails \(--fail-on breaking\)/);
    });

    test('for clients that it does not break, the same change is only the widened input', async () => {
        const run = await diff(v2Cursor);
        assert.equal(run.code, 0, run.stdout + run.stderr);
        assert.doesNotMatch(run.stdout, /breaking for/);
        assert.match(run.stdout, /0 breaking, 1 non-breaking, 1 info: passes/);
    });

    test('--clients names the clients for snapshot files and replaces those of spec sides', async () => {
        const run = await diff(v2Cursor, '--clients', 'gemini', '--format', 'json');
        assert.equal(run.code, 1, run.stderr);
        const report = JSON.parse(run.stdout) as { servers: { changes: { level: string; reason: string; clients?: string[] }[] }[] };
        const change = report.servers[0]!.changes.find((c) => c.clients);
        assert.deepEqual(change && { level: change.level, clients: change.clients }, { level: 'breaking', clients: ['gemini'] });
    });

    test('going back no longer breaks gemini (a non-breaking change; narrowing the input is what breaks)', async () => {
        const newer = join(ws.dir, 'v2.json');
        assert.equal((await runCli(['snapshot', v2Gemini, '-o', newer])).code, 0);
        const run = await runCli(['diff', newer, snapshot, '--clients', 'gemini']);
        assert.match(run.stdout, /✗ \/tools\/clean_tool\/inputSchema\/properties\/city\/type: type "null" no longer allowed/);
        assert.match(run.stdout, /\+ \/tools\/clean_tool\/inputSchema\/properties\/city\/type: no longer breaks gemini: type is a list \["string","null"\] \(type-array\)/);
    });

    test('the snapshot check of a spec that targets gemini fails on the change', async () => {
        const file = await ws.write('check.yaml', spec(['--nullable-city'], '{ clients: [gemini], rules: { type-array: off } }', [`    snapshot: ${q(snapshot)}`]));
        const run = await runCli([file, '--grep', '^snapshot ']);
        assert.equal(run.code, 1, run.stdout);
        assert.match(run.stdout, /1 breaking change against snapshot .*v1\.json/);
        assert.match(run.stdout, /breaking \/tools\/clean_tool\/inputSchema\/properties\/city\/type: breaking for gemini: type is a list/);
    });
});
