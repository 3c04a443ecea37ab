import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseMatcher, type ParsedMatcher } from '../../src/load/matcher.js';
import type { Matcher } from '../../src/load/types.js';

const AT = ['tests', 0, 'calls', 0, 'expect', 'json', '$.x'] as const;

/** Parses `raw` at `AT` and returns the matcher, failing the test on errors. */
function matcher(raw: unknown): Matcher {
    const parsed = parseMatcher(raw, AT);
    assert.ok('matcher' in parsed, `expected a matcher, got ${JSON.stringify(parsed)}`);
    return parsed.matcher;
}

/** Parses `raw` at `AT` and returns its problems as `path: message`, failing the test if it parses. */
function problems(raw: unknown): string[] {
    const parsed: ParsedMatcher = parseMatcher(raw, AT);
    assert.ok('errors' in parsed, `expected errors, got ${JSON.stringify(parsed)}`);
    return parsed.errors.map((e) => `${e.path.slice(AT.length).join('.') || '(value)'}: ${e.message}`);
}

test('a bare scalar means equals, at the value itself', () => {
    assert.deepEqual(matcher('hello'), { op: 'equals', value: 'hello', path: AT });
    assert.deepEqual(matcher(null), { op: 'equals', value: null, path: AT });
});

test('a bare array means deep equals', () => {
    assert.deepEqual(matcher([1, 'a']), { op: 'equals', value: [1, 'a'], path: AT });
});

test('an object without matcher keys means deep equals', () => {
    assert.deepEqual(matcher({ id: 1, tags: ['a'] }), { op: 'equals', value: { id: 1, tags: ['a'] }, path: AT });
    assert.deepEqual(matcher({}), { op: 'equals', value: {}, path: AT });
});

test('one matcher key is that matcher, at the key\'s value', () => {
    assert.deepEqual(matcher({ gte: 1 }), { op: 'gte', value: 1, path: [...AT, 'gte'] });
    assert.deepEqual(matcher({ matches: '^n-' }), { op: 'matches', pattern: '^n-', path: [...AT, 'matches'] });
    assert.deepEqual(matcher({ oneOf: [1, 'a'] }), { op: 'oneOf', values: [1, 'a'], path: [...AT, 'oneOf'] });
});

test('each scalar matcher keeps its value', () => {
    const cases: [unknown, Matcher][] = [
        [{ equals: 'a' }, { op: 'equals', value: 'a', path: [...AT, 'equals'] }],
        [{ contains: 'a' }, { op: 'contains', value: 'a', path: [...AT, 'contains'] }],
        [{ startsWith: 'a' }, { op: 'startsWith', value: 'a', path: [...AT, 'startsWith'] }],
        [{ endsWith: 'a' }, { op: 'endsWith', value: 'a', path: [...AT, 'endsWith'] }],
        [{ gt: 1 }, { op: 'gt', value: 1, path: [...AT, 'gt'] }],
        [{ lt: '2026-01-01' }, { op: 'lt', value: '2026-01-01', path: [...AT, 'lt'] }],
        [{ lte: 2.5 }, { op: 'lte', value: 2.5, path: [...AT, 'lte'] }],
        [{ type: 'integer' }, { op: 'type', value: 'integer', path: [...AT, 'type'] }],
        [{ exists: false }, { op: 'exists', value: false, path: [...AT, 'exists'] }],
    ];
    for (const [raw, expected] of cases) assert.deepEqual(matcher(raw), expected, JSON.stringify(raw));
});

test('several matcher keys mean all of them, in the order written', () => {
    assert.deepEqual(matcher({ type: 'string', matches: '^n-' }), {
        op: 'all',
        matchers: [
            { op: 'type', value: 'string', path: [...AT, 'type'] },
            { op: 'matches', pattern: '^n-', path: [...AT, 'matches'] },
        ],
        path: AT,
    });
});

test('`equals` compares an object with matcher keys literally', () => {
    assert.deepEqual(matcher({ equals: { type: 'text', gte: 1 } }), { op: 'equals', value: { type: 'text', gte: 1 }, path: [...AT, 'equals'] });
});

test('`contains` takes any JSON value', () => {
    assert.deepEqual(matcher({ contains: { id: 1 } }), { op: 'contains', value: { id: 1 }, path: [...AT, 'contains'] });
});

test('`length` takes a count or a matcher', () => {
    assert.deepEqual(matcher({ length: 3 }), {
        op: 'length',
        matcher: { op: 'equals', value: 3, path: [...AT, 'length'] },
        path: [...AT, 'length'],
    });
    assert.deepEqual(matcher({ length: { gte: 1, lt: 10 } }), {
        op: 'length',
        matcher: {
            op: 'all',
            matchers: [
                { op: 'gte', value: 1, path: [...AT, 'length', 'gte'] },
                { op: 'lt', value: 10, path: [...AT, 'length', 'lt'] },
            ],
            path: [...AT, 'length'],
        },
        path: [...AT, 'length'],
    });
});

test('`not` wraps a matcher or a bare value', () => {
    assert.deepEqual(matcher({ not: { contains: 'error' } }), {
        op: 'not',
        matcher: { op: 'contains', value: 'error', path: [...AT, 'not', 'contains'] },
        path: [...AT, 'not'],
    });
    assert.deepEqual(matcher({ not: null }), { op: 'not', matcher: { op: 'equals', value: null, path: [...AT, 'not'] }, path: [...AT, 'not'] });
});

