/** `matches`, `startsWith` and `endsWith`: string matchers. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { at, failsOnce, holds } from './support.js';

describe('matches', () => {
    it('holds when the regular expression is found anywhere in the string', () => {
        holds({ matches: '^n-\\d+$' }, 'n-12');
        holds({ matches: 'Advis' }, 'Heat Advisory');
    });

    it('fails otherwise, saying expected and actual', () => {
        assert.deepEqual(failsOnce({ matches: '^n-\\d+$' }, 'note-1'), {
            path: at('matches'),
            expectation: 'to match /^n-\\d+$/',
            expected: '^n-\\d+$',
            actual: 'note-1',
        });
    });

    it('uses the u flag: Unicode property escapes and whole code points work', () => {
        holds({ matches: '^\\p{Lu}\\p{Ll}+$' }, 'Ünïcode');
        holds({ matches: '^.$' }, '👍');
    });

    it('is case-sensitive unless the pattern says otherwise', () => {
        failsOnce({ matches: 'advisory' }, 'Heat Advisory');
        holds({ matches: '[Aa]dvisory' }, 'Heat Advisory');
    });

    it('fails on a value that is not a string, without converting it', () => {
        const failure = failsOnce({ matches: '^4' }, 42);
        assert.match(failure.expectation, /\(a string\)/);
        assert.equal(failure.actual, 42);
    });
});

describe('matches with flags', () => {
    it('`i` ignores case', () => {
        holds({ matches: { pattern: 'advisory', flags: 'i' } }, 'Heat ADVISORY');
    });

    it('`m` lets ^ and $ match at line ends', () => {
        failsOnce({ matches: '^error$' }, 'ok\nerror\nok');
        holds({ matches: { pattern: '^error$', flags: 'm' } }, 'ok\nerror\nok');
    });

    it('`s` lets . match a newline', () => {
        failsOnce({ matches: 'begin.end' }, 'begin\nend');
        holds({ matches: { pattern: 'begin.end', flags: 's' } }, 'begin\nend');
    });

    it('names the flags in a failure, and reports the matcher as written', () => {
        assert.deepEqual(failsOnce({ matches: { pattern: '^n-', flags: 'im' } }, 'note-1'), {
            path: at('matches'),
            expectation: 'to match /^n-/im',
            expected: { pattern: '^n-', flags: 'im' },
            actual: 'note-1',
        });
    });
});

describe('startsWith', () => {
    it('holds for a string with that prefix', () => {
        holds({ startsWith: 'Created' }, 'Created note n-1: hello');
    });

    it('fails otherwise, saying expected and actual', () => {
        assert.deepEqual(failsOnce({ startsWith: 'Deleted' }, 'Created note n-1'), {
            path: at('startsWith'),
            expectation: 'to start with "Deleted"',
            expected: 'Deleted',
            actual: 'Created note n-1',
        });
    });

    it('fails on an array, even one whose first item is the prefix', () => {
        assert.match(failsOnce({ startsWith: 'a' }, ['a', 'b']).expectation, /\(a string\)/);
    });
});

describe('endsWith', () => {
    it('holds for a string with that suffix', () => {
        holds({ endsWith: ': hello' }, 'Created note n-1: hello');
    });

    it('fails otherwise, saying expected and actual', () => {
        assert.deepEqual(failsOnce({ endsWith: 'bye' }, 'hello'), {
            path: at('endsWith'),
            expectation: 'to end with "bye"',
            expected: 'bye',
            actual: 'hello',
        });
    });

    it('fails on a number', () => {
        assert.equal(failsOnce({ endsWith: '2' }, 42).actual, 42);
    });
});
