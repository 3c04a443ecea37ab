/** The README's examples are true: they run as written, from a clone of this repository. */
import { execFile } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ROOT, runCli } from '../helpers/cli.js';
import { freePort } from '../helpers/servers.js';

const README = readFileSync(join(ROOT, 'README.md'), 'utf8');
const DOCS_PROGRAMMATIC = readFileSync(join(ROOT, 'docs/programmatic.md'), 'utf8');

/** The first fenced block after the text `marker` (a heading, or any line) in `text` (the README by default). */
function blockAfter(marker: string, text = README): string {
    const section = text.slice(text.indexOf(`\n${marker}\n`));
    const match = /```\w*\n([\s\S]*?)```/.exec(section);
    assert.ok(match, `no code block after ${marker}`);
    return match[1]!;
}

function runNode(file: string): Promise<{ code: number; stdout: string; stderr: string }> {
    return new Promise((resolve) => {
        execFile(process.execPath, [file], { cwd: ROOT, env: { ...process.env, NO_COLOR: '1' } }, (error, stdout, stderr) =>
            resolve({ code: error ? Number(error.code) : 0, stdout, stderr }),
        );
    });
}

/** Console output with what varies between runs made fixed: times, and the order of the suite blocks. */
function comparable(output: string): string[] {
    const fixed = output.replace(/\(\d+ ms\)/g, '(N ms)').replace(/ in \d+\.\d\d s$/m, ' in T s');
    const blocks = fixed.trimEnd().split('\n\n');
    return [...blocks.slice(0, -1).sort(), blocks[blocks.length - 1]!];
}

describe('the README and docs', () => {
    it('first sample is what the quick start prints', async () => {
        const sample = blockAfter('gates a release in CI.');
        assert.match(README, /npm install && npx mcp-check specs\/weather\.yaml /);
        // Free ports for the example's HTTP servers, so parallel tests cannot collide; shown as the defaults.
        const ports = { WEATHER_HTTP_PORT: String(await freePort()), WEATHER_SSE_PORT: String(await freePort()) };
        const run = await runCli(['specs/weather.yaml'], { cwd: ROOT, env: ports });
        assert.equal(run.code, 0, run.stdout + run.stderr);
        const output = run.stdout.replace(`:${ports.WEATHER_HTTP_PORT}/`, ':8931/').replace(`:${ports.WEATHER_SSE_PORT}/`, ':8932/');
        assert.deepEqual(comparable(output), comparable(sample));
    });

    it('programmatic example runs on this Node version, importing the package by its name', async () => {
        // Inside the package folder, so that `from 'mcp-check'` resolves to this build (a self-reference).
        // One file per process: CI runs the suite on several Node versions at once.
        const file = join(ROOT, `dist/readme-programmatic-${process.pid}.mjs`);
        writeFileSync(file, blockAfter('## Using the connector and the runner', DOCS_PROGRAMMATIC));
        const run = await runNode(file).finally(() => rmSync(file, { force: true }));
        assert.equal(run.code, 0, run.stderr);
        assert.match(run.stdout, /^weather-fixture \d+ /m);
        assert.match(run.stdout, /failed: 0, errored: 0/);
    });
});