test('`all` and `any` items are matchers, at their index', () => {
    assert.deepEqual(matcher({ any: ['a', { startsWith: 'b' }] }), {
        op: 'any',
        matchers: [
            { op: 'equals', value: 'a', path: [...AT, 'any', 0] },
            { op: 'startsWith', value: 'b', path: [...AT, 'any', 1, 'startsWith'] },
        ],
        path: [...AT, 'any'],
    });
    assert.deepEqual(matcher({ all: [{ not: { length: 0 } }] }), {
        op: 'all',
        matchers: [
            {
                op: 'not',
                matcher: { op: 'length', matcher: { op: 'equals', value: 0, path: [...AT, 'all', 0, 'not', 'length'] }, path: [...AT, 'all', 0, 'not', 'length'] },
                path: [...AT, 'all', 0, 'not'],
            },
        ],
        path: [...AT, 'all'],
    });
});

test('an object mixing matcher keys and other keys is an error', () => {
    assert.deepEqual(problems({ type: 'text', text: 'hi', gte: 1 }), [
        '(value): mixes matcher keys (type, gte) with other keys (text); to compare an object literally use `equals:`',
    ]);
});

test('matcher values of the wrong type are errors at the value', () => {
    assert.deepEqual(problems({ matches: 5 }), ['matches: expected string (a regular expression) or { pattern, flags }, got number']);
    assert.deepEqual(problems({ startsWith: ['a'] }), ['startsWith: expected string, got array']);
    assert.deepEqual(problems({ gt: true }), ['gt: expected number or string, got boolean']);
    assert.deepEqual(problems({ type: 'str' }), [
        'type: expected one of "string", "number", "integer", "boolean", "object", "array", "null", got "str"',
    ]);
    assert.deepEqual(problems({ exists: 'no' }), ['exists: expected boolean, got string']);
    assert.deepEqual(problems({ oneOf: 'a' }), ['oneOf: expected array (the allowed values), got string']);
    assert.deepEqual(problems({ any: { equals: 1 } }), ['any: expected array (of matchers), got object']);
});

test('empty `oneOf`, `all` and `any` lists are errors', () => {
    assert.deepEqual(problems({ oneOf: [], all: [], any: [] }), ['oneOf: must not be empty', 'all: must not be empty', 'any: must not be empty']);
});

test('`length` with a value that is no count is an error', () => {
    assert.deepEqual(problems({ length: { gtee: 1 } }), [
        'length: expected a length (a whole number) or a matcher such as { gte: 1 }, got {"gtee":1}',
    ]);
    assert.deepEqual(problems({ length: -1 }), ['length: expected a length (a whole number) or a matcher such as { gte: 1 }, got -1']);
});

test('an invalid regular expression is an error; one with a capture reference is left to run time', () => {
    assert.deepEqual(problems({ matches: '(' }), ['matches: invalid regular expression "(": Unterminated group']);
    // `\-` is fine without the `u` flag but not with it, and the assertion uses `u`.
    assert.deepEqual(problems({ matches: 'a\\-b' }), ['matches: invalid regular expression "a\\\\-b": Invalid escape']);
    assert.deepEqual(matcher({ matches: '^${{ captures.id }}$' }), { op: 'matches', pattern: '^${{ captures.id }}$', path: [...AT, 'matches'] });
});

test('problems in nested matchers are all reported, each at its own path', () => {
    assert.deepEqual(problems({ all: [{ gt: null }, { not: { type: 'text', x: 1 } }], length: { exists: 1 } }), [
        'all.0.gt: expected number or string, got null',
        'all.1.not: mixes matcher keys (type) with other keys (x); to compare an object literally use `equals:`',
        'length.exists: expected boolean, got number',
    ]);
});

test('`matches` takes `{ pattern, flags }`; flags other than i, m and s, or repeated, are errors', () => {
    assert.deepEqual(matcher({ matches: { pattern: '^n-', flags: 'is' } }), { op: 'matches', pattern: '^n-', flags: 'is', path: [...AT, 'matches'] });
    assert.deepEqual(matcher({ matches: { pattern: '^n-', flags: '' } }), { op: 'matches', pattern: '^n-', path: [...AT, 'matches'] });
    assert.deepEqual(problems({ matches: { pattern: 'a', flags: 'g' } }), ['matches: invalid regular expression "a": unsupported flag "g" (use i, m or s)']);
    assert.deepEqual(problems({ matches: { pattern: 'a', flags: 'ii' } }), ['matches: invalid regular expression "a": flags "ii" repeat a flag']);
    assert.deepEqual(problems({ matches: { flags: 'i' } }), ['matches: expected "pattern" (a regular expression), got undefined']);
    assert.deepEqual(problems({ matches: { pattern: 'a', flag: 'i' } }), ['matches: unknown key "flag" (a regular expression takes "pattern" and "flags")']);
});

test('`parseJson` takes JSONPath keys, or else one matcher on the whole parsed value', () => {
    assert.deepEqual(matcher({ parseJson: { '$.name': 'notes' } }), {
        op: 'parseJson',
        checks: [{ jsonPath: '$.name', matcher: { op: 'equals', value: 'notes', path: [...AT, 'parseJson', '$.name'] } }],
        path: [...AT, 'parseJson'],
    });
    assert.deepEqual(matcher({ parseJson: { type: 'object' } }), {
        op: 'parseJson',
        checks: [{ jsonPath: '$', matcher: { op: 'type', value: 'object', path: [...AT, 'parseJson', 'type'] } }],
        path: [...AT, 'parseJson'],
    });
    assert.deepEqual(problems({ parseJson: { '$.n': { gte: 'x', lt: [] } } }), ['parseJson.$.n.lt: expected number or string, got array']);
});
