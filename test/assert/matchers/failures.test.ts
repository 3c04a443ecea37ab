/**
 * What every matcher failure carries, whichever matcher it is: the path of the failing
 * matcher key (for `file:line:col`), what was expected, and what the value was.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { at, check, failsOnce } from './support.js';
import type { SpecPath } from '../../../src/load/types.js';

interface Case {
    raw: unknown;
    value: unknown;
    path: SpecPath;
    expected: unknown;
    /** What `actual` must be, when not the value itself. */
    actual?: unknown;
}

const CASES: Record<string, Case> = {
    'a bare value': { raw: 'a', value: 'b', path: at(), expected: 'a' },
    equals: { raw: { equals: [1] }, value: [2], path: at('equals'), expected: [1] },
    contains: { raw: { contains: 'z' }, value: 'abc', path: at('contains'), expected: 'z' },
    matches: { raw: { matches: '^z' }, value: 'abc', path: at('matches'), expected: '^z' },
    startsWith: { raw: { startsWith: 'z' }, value: 'abc', path: at('startsWith'), expected: 'z' },
    endsWith: { raw: { endsWith: 'z' }, value: 'abc', path: at('endsWith'), expected: 'z' },
    gt: { raw: { gt: 5 }, value: 1, path: at('gt'), expected: 5 },
    gte: { raw: { gte: 5 }, value: 1, path: at('gte'), expected: 5 },
    lt: { raw: { lt: 0 }, value: 1, path: at('lt'), expected: 0 },
    lte: { raw: { lte: 0 }, value: 1, path: at('lte'), expected: 0 },
    type: { raw: { type: 'integer' }, value: 1.5, path: at('type'), expected: 'integer' },
    length: { raw: { length: { lte: 1 } }, value: 'abc', path: at('length', 'lte'), expected: 1, actual: 3 },
    exists: { raw: { exists: false }, value: 0, path: at('exists'), expected: false },
    oneOf: { raw: { oneOf: [1, 2] }, value: 3, path: at('oneOf'), expected: [1, 2] },
    'a key of several': { raw: { type: 'string', lt: 'b' }, value: 'c', path: at('lt'), expected: 'b' },
    'an item of all': { raw: { all: [{ type: 'string' }, { gt: 'x' }] }, value: 'c', path: at('all', 1, 'gt'), expected: 'x' },
};

describe('a failure of', () => {
    for (const [name, c] of Object.entries(CASES)) {
        it(`${name} carries the path of its key, the expected value and the actual value`, () => {
            const failure = failsOnce(c.raw, c.value);
            assert.deepEqual(failure.path, c.path);
            assert.deepEqual(failure.expected, c.expected);
            assert.deepEqual(failure.actual, 'actual' in c ? c.actual : c.value);
            assert.ok(failure.expectation.length > 0);
        });
    }

    it('not carries the path of its key and the actual value', () => {
        const failure = failsOnce({ not: { type: 'string' } }, 'abc');
        assert.deepEqual(failure.path, at('not'));
        assert.equal(failure.actual, 'abc');
        assert.notEqual(failure.expected, undefined);
    });

    it('any carries the path of its key and the actual value', () => {
        const failure = failsOnce({ any: [{ type: 'null' }, { gt: 5 }] }, 1);
        assert.deepEqual(failure.path, at('any'));
        assert.equal(failure.actual, 1);
    });

    it(
        'any says what was expected',
        () => {
            const failure = failsOnce({ any: [{ type: 'null' }, { gt: 5 }] }, 1);
            assert.notEqual(failure.expected, undefined, 'a failed `any` has no expected value');
        },
    );

    it(
        'length on a value without a length says what length was expected',
        () => {
            const failure = failsOnce({ length: 3 }, 42);
            assert.notEqual(failure.expected, undefined, 'the failure has no expected value');
        },
    );

    it('each of several failing keys is its own failure with its own path', () => {
        const failures = check({ startsWith: 'x', endsWith: 'y', length: 1 }, 'abc');
        assert.deepEqual(
            failures.map((f) => [f.path, f.expected, f.actual]),
            [
                [at('startsWith'), 'x', 'abc'],
                [at('endsWith'), 'y', 'abc'],
                [at('length'), 1, 3],
            ],
        );
    });
});
