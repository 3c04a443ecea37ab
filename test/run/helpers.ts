/** Building suites from YAML text and finding cases in the result tree. */
import assert from 'node:assert/strict';
import type { CaseResult, RunResult } from '../../src/run/result.js';
import { parseSpec } from '../../src/load/load.js';
import type { Suite } from '../../src/load/types.js';

/** Parses spec text (given as lines) as if it were the file `file`. */
export function suiteOf(file: string, ...lines: string[]): Suite {
    return parseSpec(lines.join('\n') + '\n', file, {});
}

/** The one case named `name` (in any suite); fails the test when there is not exactly one. */
export function caseNamed(result: RunResult, name: string): CaseResult {
    const found = result.suites.flatMap((s) => s.cases).filter((c) => c.name === name);
    assert.equal(found.length, 1, `expected one case named "${name}", found ${found.length}`);
    return found[0]!;
}

/** A readable status line per case, for assertion messages. */
export function statuses(result: RunResult): string {
    return result.suites.flatMap((s) => s.cases.map((c) => `${s.file} ${c.name}: ${c.status}`)).join('\n');
}
