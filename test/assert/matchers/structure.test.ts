/** `type`, `length` and `exists`, and what every matcher does with a missing value. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { at, check, checkMissing, failsOnce, holds } from './support.js';

describe('type', () => {
    const samples: Record<string, unknown> = {
        string: 'hello',
        number: 1.5,
        boolean: false,
        object: { a: 1 },
        array: [1],
        null: null,
    };

    for (const [name, value] of Object.entries(samples)) {
        it(`${name} holds for ${JSON.stringify(value)} and fails for every other JSON type`, () => {
            holds({ type: name }, value);
            for (const [other, otherValue] of Object.entries(samples)) {
                if (other === name) continue;
                const failure = failsOnce({ type: name }, otherValue);
                assert.equal(failure.expectation, `to be of type ${name}, got ${other}`);
                assert.equal(failure.expected, name);
                assert.deepEqual(failure.actual, otherValue);
                assert.deepEqual(failure.path, at('type'));
            }
        });
    }

    it('number holds for whole numbers too', () => {
        holds({ type: 'number' }, 3);
    });

    it('integer holds for whole numbers (3, 0, -7, 3.0)', () => {
        for (const value of [3, 0, -7, 3.0]) holds({ type: 'integer' }, value);
    });

    it('integer fails for a fraction, saying it got a number', () => {
        assert.equal(failsOnce({ type: 'integer' }, 3.5).expectation, 'to be of type integer, got number');
    });

    it('integer fails for a numeric string', () => {
        assert.equal(failsOnce({ type: 'integer' }, '3').expectation, 'to be of type integer, got string');
    });

    it('object does not hold for null or an array', () => {
        failsOnce({ type: 'object' }, null);
        failsOnce({ type: 'object' }, []);
    });
});

describe('length', () => {
    it('counts the characters of a string (code points, not UTF-16 units)', () => {
        holds({ length: 5 }, 'hello');
        holds({ length: 2 }, 'é👍');
        holds({ length: 0 }, '');
    });

    it('counts the items of an array', () => {
        holds({ length: 3 }, [1, [2, 3], { a: 4 }]);
        holds({ length: 0 }, []);
    });

    it('counts the keys of an object', () => {
        holds({ length: 2 }, { id: 'n-1', title: 'x' });
        holds({ length: 0 }, {});
    });

    it('takes a nested matcher', () => {
        holds({ length: { gte: 1 } }, ['a']);
        holds({ length: { gt: 1, lt: 4 } }, 'abc');
        holds({ length: { oneOf: [2, 4] } }, [1, 2, 3, 4]);
    });

    it('fails with the length as actual, pointing at the length', () => {
        assert.deepEqual(failsOnce({ length: 3 }, ['a']), { path: at('length'), expectation: 'length to equal 3', expected: 3, actual: 1 });
    });

    it('fails a nested matcher at the nested key', () => {
        assert.deepEqual(failsOnce({ length: { gte: 2 } }, 'a'), {
            path: at('length', 'gte'),
            expectation: 'length to be greater than or equal to 2',
            expected: 2,
            actual: 1,
        });
    });

    it('fails for a value that has no length, saying which values have one', () => {
        for (const value of [42, true, null]) {
            const failure = failsOnce({ length: 0 }, value);
            assert.match(failure.expectation, /a string, array or object/);
            assert.equal(failure.actual, value);
            assert.deepEqual(failure.path, at('length'));
        }
    });
});

describe('exists', () => {
    it('true holds for any present value, even null, false, 0 and ""', () => {
        for (const value of [null, false, 0, '', [], {}]) holds({ exists: true }, value);
    });

    it('true fails on a missing value', () => {
        assert.deepEqual(checkMissing({ exists: true }), [{ path: at('exists'), expectation: 'to exist', expected: true, actual: undefined }]);
    });

    it('false holds on a missing value', () => {
        assert.deepEqual(checkMissing({ exists: false }), []);
    });

    it('false fails on a present value, with it as actual', () => {
        assert.deepEqual(failsOnce({ exists: false }, null), { path: at('exists'), expectation: 'not to exist', expected: false, actual: null });
    });
});

describe('a missing value', () => {
    const matchers: Record<string, unknown> = {
        'a bare value': 'x',
        equals: { equals: null },
        contains: { contains: 'x' },
        matches: { matches: '.*' },
        startsWith: { startsWith: '' },
        endsWith: { endsWith: '' },
        gt: { gt: 0 },
        gte: { gte: 0 },
        lt: { lt: 0 },
        lte: { lte: 0 },
        type: { type: 'null' },
        length: { length: 0 },
        oneOf: { oneOf: [null] },
        all: { all: [{ type: 'string' }] },
        any: { any: [{ type: 'string' }, { equals: 1 }] },
    };

    for (const [name, raw] of Object.entries(matchers)) {
        it(`fails ${name}, saying there is no value`, () => {
            const failures = checkMissing(raw);
            assert.ok(failures.length >= 1, `${JSON.stringify(raw)} held on a missing value`);
            assert.ok(
                failures.every((f) => /there is no value/.test(f.expectation) && f.actual === undefined),
                JSON.stringify(failures),
            );
        });
    }

    it('fails even a matcher that would hold for null or ""', () => {
        assert.equal(checkMissing({ equals: null }).length, 1);
        assert.equal(check({ equals: null }, null).length, 0);
        assert.equal(checkMissing({ startsWith: '' }).length, 1);
    });
});
