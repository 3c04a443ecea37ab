import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join, relative } from 'node:path';
import { loadSpec } from '../../src/load/load.js';
import { MINIMAL, specErrors, writeSpecs, yaml } from './helpers.js';

/** Writes a spec of `MINIMAL` plus `lines` (under the test entry) and returns its path. */
async function entrySpec(...lines: string[]): Promise<string> {
    const dir = await writeSpecs({ 'spec.yaml': yaml(...MINIMAL, ...lines) });
    return join(dir, 'spec.yaml');
}

test('`snapshot:` resolves against the spec file\'s directory, and stays relative when the spec path is', async () => {
    const dir = await writeSpecs({ 'specs/spec.yaml': yaml(...MINIMAL, '    snapshot: __snapshots__/weather.json') });
    const file = relative(process.cwd(), join(dir, 'specs/spec.yaml'));
    const [entry] = (await loadSpec(file, {})).tests;
    // The file need not exist: a missing snapshot is written by the run.
    assert.deepEqual(entry!.snapshot, {
        file: join(relative(process.cwd(), dir), 'specs/__snapshots__/weather.json'),
        loc: { file, line: 6, col: 5 },
    });
});

test('`snapshot:` with an absolute path, or under an absolute spec path, is absolute', async () => {
    const file = await entrySpec('    snapshot: ../up/weather.json');
    assert.deepEqual((await loadSpec(file, {})).tests[0]!.snapshot!.file, join(file, '..', '../up/weather.json'));
    const absolute = await entrySpec('    snapshot: /var/snapshots/weather.json');
    assert.deepEqual((await loadSpec(absolute, {})).tests[0]!.snapshot!.file, '/var/snapshots/weather.json');
});

test('`snapshot:` is interpolated, and absent means no snapshot', async () => {
    const file = await entrySpec('    snapshot: ${SNAPSHOTS:-snaps}/weather.json');
    assert.equal((await loadSpec(file, { SNAPSHOTS: 'golden' })).tests[0]!.snapshot!.file, join(file, '..', 'golden/weather.json'));
    assert.equal((await loadSpec(file, {})).tests[0]!.snapshot!.file, join(file, '..', 'snaps/weather.json'));
    const [entry] = (await loadSpec(await entrySpec(), {})).tests;
    assert.equal('snapshot' in entry!, false);
});

test('`snapshot:` must be a non-empty path', async () => {
    const file = await entrySpec('    snapshot: ""');
    assert.deepEqual(await specErrors(loadSpec(file, {})), [`${file}:6:15: tests[0].snapshot: must not be empty`]);
    const list = await entrySpec('    snapshot: [a.json]');
    assert.deepEqual(await specErrors(loadSpec(list, {})), [`${list}:6:15: tests[0].snapshot: expected string, got array`]);
});

test('every test of a matrix entry carries its snapshot', async () => {
    const dir = await writeSpecs({
        'spec.yaml': yaml('servers:', '  a: { command: node }', '  b: { command: node }', 'tests:', '  - server: [a, b]', '    snapshot: s.json'),
    });
    const file = join(dir, 'spec.yaml');
    const snapshot = { file: join(dir, 's.json'), loc: { file, line: 6, col: 5 } };
    assert.deepEqual(
        (await loadSpec(file, {})).tests.map((t) => t.snapshot),
        [snapshot, snapshot],
    );
});

test('`probe: true` probes the read-only tools, located at the `probe` key', async () => {
    const file = await entrySpec('    probe: true');
    const [entry] = (await loadSpec(file, {})).tests;
    assert.deepEqual(entry!.probe, { tools: [], loc: { file, line: 6, col: 5 } });
});

test('`probe: false` and no `probe` mean no probe', async () => {
    for (const lines of [['    probe: false'], []]) {
        const [entry] = (await loadSpec(await entrySpec(...lines), {})).tests;
        assert.equal('probe' in entry!, false);
    }
});

test('`probe:` as an object sets tools (once each), runs and seed', async () => {
    const file = await entrySpec('    tools: { include: [a] }', '    probe:', '      tools: [add_note, tag_note, add_note]', '      runs: 1000', '      seed: 4294967295');
    const [entry] = (await loadSpec(file, {})).tests;
    assert.deepEqual(entry!.probe, { tools: ['add_note', 'tag_note'], runs: 1000, seed: 4294967295, loc: { file, line: 7, col: 5 } });
    const empty = await entrySpec('    probe: { runs: 1, seed: 0 }');
    assert.deepEqual((await loadSpec(empty, {})).tests[0]!.probe, { tools: [], runs: 1, seed: 0, loc: { file: empty, line: 6, col: 5 } });
});

test('`probe:` values out of range, of the wrong type or with unknown keys are reported', async () => {
    const file = await entrySpec('    probe: { runs: 0, seed: -1, tool: [a] }', '  - server: weather', '    probe: { runs: 1001, seed: 1.5, tools: [""] }', '  - server: weather', '    probe: yes');
    assert.deepEqual(await specErrors(loadSpec(file, {})), [
        `${file}:6:20: tests[0].probe.runs: must be at least 1, got 0`,
        `${file}:6:29: tests[0].probe.seed: must be at least 0, got -1`,
        `${file}:6:33: tests[0].probe: unknown key "tool" (allowed: tools, exclude, acceptCoercion, runs, seed)`,
        `${file}:8:20: tests[1].probe.runs: must be at most 1000, got 1001`,
        `${file}:8:32: tests[1].probe.seed: expected integer, got number`,
        `${file}:8:45: tests[1].probe.tools[0]: must not be empty`,
        `${file}:10:12: tests[2].probe: expected boolean or object, got string`,
    ]);
});

test('every test of a matrix entry carries its probe', async () => {
    const dir = await writeSpecs({
        'spec.yaml': yaml('servers:', '  a: { command: node }', '  b: { command: node }', 'tests:', '  - server: [a, b]', '    probe: { runs: 5 }'),
    });
    const file = join(dir, 'spec.yaml');
    const probe = { tools: [], runs: 5, loc: { file, line: 6, col: 5 } };
    assert.deepEqual(
        (await loadSpec(file, {})).tests.map((t) => t.probe),
        [probe, probe],
    );
});
