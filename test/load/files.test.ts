import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdir } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadSpecs } from '../../src/load/load.js';
import { MINIMAL, specErrors, writeSpecs, yaml } from './helpers.js';

test('a glob loads every matching file, sorted, once each', async () => {
    const dir = await writeSpecs({ 'b.yaml': yaml(...MINIMAL), 'a.yaml': yaml(...MINIMAL), 'notes.txt': 'x' });
    const suites = await loadSpecs([join(dir, '*.yaml'), join(dir, 'a.yaml')], {});
    assert.deepEqual(
        suites.map((s) => s.file),
        [join(dir, 'a.yaml'), join(dir, 'b.yaml')],
    );
});

test('relative paths stay relative', async () => {
    const dir = await writeSpecs({ 'a.yaml': yaml(...MINIMAL) });
    const file = relative(process.cwd(), join(dir, 'a.yaml'));
    const [suite] = await loadSpecs([file], {});
    assert.equal(suite!.file, file);
});

test('a glob that matches nothing is a spec error', async () => {
    const dir = await writeSpecs({});
    const pattern = join(dir, '*.yaml');
    assert.deepEqual(await specErrors(loadSpecs([pattern], {})), [`no spec files match "${pattern}"`]);
});

test('a file that does not exist is a spec error', async () => {
    const dir = await writeSpecs({});
    const file = join(dir, 'missing.yaml');
    assert.deepEqual(await specErrors(loadSpecs([file], {})), [`spec file not found: ${file}`]);
});

test('errors of all files and arguments are reported together', async () => {
    const dir = await writeSpecs({
        'a.yaml': yaml(...MINIMAL, '    tools: []'),
        'b.yaml': yaml('servers:', '  weather:', '    command: node', 'tests:', '  - server: nope'),
        'c.yaml': yaml(...MINIMAL),
    });
    const a = join(dir, 'a.yaml');
    const b = join(dir, 'b.yaml');
    assert.deepEqual(await specErrors(loadSpecs([join(dir, '*.yaml'), join(dir, 'gone.yaml')], {})), [
        `spec file not found: ${join(dir, 'gone.yaml')}`,
        `${a}:6:12: tests[0].tools: expected object, got array`,
        `${b}:5:13: tests[0].server: unknown server "nope" (declared: weather)`,
    ]);
});

test('a directory loads the YAML files below it', async () => {
    const dir = await writeSpecs({ 'x/a.yaml': yaml(...MINIMAL), 'x/deep/b.yml': yaml(...MINIMAL) });
    const suites = await loadSpecs([join(dir, 'x')], {});
    assert.deepEqual(
        suites.map((s) => s.file),
        [join(dir, 'x/a.yaml'), join(dir, 'x/deep/b.yml')],
    );
});

test('the example specs in the repository load', async (t) => {
    // dist/test/load/ → repository root.
    const specsDir = fileURLToPath(new URL('../../../specs/', import.meta.url));
    const names = await readdir(specsDir).catch(() => [] as string[]);
    if (!names.some((n) => /\.ya?ml$/.test(n))) {
        t.skip('no specs/*.yaml in the repository yet');
        return;
    }
    const suites = await loadSpecs([join(specsDir, '*.{yaml,yml}')]);
    assert.ok(suites.length > 0);
});
