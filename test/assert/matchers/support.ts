/** Builds matchers the way a spec does (`parseMatcher`) and evaluates them on a value or on nothing. */
import assert from 'node:assert/strict';
import { evaluateMatcher, type MatchFailure } from '../../../src/assert/matchers/index.js';
import { parseMatcher } from '../../../src/load/matcher.js';
import type { Matcher, SpecPath } from '../../../src/load/types.js';

/** Where the matchers are "written": a `json:` entry of the first call. */
export const AT: SpecPath = ['tests', 0, 'calls', 0, 'expect', 'json', '$.x'];

/** Parses what a user would write at `AT`; fails the test when it does not parse. */
export function matcher(raw: unknown): Matcher {
    const parsed = parseMatcher(raw, AT);
    assert.ok('matcher' in parsed, `expected ${JSON.stringify(raw)} to parse, got ${JSON.stringify(parsed)}`);
    return parsed.matcher;
}

/** The failures of `raw` on a present `value` (empty when it holds). */
export function check(raw: unknown, value: unknown): MatchFailure[] {
    return evaluateMatcher(matcher(raw), { present: true, value });
}

/** The failures of `raw` on a missing value (a JSONPath that matched nothing). */
export function checkMissing(raw: unknown): MatchFailure[] {
    return evaluateMatcher(matcher(raw), { present: false });
}

/** Asserts `raw` holds for `value`. */
export function holds(raw: unknown, value: unknown): void {
    assert.deepEqual(check(raw, value), [], `expected ${JSON.stringify(raw)} to hold for ${JSON.stringify(value)}`);
}

/** Asserts `raw` fails for `value` with exactly one failure, and returns it. */
export function failsOnce(raw: unknown, value: unknown): MatchFailure {
    const failures = check(raw, value);
    assert.equal(failures.length, 1, `expected one failure of ${JSON.stringify(raw)} on ${JSON.stringify(value)}, got ${JSON.stringify(failures)}`);
    return failures[0]!;
}

/** `AT` extended by `rest`: the path a failure must carry. */
export function at(...rest: (string | number)[]): SpecPath {
    return [...AT, ...rest];
}
