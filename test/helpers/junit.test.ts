/**
 * The JUnit schema helper on machines without the schema or xmllint (a fresh clone): the
 * validation is reported as skipped with its reason, never failed, never passed in silence.
 */
import { execFile } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { pathToFileURL } from 'node:url';
import { tempDir } from './files.js';
import { JUNIT_XSD, junitSchemaUnavailable } from './junit.js';

const HELPER = pathToFileURL(new URL('./junit.js', import.meta.url).pathname).href;
const VALID = '<?xml version="1.0" encoding="UTF-8"?>\n<testsuites><testsuite name="s" tests="1" failures="0" errors="0"><testcase name="c" classname="k"/></testsuite></testsuites>\n';

interface Outcome {
    code: number;
    out: string;
}

/** Runs `node --test` on a file that validates `xml` against `xsd` with the helper. */
async function validateInChild(xml: string, xsd: string, env: Record<string, string> = {}): Promise<Outcome> {
    const dir = await tempDir();
    await writeFile(join(dir, 'report.xml'), xml);
    const file = join(dir, 'uses-helper.test.mjs');
    await writeFile(
        file,
        [
            `import { test } from 'node:test';`,
            `import { expectValidJUnit } from ${JSON.stringify(HELPER)};`,
            `test('a report', (t) => expectValidJUnit(t, ${JSON.stringify(join(dir, 'report.xml'))}, ${JSON.stringify(xsd)}));`,
        ].join('\n'),
    );
    // Without the parent's NODE_TEST_CONTEXT, the child is a test run of its own, not a part of this one.
    const { NODE_TEST_CONTEXT: _, ...inherited } = process.env;
    return new Promise((resolve) => {
        execFile(process.execPath, ['--test', '--test-reporter=tap', file], { env: { ...inherited, ...env } }, (error, stdout, stderr) =>
            resolve({ code: error ? Number(error.code) : 0, out: stdout + stderr }),
        );
    });
}

describe('expectValidJUnit', () => {
    it('reports the validation as skipped, naming the missing schema, on a clone without ../shared', async () => {
        const missing = join(await tempDir(), 'no-such.xsd');
        const run = await validateInChild(VALID, missing);
        assert.equal(run.code, 0, run.out);
        assert.match(run.out, new RegExp(`# SKIP JUnit schema not found at ${missing.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}`));
        assert.match(run.out, /# skipped 1/);
    });

    it('reports the validation as skipped when xmllint is not installed', { skip: junitSchemaUnavailable() ?? false }, async () => {
        const run = await validateInChild(VALID, JUNIT_XSD, { PATH: '/nonexistent' });
        assert.equal(run.code, 0, run.out);
        assert.match(run.out, /# SKIP xmllint is not installed/);
    });

    it('fails a report that does not validate, with xmllint\'s message', { skip: junitSchemaUnavailable() ?? false }, async () => {
        const run = await validateInChild('<testsuites><bogus/></testsuites>\n', JUNIT_XSD);
        assert.equal(run.code, 1, run.out);
        assert.match(run.out, /JUnit does not validate: .*bogus/);
    });

    it('passes a report that validates', { skip: junitSchemaUnavailable() ?? false }, async () => {
        const run = await validateInChild(VALID, JUNIT_XSD);
        assert.equal(run.code, 0, run.out);
        assert.match(run.out, /# pass 2/);
        assert.doesNotMatch(run.out, /# SKIP/);
    });
});
