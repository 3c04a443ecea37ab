/** Shared helpers for spec loader tests: temporary spec files and error text. */
import { after } from 'node:test';
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import assert from 'node:assert/strict';
import { SpecErrors } from '../../src/errors.js';

const created: string[] = [];
after(() => Promise.all(created.map((dir) => rm(dir, { recursive: true, force: true }))));

/** Writes `files` (name → YAML text) into a fresh temporary directory and returns it. */
export async function writeSpecs(files: Record<string, string>): Promise<string> {
    const dir = await mkdtemp(join(tmpdir(), 'mcp-check-spec-'));
    created.push(dir);
    for (const [name, text] of Object.entries(files)) {
        await mkdir(dirname(join(dir, name)), { recursive: true });
        await writeFile(join(dir, name), text);
    }
    return dir;
}

/** Awaits `promise`, asserts it rejects with `SpecErrors`, and returns each error as printed. */
export async function specErrors(promise: Promise<unknown>): Promise<string[]> {
    try {
        await promise;
    } catch (error) {
        assert.ok(error instanceof SpecErrors, `expected SpecErrors, got ${String(error)}`);
        return error.errors.map((e) => e.describe());
    }
    assert.fail('expected the spec to be rejected');
}

/** Joins lines into YAML text, so tests can count lines and columns at a glance. */
export function yaml(...lines: string[]): string {
    return lines.join('\n') + '\n';
}

/** A minimal valid server + test block, for specs that only exercise other parts. */
export const MINIMAL = ['servers:', '  weather:', '    command: node', 'tests:', '  - server: weather'];
