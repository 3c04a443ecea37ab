/** `gt`, `gte`, `lt`, `lte`: numbers with numbers, strings with strings. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { at, failsOnce, holds } from './support.js';

describe('comparing numbers', () => {
    it('gt holds above the bound and fails at it', () => {
        holds({ gt: 1 }, 2);
        holds({ gt: 0 }, 0.5);
        assert.deepEqual(failsOnce({ gt: 1 }, 1), { path: at('gt'), expectation: 'to be greater than 1', expected: 1, actual: 1 });
    });

    it('gte holds at the bound and fails below it', () => {
        holds({ gte: 1 }, 1);
        assert.deepEqual(failsOnce({ gte: 1 }, 0), { path: at('gte'), expectation: 'to be greater than or equal to 1', expected: 1, actual: 0 });
    });

    it('lt holds below the bound and fails at it', () => {
        holds({ lt: 100 }, -5);
        assert.deepEqual(failsOnce({ lt: 100 }, 100), { path: at('lt'), expectation: 'to be less than 100', expected: 100, actual: 100 });
    });

    it('lte holds at the bound and fails above it', () => {
        holds({ lte: 2.5 }, 2.5);
        assert.deepEqual(failsOnce({ lte: 2.5 }, 2.51), { path: at('lte'), expectation: 'to be less than or equal to 2.5', expected: 2.5, actual: 2.51 });
    });
});

describe('comparing strings', () => {
    it('orders strings by code unit', () => {
        holds({ gt: '2025-01-01T00:00:00.000Z' }, '2025-01-01T00:01:00.000Z');
        holds({ lt: 'b' }, 'a');
        holds({ gte: 'abc' }, 'abc');
        holds({ lte: 'abc' }, 'abc');
        holds({ lt: 'a' }, 'B');
        failsOnce({ gt: 'b' }, 'a');
    });
});

describe('a comparison across types', () => {
    it('fails for a numeric string against a number, naming the type it wanted', () => {
        const failure = failsOnce({ gt: 3 }, '5');
        assert.equal(failure.expectation, 'to be greater than 3 (a number)');
        assert.equal(failure.expected, 3);
        assert.equal(failure.actual, '5');
    });

    it('fails for a number against a string bound', () => {
        assert.equal(failsOnce({ lt: 'z' }, 1).expectation, 'to be less than "z" (a string)');
    });

    it('fails for null, booleans, arrays and objects', () => {
        for (const value of [null, true, [1], { n: 1 }]) failsOnce({ gte: 0 }, value);
    });
});
