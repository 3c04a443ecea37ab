/** Bare values, `equals`, `oneOf` and `contains`: comparisons by content. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { at, AT, failsOnce, holds } from './support.js';

describe('a bare value', () => {
    it('equals a scalar of the same type and value', () => {
        holds('hello', 'hello');
        holds(42, 42);
        holds(true, true);
        holds(null, null);
    });

    it('fails on a different scalar, saying expected and actual, at the value itself', () => {
        assert.deepEqual(failsOnce('hello', 'goodbye'), { path: AT, expectation: 'to equal "hello"', expected: 'hello', actual: 'goodbye' });
    });

    it('does not coerce: the number 1 is not the string "1"', () => {
        assert.equal(failsOnce(1, '1').actual, '1');
        assert.equal(failsOnce('1', 1).actual, 1);
        assert.equal(failsOnce(false, 0).actual, 0);
        assert.equal(failsOnce(null, 0).actual, 0);
    });

    it('compares objects deeply, whatever the key order', () => {
        holds({ id: 'n-1', note: { tags: ['a', 'b'], pinned: false } }, { note: { pinned: false, tags: ['a', 'b'] }, id: 'n-1' });
    });

    it('fails on an object with an extra, a missing or a different key', () => {
        const expected = { id: 'n-1', tags: ['a'] };
        assert.deepEqual(failsOnce(expected, { id: 'n-1', tags: ['a'], extra: 1 }).expected, expected);
        failsOnce(expected, { id: 'n-1' });
        failsOnce(expected, { id: 'n-1', tags: ['b'] });
    });

    it('compares arrays item by item, in order and by length', () => {
        holds([1, 'a', { b: [null] }], [1, 'a', { b: [null] }]);
        failsOnce([1, 2], [2, 1]);
        failsOnce([1, 2], [1, 2, 3]);
        failsOnce([1, 2], [1]);
    });

    it('does not take an array for an object, or an empty object for an empty array', () => {
        failsOnce([], {});
        failsOnce({}, []);
    });
});

describe('equals', () => {
    it('is the same deep comparison, at the `equals` key', () => {
        holds({ equals: { a: [1, { b: 2 }] } }, { a: [1, { b: 2 }] });
        const failure = failsOnce({ equals: { a: 1 } }, { a: 2 });
        assert.deepEqual(failure, { path: at('equals'), expectation: 'to equal {"a":1}', expected: { a: 1 }, actual: { a: 2 } });
    });

    it('compares an object with matcher-like keys literally', () => {
        holds({ equals: { type: 'text', length: 3 } }, { length: 3, type: 'text' });
        failsOnce({ equals: { type: 'text' } }, 'text');
    });

    it('takes 0 and -0 as equal', () => {
        holds({ equals: 0 }, -0);
    });
});

describe('oneOf', () => {
    it('holds when the value deep-equals one of the listed values', () => {
        holds({ oneOf: ['n-1', 'n-2'] }, 'n-2');
        holds({ oneOf: [{ a: 1 }, [1, 2]] }, [1, 2]);
    });

    it('fails otherwise, with the allowed values as expected', () => {
        assert.deepEqual(failsOnce({ oneOf: ['n-1', 'n-2'] }, 'n-3'), {
            path: at('oneOf'),
            expectation: 'to be one of ["n-1","n-2"]',
            expected: ['n-1', 'n-2'],
            actual: 'n-3',
        });
    });

    it('does not coerce', () => {
        failsOnce({ oneOf: [1, 2] }, '1');
    });
});

describe('contains', () => {
    it('holds for a string that contains the text', () => {
        holds({ contains: 'Advisory' }, 'Heat Advisory for Los Angeles County');
        holds({ contains: '' }, 'anything');
    });

    it('fails for a string without it, saying expected and actual', () => {
        assert.deepEqual(failsOnce({ contains: 'Warning' }, 'Heat Advisory'), {
            path: at('contains'),
            expectation: 'to contain "Warning"',
            expected: 'Warning',
            actual: 'Heat Advisory',
        });
    });

    it('is case-sensitive', () => {
        failsOnce({ contains: 'advisory' }, 'Heat Advisory');
    });

    it('holds for an array with an element equal to the value', () => {
        holds({ contains: 'b' }, ['a', 'b']);
        holds({ contains: 2 }, [1, 2, 3]);
    });

    it('compares array elements deeply, not partially', () => {
        holds({ contains: { id: 'n-1', title: 'hello' } }, [{ title: 'hello', id: 'n-1' }]);
        failsOnce({ contains: { id: 'n-1' } }, [{ id: 'n-1', title: 'hello' }]);
    });

    it('does not look for substrings inside array elements', () => {
        assert.deepEqual(failsOnce({ contains: 'hel' }, ['hello']).actual, ['hello']);
    });

    it('fails on a value that is neither a string nor an array, saying so', () => {
        const failure = failsOnce({ contains: 'a' }, { a: 1 });
        assert.match(failure.expectation, /a string or an array/);
        assert.deepEqual(failure.actual, { a: 1 });
        failsOnce({ contains: '4' }, 42);
    });
});
