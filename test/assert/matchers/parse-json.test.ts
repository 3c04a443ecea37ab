/** `parseJson`: JSON held in a string, parsed and checked. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { at, check, checkMissing, failsOnce, holds } from './support.js';

const LISTING = JSON.stringify({ path: '/tmp', entries: [{ name: 'a.txt' }, { name: 'b.txt' }] });

describe('parseJson', () => {
    it('checks values of the parsed JSON by JSONPath', () => {
        holds({ parseJson: { '$.path': '/tmp', '$.entries': { length: 2 }, '$.entries[*].name': { contains: 'b.txt' } } }, LISTING);
    });

    it('takes one matcher on the whole parsed value', () => {
        holds({ parseJson: { type: 'object' } }, LISTING);
        holds({ parseJson: [1, 2] }, '[1,2]');
    });

    it('names the path inside the JSON when a check fails', () => {
        assert.deepEqual(failsOnce({ parseJson: { '$.entries': { length: 3 } } }, LISTING), {
            path: at('parseJson', '$.entries', 'length'),
            expectation: 'as JSON, $.entries length to equal 3',
            expected: 3,
            actual: 2,
        });
    });

    it('fails on a string that is not JSON, saying why', () => {
        assert.match(failsOnce({ parseJson: { type: 'object' } }, 'not json').expectation, /^to be a string holding JSON, but it does not parse: /);
    });

    it('fails on a value that is not a string, without looking inside it', () => {
        assert.equal(failsOnce({ parseJson: { '$.path': '/tmp' } }, { path: '/tmp' }).expectation, 'to be a string holding JSON, got object');
    });

    it('fails on a missing value', () => {
        assert.equal(checkMissing({ parseJson: { type: 'object' } }).length, 1);
    });

    it('reports every failed check', () => {
        assert.equal(check({ parseJson: { '$.path': '/var', '$.entries': { length: 0 } } }, LISTING).length, 2);
    });
});
