import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import type { SourceLocation } from '../errors.js';
import type { Problem, ProblemKind } from '../run/result.js';
import type { SpecPath } from '../load/types.js';
import type { AssertContext } from './context.js';
import { jsonEqual } from './json-equal.js';
import { describeType } from './json-schema.js';

interface Mismatch {
    path: (string | number)[];
    expected: unknown;
    actual: unknown;
    why: string;
}

/**
 * `structuredContent:` partial deep match. Objects match when every expected key matches
 * (extra keys in the result are fine); arrays need the same length and matching items;
 * everything else must be equal.
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

/** The same partial deep match on any value; `locate` turns a path below `label` into a spec location. */
export function partialMatch(label: string, expected: unknown, actual: unknown, kind: ProblemKind, locate: (path: SpecPath) => SourceLocation): Problem[] {
    const mismatches: Mismatch[] = [];
    collectMismatches(expected, actual, [], mismatches);
    return mismatches.map((m) => ({
        kind,
        message: `${label}${renderPath(m.path)}: ${m.why}`,
        loc: locate(m.path),
        expected: m.expected,
        actual: m.actual,
    }));
}

function collectMismatches(expected: unknown, actual: unknown, path: (string | number)[], out: Mismatch[]): void {
    if (isPlainObject(expected)) {
        if (!isPlainObject(actual)) {
            out.push({ path, expected, actual, why: `expected an object, got ${describeType(actual)}` });
            return;
        }
        for (const [key, value] of Object.entries(expected)) {
            if (!Object.hasOwn(actual, key)) out.push({ path: [...path, key], expected: value, actual: undefined, why: 'missing' });
            else collectMismatches(value, actual[key], [...path, key], out);
        }
        return;
    }
    if (Array.isArray(expected)) {
        if (!Array.isArray(actual)) {
            out.push({ path, expected, actual, why: `expected an array, got ${describeType(actual)}` });
        } else if (actual.length !== expected.length) {
            out.push({ path, expected, actual, why: `expected ${expected.length} items, got ${actual.length}` });
        } else {
            expected.forEach((item, i) => collectMismatches(item, actual[i], [...path, i], out));
        }
        return;
    }
    if (!jsonEqual(expected, actual)) {
        out.push({ path, expected, actual, why: `expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}` });
    }
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function renderPath(path: (string | number)[]): string {
    return path.map((p) => (typeof p === 'number' ? `[${p}]` : /^[A-Za-z_$][\w$]*$/.test(p) ? `.${p}` : `[${JSON.stringify(p)}]`)).join('');
}
