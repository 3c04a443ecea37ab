import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import type { SourceLocation } from '../errors.js';
import type { Problem, ProblemKind } from '../run/result.js';
import type { SpecPath } from '../load/types.js';
import type { AssertContext } from './context.js';
import { jsonEqual } from './json-equal.js';
import { describeType } from './json-schema.js';
import { isMatcherObject, parseMatcher } from '../load/matcher.js';
import { evaluateMatcher, type Subject } from './matchers/index.js';

interface Mismatch {
    /** Below the label, for the message. */
    path: (string | number)[];
    /** Where it was written, when not at `path` (a matcher's key). */
    at?: SpecPath;
    expected: unknown;
    actual: unknown;
    why: string;
}

/**
 * `structuredContent:` partial deep match. Objects match when every expected key matches
 * (extra keys in the result are fine); arrays need the same length and matching items; an
 * object whose keys are all matcher names is a matcher (`{ startsWith: n- }`); everything
 * else must be equal.
 */
export function checkStructuredContent(result: CallToolResult, expected: unknown, ctx: AssertContext): Problem[] {
    if (result.structuredContent === undefined) {
        return [
            {
                kind: 'assert.structuredContent',
                message: 'expected structuredContent, but the result has none',
                loc: ctx.locate(['structuredContent']),
                expected,
                actual: undefined,
            },
        ];
    }
    return partialMatch('structuredContent', expected, result.structuredContent, 'assert.structuredContent', (path) => ctx.locate(['structuredContent', ...path]));
}

/** How a partial deep match reads the objects it is given. */
export interface PartialMatchOptions {
    /** Every object is literal, matcher names included: for JSON Schemas, whose `type`, `not` and `oneOf` are their own. */
    literal?: boolean;
}

/**
 * The same partial deep match on any value; `locate` turns a path below `label` into a spec
 * location (matchers inside are parsed with such paths too).
 */
export function partialMatch(
    label: string,
    expected: unknown,
    actual: unknown,
    kind: ProblemKind,
    locate: (path: SpecPath) => SourceLocation,
    options: PartialMatchOptions = {},
): Problem[] {
    const mismatches: Mismatch[] = [];
    collectMismatches(expected, actual, [], mismatches, options);
    return mismatches.map((m) => ({
        kind,
        message: `${label}${renderPath(m.path)}: ${m.why}`,
        loc: locate(m.at ?? m.path),
        expected: m.expected,
        actual: m.actual,
    }));
}

function collectMismatches(expected: unknown, actual: unknown, path: (string | number)[], out: Mismatch[], options: PartialMatchOptions): void {
    if (!options.literal && isMatcherObject(expected)) {
        out.push(...matcherMismatches(expected, actual, path));
        return;
    }
    if (isPlainObject(expected)) {
        if (!isPlainObject(actual)) {
            out.push({ path, expected, actual, why: `expected an object, got ${describeType(actual)}` });
            return;
        }
        for (const [key, value] of Object.entries(expected)) {
            const has = Object.hasOwn(actual, key);
            // A matcher judges a missing key itself: `exists: false` wants it missing.
            if (!has && (options.literal || !isMatcherObject(value))) out.push({ path: [...path, key], expected: value, actual: undefined, why: 'missing' });
            else collectMismatches(value, has ? actual[key] : undefined, [...path, key], out, options);
        }
        return;
    }
    if (Array.isArray(expected)) {
        if (!Array.isArray(actual)) {
            out.push({ path, expected, actual, why: `expected an array, got ${describeType(actual)}` });
        } else if (actual.length !== expected.length) {
            out.push({ path, expected, actual, why: `expected ${expected.length} items, got ${actual.length}` });
        } else {
            expected.forEach((item, i) => collectMismatches(item, actual[i], [...path, i], out, options));
        }
        return;
    }
    if (!jsonEqual(expected, actual)) {
        out.push({ path, expected, actual, why: `expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}` });
    }
}

// Parsed where it is met: the loader has checked it, but captures resolved since may not make a valid one.
function matcherMismatches(written: Record<string, unknown>, actual: unknown, path: (string | number)[]): Mismatch[] {
    const parsed = parseMatcher(written, path);
    if ('errors' in parsed) return parsed.errors.map((e) => ({ path, at: e.path, expected: written, actual, why: `invalid matcher: ${e.message}` }));
    const subject: Subject = actual === undefined ? { present: false } : { present: true, value: actual };
    return evaluateMatcher(parsed.matcher, subject).map((f) => ({ path, at: f.path, expected: f.expected, actual: f.actual, why: `expected ${f.expectation}` }));
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function renderPath(path: (string | number)[]): string {
    return path.map((p) => (typeof p === 'number' ? `[${p}]` : /^[A-Za-z_$][\w$]*$/.test(p) ? `.${p}` : `[${JSON.stringify(p)}]`)).join('');
}
