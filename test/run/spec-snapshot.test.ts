/** `snapshot:` in a spec, run through the CLI against the two releases of the surface fixture. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ROOT, runCli, type CliRun } from '../helpers/cli.js';
import { Workspace, q } from '../helpers/workspace.js';

const V1 = join(ROOT, 'fixtures/surface-v1.js');
const V2 = join(ROOT, 'fixtures/surface-v2.js');
const SNAPSHOT = '__snapshots__/surface.json';

/** The snapshot case as the JSON report has it. */
interface SnapshotCase {
    status: string;
    notes?: string[];
    problems?: { kind: string; message: string; details?: string[] }[];
}

/** A workspace whose spec runs `${SURFACE_FIXTURE}` and checks it against `__snapshots__/surface.json`. */
async function surfaceWorkspace(): Promise<Workspace> {
    const workspace = await Workspace.create();
    await workspace.write(
        'surface.yaml',
        [
            'servers:',
            '  surface:',
            `    command: ${q(process.execPath)}`,
            '    args: ["${SURFACE_FIXTURE}"]',
            'tests:',
            '  - server: surface',
            '    protocol: false',
            '    lint: false',
            `    snapshot: ${SNAPSHOT}`,
        ].join('\n'),
    );
    return workspace;
}

/** Runs the spec against `fixture`; CI is unset unless `env` sets it, whatever the test runner's environment says. */
async function runSpec(workspace: Workspace, fixture: string, args: string[] = [], env: Record<string, string> = {}): Promise<{ run: CliRun; snapshot: SnapshotCase }> {
    const json = workspace.path(`reports/run-${Date.now()}-${Math.random().toString(36).slice(2)}.json`);
    const run = await runCli(['surface.yaml', '--reporter', 'console', '--reporter', `json:${json}`, ...args], {
        cwd: workspace.dir,
        env: { CI: undefined, SURFACE_FIXTURE: fixture, ...env },
    });
    const report = JSON.parse(await readFile(json, 'utf8')) as { suites: { cases: (SnapshotCase & { kind: string })[] }[] };
    const found = report.suites.flatMap((s) => s.cases).filter((c) => c.kind === 'snapshot');
    assert.equal(found.length, 1, run.stdout + run.stderr);
    return { run, snapshot: found[0]! };
}

/** What `mcp-check snapshot` writes for the spec's server running `fixture`. */
async function snapshotOf(workspace: Workspace, fixture: string): Promise<string> {
    const run = await runCli(['snapshot', 'surface.yaml', '--server', 'surface'], { cwd: workspace.dir, env: { SURFACE_FIXTURE: fixture } });
    assert.equal(run.code, 0, run.stderr);
    return run.stdout;
}

/** Stores the surface of `fixture` as the spec's snapshot file, the way a user records it. */
async function storeSnapshot(workspace: Workspace, fixture: string): Promise<string> {
    const text = await snapshotOf(workspace, fixture);
    await workspace.write(SNAPSHOT, text);
    return text;
}

test('a missing snapshot file is written and the check passes with a note', async () => {
    const workspace = await surfaceWorkspace();
    try {
        const { run, snapshot } = await runSpec(workspace, V1);
        assert.equal(run.code, 0, run.stdout + run.stderr);
        assert.equal(snapshot.status, 'passed');
        assert.match(snapshot.notes?.[0] ?? '', /did not exist and was written/);
        assert.equal(await workspace.read(SNAPSHOT), await snapshotOf(workspace, V1), 'the file is what `mcp-check snapshot` writes');
    } finally {
        await workspace.remove();
    }
});

test('under CI=true a missing snapshot file fails and is not written', async () => {
    const workspace = await surfaceWorkspace();
    try {
        const { run, snapshot } = await runSpec(workspace, V1, [], { CI: 'true' });
        assert.equal(run.code, 1, run.stdout + run.stderr);
        assert.equal(snapshot.status, 'failed');
        assert.equal(snapshot.problems?.[0]?.kind, 'contract.snapshot');
        assert.match(snapshot.problems?.[0]?.message ?? '', /does not exist; under CI a missing snapshot fails/);
        assert.equal(existsSync(workspace.path(SNAPSHOT)), false);
    } finally {
        await workspace.remove();
    }
});

test('a v1 snapshot against the live v2 fails, listing the breaking changes', async () => {
    const workspace = await surfaceWorkspace();
    try {
        const stored = await storeSnapshot(workspace, V1);
        const { run, snapshot } = await runSpec(workspace, V2);
        assert.equal(run.code, 1, run.stdout + run.stderr);
        assert.equal(snapshot.status, 'failed');
        const [problem] = snapshot.problems ?? [];
        assert.match(problem?.message ?? '', /^\d+ breaking changes against snapshot .*surface\.json \(\d+ breaking, \d+ non-breaking, \d+ info\); if intended, run with --update-snapshots$/);
        const details = problem?.details ?? [];
        assert.ok(details.includes('breaking /tools/create_note/inputSchema/properties/title/maxLength: maxLength tightened from 200 to 100'), details.join('\n'));
        assert.ok(details.some((d) => d.startsWith('breaking /tools/create_note/inputSchema/properties/priority/enum:')), details.join('\n'));
        assert.match(run.stdout, /maxLength tightened from 200 to 100/, 'the console lists them too');
        assert.equal(await workspace.read(SNAPSHOT), stored, 'a failing check leaves the file alone');
    } finally {
        await workspace.remove();
    }
});

test('non-breaking changes only: the check passes and lists them', async () => {
    const workspace = await surfaceWorkspace();
    try {
        // A snapshot from before `get_note` existed: the live server has added a tool, which breaks no client.
        const surface = JSON.parse(await storeSnapshot(workspace, V1)) as { servers: Record<string, { tools: Record<string, unknown> }> };
        assert.ok(surface.servers['surface']!.tools['get_note'], 'the fixture lists get_note');
        delete surface.servers['surface']!.tools['get_note'];
        const stored = JSON.stringify(surface, null, 2) + '\n';
        await writeFile(workspace.path(SNAPSHOT), stored);
        const { run, snapshot } = await runSpec(workspace, V1);
        assert.equal(run.code, 0, run.stdout + run.stderr);
        assert.equal(snapshot.status, 'passed');
        assert.match(snapshot.notes?.[0] ?? '', /^no breaking change against snapshot .*\(0 breaking, 1 non-breaking, 0 info; --update-snapshots records them\)$/);
        assert.deepEqual(snapshot.notes?.slice(1), ['non-breaking /tools/get_note: tool "get_note" added']);
        assert.equal(await workspace.read(SNAPSHOT), stored);
    } finally {
        await workspace.remove();
    }
});

test('--update-snapshots rewrites the file with the live surface and passes', async () => {
    const workspace = await surfaceWorkspace();
    try {
        await storeSnapshot(workspace, V1);
        const { run, snapshot } = await runSpec(workspace, V2, ['--update-snapshots']);
        assert.equal(run.code, 0, run.stdout + run.stderr);
        assert.equal(snapshot.status, 'passed');
        assert.match(snapshot.notes?.[0] ?? '', /^snapshot .*surface\.json updated \(\d+ breaking, \d+ non-breaking, \d+ info\)$/);
        assert.equal(await workspace.read(SNAPSHOT), await snapshotOf(workspace, V2));
    } finally {
        await workspace.remove();
    }
});
