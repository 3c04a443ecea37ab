/** The README's examples are true: they run as written, from a clone of this repository. */
import { execFile } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ROOT } from '../helpers/cli.js';

const README = readFileSync(join(ROOT, 'README.md'), 'utf8');

/** The first fenced block after the heading `heading`. */
function blockAfter(heading: string): string {
    const section = README.slice(README.indexOf(`\n${heading}\n`));
    const match = /```\w*\n([\s\S]*?)```/.exec(section);
    assert.ok(match, `no code block after ${heading}`);
    return match[1]!;
}

function runNode(file: string): Promise<{ code: number; stdout: string; stderr: string }> {
    return new Promise((resolve) => {
        execFile(process.execPath, [file], { cwd: ROOT, env: { ...process.env, NO_COLOR: '1' } }, (error, stdout, stderr) =>
            resolve({ code: error ? Number(error.code) : 0, stdout, stderr }),
        );
    });
}

describe('the README', () => {
    it('programmatic example runs on this Node version, importing the package by its name', async () => {
        // Inside the package folder, so that `from 'mcp-check'` resolves to this build (a self-reference).
        const file = join(ROOT, 'dist/readme-programmatic.mjs');
        writeFileSync(file, blockAfter('## Programmatic use'));
        const run = await runNode(file);
        assert.equal(run.code, 0, run.stderr);
        assert.match(run.stdout, /^weather-fixture \d+ /m);
        assert.match(run.stdout, /failed: 0, errored: 0/);
    });
});
