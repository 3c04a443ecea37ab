/** JSONPath (`queryJson`) and `json:` checks over a value: single values, lists, and paths that match nothing. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { queryJson } from '../../../src/assert/json-path.js';
import { checkJson } from '../../../src/assert/json.js';
import type { AssertContext } from '../../../src/assert/context.js';
import type { JsonPathCheck } from '../../../src/load/types.js';
import { parseMatcher } from '../../../src/load/matcher.js';

const NOTE = {
    id: 'n-1',
    title: 'hello',
    tags: ['a', 'b'],
    deleted: null,
    meta: { views: 0, archived: false },
    related: [
        { id: 'n-2', score: 0.5 },
        { id: 'n-3', score: 0.9 },
    ],
    empty: [],
};

describe('a definite JSONPath', () => {
    it('yields the value itself, not a one-item list', () => {
        assert.deepEqual(queryJson(NOTE, '$.title'), { present: true, value: 'hello' });
        assert.deepEqual(queryJson(NOTE, '$.tags'), { present: true, value: ['a', 'b'] });
        assert.deepEqual(queryJson(NOTE, '$.related[1].id'), { present: true, value: 'n-3' });
        assert.deepEqual(queryJson(NOTE, "$['title']"), { present: true, value: 'hello' });
    });

    it('yields falsy values as present', () => {
        assert.deepEqual(queryJson(NOTE, '$.deleted'), { present: true, value: null });
        assert.deepEqual(queryJson(NOTE, '$.meta.views'), { present: true, value: 0 });
        assert.deepEqual(queryJson(NOTE, '$.meta.archived'), { present: true, value: false });
        assert.deepEqual(queryJson(NOTE, '$.empty'), { present: true, value: [] });
    });

    it('$ yields the whole value', () => {
        assert.deepEqual(queryJson(NOTE, '$'), { present: true, value: NOTE });
    });

    it('that matches nothing is missing', () => {
        assert.deepEqual(queryJson(NOTE, '$.nope'), { present: false });
        assert.deepEqual(queryJson(NOTE, '$.related[5].id'), { present: false });
        assert.deepEqual(queryJson(NOTE, '$.title.nope'), { present: false });
    });

    it(
        'with a bracketed key holding ":" yields the value itself',
        () => {
            assert.deepEqual(queryJson({ 'dc:title': 'x' }, "$['dc:title']"), { present: true, value: 'x' });
        },
    );
});

describe('a JSONPath that can select several nodes', () => {
    it('[*] yields the list of them', () => {
        assert.deepEqual(queryJson(NOTE, '$.related[*].id'), { present: true, value: ['n-2', 'n-3'] });
    });

    it('.. yields the list of them', () => {
        assert.deepEqual(queryJson(NOTE, '$..score'), { present: true, value: [0.5, 0.9] });
    });

    it('a filter yields a list, even of one node', () => {
        assert.deepEqual(queryJson(NOTE, '$.related[?(@.score > 0.6)].id'), { present: true, value: ['n-3'] });
    });

    it('a union or a slice yields a list', () => {
        assert.deepEqual(queryJson(NOTE, '$.tags[0,1]'), { present: true, value: ['a', 'b'] });
        assert.deepEqual(queryJson(NOTE, '$.tags[0:1]'), { present: true, value: ['a'] });
    });

    it('that selects nothing is missing', () => {
        assert.deepEqual(queryJson(NOTE, '$.related[?(@.score > 5)]'), { present: false });
        assert.deepEqual(queryJson(NOTE, '$.empty[*]'), { present: false });
    });
});

describe('json: checks', () => {
    const BASE = ['tests', 0, 'calls', 0, 'expect', 'json'];
    const ctx: AssertContext = {
        locate: (path) => ({ file: 'spec.yaml', line: path.length, col: 1 }),
        locateSpec: (path) => ({ file: 'spec.yaml', line: 100, col: path.length }),
    };

    function checks(entries: Record<string, unknown>): JsonPathCheck[] {
        return Object.entries(entries).map(([jsonPath, raw]) => {
            const parsed = parseMatcher(raw, [...BASE, jsonPath]);
            assert.ok('matcher' in parsed);
            return { jsonPath, matcher: parsed.matcher };
        });
    }

    it('pass when every path’s value satisfies its matcher', () => {
        const problems = checkJson(
            { ok: true, value: NOTE },
            checks({ '$.title': 'hello', '$.tags': { length: 2 }, '$.related[*].id': { contains: 'n-3' }, '$.nope': { exists: false } }),
            ctx,
        );
        assert.deepEqual(problems, []);
    });

    it('a path that matches nothing fails, naming the path and saying there is no value', () => {
        const [problem, ...rest] = checkJson({ ok: true, value: NOTE }, checks({ '$.nope': { gte: 1 } }), ctx);
        assert.deepEqual(rest, []);
        assert.equal(problem?.kind, 'assert.json');
        assert.equal(problem?.message, '$.nope: expected to be greater than or equal to 1, but there is no value');
        assert.equal(problem?.actual, undefined);
    });

    it('a filter that selects nothing fails unless the matcher is exists: false', () => {
        const filter = '$.related[?(@.score > 5)]';
        assert.equal(checkJson({ ok: true, value: NOTE }, checks({ [filter]: { length: 0 } }), ctx).length, 1);
        assert.deepEqual(checkJson({ ok: true, value: NOTE }, checks({ [filter]: { exists: false } }), ctx), []);
    });

    it('each failure points at the failing matcher key', () => {
        const [problem] = checkJson({ ok: true, value: NOTE }, checks({ '$.tags': { type: 'array', length: { gt: 5 } } }), ctx);
        // locateSpec gets the absolute path of `gt`: BASE + '$.tags' + 'length' + 'gt'.
        assert.deepEqual(problem?.loc, { file: 'spec.yaml', line: 100, col: BASE.length + 3 });
        assert.equal(problem?.message, '$.tags: expected length to be greater than 5');
        assert.equal(problem?.expected, 5);
        assert.equal(problem?.actual, 2);
    });

    it('without a JSON value, every check fails saying why', () => {
        const problems = checkJson({ ok: false, reason: 'the text is not JSON' }, checks({ '$.a': 1, '$.b': 2 }), ctx);
        assert.deepEqual(
            problems.map((p) => p.message),
            ['$.a: cannot check: the text is not JSON', '$.b: cannot check: the text is not JSON'],
        );
    });
});
