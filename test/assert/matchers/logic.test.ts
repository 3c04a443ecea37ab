/** `not`, `all`, `any`, and several matcher keys in one object (all must hold). */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { at, check, checkMissing, failsOnce, holds } from './support.js';

describe('not', () => {
    it('holds when the nested matcher fails', () => {
        holds({ not: { equals: '' } }, 'hello');
        holds({ not: 'hello' }, 'goodbye');
        holds({ not: { contains: 'x' } }, ['a']);
    });

    it('fails when the nested matcher holds, at the `not` key, with the actual value', () => {
        const failure = failsOnce({ not: { equals: '' } }, '');
        assert.deepEqual(failure.path, at('not'));
        assert.match(failure.expectation, /^not /);
        assert.equal(failure.actual, '');
    });

    it('names the nested matcher in its expectation', () => {
        assert.match(failsOnce({ not: { contains: 'a' } }, 'abc').expectation, /contains/);
    });

    it(
        'says what the value must not be, in user terms rather than the parsed matcher',
        () => {
            const failure = failsOnce({ not: { equals: '' } }, '');
            const shown = JSON.stringify(failure.expected);
            assert.doesNotMatch(shown, /"op"|"path"/, `expected shows the internal matcher: ${shown}`);
            assert.match(failure.expectation, /""/, `the expectation does not say what the value must not be: ${failure.expectation}`);
        },
    );

    it('of `exists: true` holds on a missing value', () => {
        assert.deepEqual(checkMissing({ not: { exists: true } }), []);
    });

    it(
        'of any other matcher fails on a missing value, saying there is no value',
        () => {
            const failures = checkMissing({ not: { equals: '' } });
            assert.equal(failures.length, 1, 'a missing value passed `not: { equals: "" }`');
            assert.match(failures[0]!.expectation, /there is no value/);
        },
    );
});

describe('all', () => {
    it('holds when every nested matcher holds', () => {
        holds({ all: [{ type: 'string' }, { startsWith: 'n-' }, { length: 3 }] }, 'n-1');
    });

    it('fails once per nested matcher that does not hold, each at its own list item', () => {
        const failures = check({ all: [{ type: 'string' }, { startsWith: 'x' }, { length: 5 }] }, 'n-1');
        assert.deepEqual(
            failures.map((f) => [f.path, f.expectation]),
            [
                [at('all', 1, 'startsWith'), 'to start with "x"'],
                [at('all', 2, 'length'), 'length to equal 5'],
            ],
        );
    });

    it('takes bare values as equals at the list item', () => {
        assert.deepEqual(failsOnce({ all: [{ type: 'string' }, 'n-2'] }, 'n-1').path, at('all', 1));
    });
});

describe('any', () => {
    it('holds when at least one nested matcher holds', () => {
        holds({ any: [{ length: 1 }, { length: { gt: 1 } }] }, ['a', 'b']);
        holds({ any: [{ type: 'null' }, { type: 'string' }] }, null);
    });

    it('fails at the `any` key, listing why each alternative failed, with the actual value', () => {
        const failure = failsOnce({ any: [{ length: 0 }, { length: { gt: 3 } }] }, ['a']);
        assert.deepEqual(failure.path, at('any'));
        assert.equal(failure.expectation, 'to satisfy any of: length to equal 0; length to be greater than 3');
        assert.deepEqual(failure.actual, ['a']);
    });

    it('holds on a missing value when an alternative is `exists: false`', () => {
        assert.deepEqual(checkMissing({ any: [{ exists: false }, { type: 'string' }] }), []);
    });
});

describe('several matcher keys in one object', () => {
    it('hold together when each holds', () => {
        holds({ gte: 1, lt: 100, type: 'integer' }, 1);
        holds({ type: 'string', matches: '^n-', length: { lte: 5 } }, 'n-1');
    });

    it('fail once per key that does not hold, each at its key', () => {
        const failures = check({ gte: 1, lt: 100, type: 'integer' }, 0.5);
        assert.deepEqual(
            failures.map((f) => f.path),
            [at('gte'), at('type')],
        );
        assert.deepEqual(
            failures.map((f) => [f.expected, f.actual]),
            [
                [1, 0.5],
                ['integer', 0.5],
            ],
        );
    });

    it('fail at the one key that does not hold when the others do', () => {
        assert.deepEqual(failsOnce({ gte: 1, lt: 100, type: 'integer' }, 100).path, at('lt'));
    });

    it('with `exists: false` beside another key fail on a missing value, at the other key', () => {
        const failures = checkMissing({ exists: false, type: 'string' });
        assert.deepEqual(
            failures.map((f) => f.path),
            [at('type')],
        );
    });

    it('fail on a missing value once per key that needs a value', () => {
        assert.deepEqual(
            checkMissing({ exists: true, type: 'string' }).map((f) => f.path),
            [at('exists'), at('type')],
        );
    });
});
