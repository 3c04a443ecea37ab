import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { loadSpec } from '../../src/load/load.js';
import { MINIMAL, specErrors, writeSpecs, yaml } from './helpers.js';

/** Writes a spec of `MINIMAL` plus `lines` (under the test entry) and returns its path. */
async function selectionSpec(...lines: string[]): Promise<string> {
    const dir = await writeSpecs({ 'spec.yaml': yaml(...MINIMAL, ...lines) });
    return join(dir, 'spec.yaml');
}

test('calls, reads and gets inherit their entry\'s tags, followed by their own, once each', async () => {
    const file = await selectionSpec(
        '    tags: [smoke, area:notes]',
        '    calls:',
        '      - { tool: a, tags: [slow, smoke] }',
        '      - { tool: b }',
        '    resources:',
        '      read: [{ uri: "notes://index", tags: [io] }]',
        '    prompts:',
        '      get: [{ prompt: summarize }]',
    );
    const [entry] = (await loadSpec(file, {})).tests;
    assert.deepEqual(entry!.tags, ['smoke', 'area:notes']);
    assert.deepEqual(
        entry!.calls.map((c) => c.tags),
        [
            ['smoke', 'area:notes', 'slow'],
            ['smoke', 'area:notes'],
        ],
    );
    assert.deepEqual(entry!.resources!.read[0]!.tags, ['smoke', 'area:notes', 'io']);
    assert.deepEqual(entry!.prompts!.get[0]!.tags, ['smoke', 'area:notes']);
});

test('without tags, everything has an empty tag list', async () => {
    const file = await selectionSpec('    calls: [{ tool: a }]');
    const [entry] = (await loadSpec(file, {})).tests;
    assert.deepEqual(entry!.tags, []);
    assert.deepEqual(entry!.calls[0]!.tags, []);
});

test('`only: true` is recorded where written, and `only: false` not at all', async () => {
    const file = await selectionSpec('    only: true', '    calls:', '      - { tool: a, only: true }', '      - { tool: b, only: false }', '      - { tool: c }');
    const [entry] = (await loadSpec(file, {})).tests;
    assert.equal(entry!.only, true);
    assert.deepEqual(
        entry!.calls.map((c) => c.only),
        [true, undefined, undefined],
    );
    assert.equal('only' in entry!.calls[1]!, false);
});

test('`skip: true` records the default reason', async () => {
    const file = await selectionSpec('    skip: true', '    calls: [{ tool: a }]');
    const [entry] = (await loadSpec(file, {})).tests;
    assert.equal(entry!.skip, 'skipped in the spec');
    // Recorded where written; the runner applies an entry's skip to its calls.
    assert.equal(entry!.calls[0]!.skip, undefined);
});

test('`skip: "reason"` records the reason, on calls, reads and gets too', async () => {
    const file = await selectionSpec(
        '    calls: [{ tool: a, skip: "flaky upstream, see #12" }]',
        '    resources: { read: [{ uri: "notes://x", skip: no fixture yet }] }',
        '    prompts: { get: [{ prompt: p, skip: true }] }',
    );
    const [entry] = (await loadSpec(file, {})).tests;
    assert.equal(entry!.calls[0]!.skip, 'flaky upstream, see #12');
    assert.equal(entry!.resources!.read[0]!.skip, 'no fixture yet');
    assert.equal(entry!.prompts!.get[0]!.skip, 'skipped in the spec');
});

test('`skip: false` and an empty reason do not skip, so `skip: ${VAR:-}` can switch it', async () => {
    const file = await selectionSpec('    calls:', '      - { tool: a, skip: false }', '      - { tool: b, skip: "${SKIP_SLOW:-}" }');
    const calls = (await loadSpec(file, {})).tests[0]!.calls;
    assert.deepEqual(
        calls.map((c) => c.skip),
        [undefined, undefined],
    );
    const skipped = (await loadSpec(file, { SKIP_SLOW: 'too slow for CI' })).tests[0]!.calls;
    assert.equal(skipped[1]!.skip, 'too slow for CI');
});

test('a bad tag name is reported at the tag', async () => {
    const file = await selectionSpec('    tags: [smoke, "slow tests"]', '    calls:', '      - { tool: a, tags: [ok, "#1"] }');
    assert.deepEqual(await specErrors(loadSpec(file, {})), [
        `${file}:6:19: tests[0].tags[1]: invalid tag "slow tests" (use letters, digits and _ . : -)`,
        `${file}:8:31: tests[0].calls[0].tags[1]: invalid tag "#1" (use letters, digits and _ . : -)`,
    ]);
});

test('`tags` must be a list', async () => {
    const file = await selectionSpec('    tags: smoke');
    assert.deepEqual(await specErrors(loadSpec(file, {})), [`${file}:6:11: tests[0].tags: expected array, got string`]);
});

test('`only: true` and `skip` on the same item are reported at `skip`', async () => {
    const file = await selectionSpec('    calls:', '      - tool: a', '        only: true', '        skip: flaky');
    assert.deepEqual(await specErrors(loadSpec(file, {})), [
        `${file}:9:9: tests[0].calls[0]: "only: true" and "skip" cannot be combined (remove one)`,
    ]);
});
