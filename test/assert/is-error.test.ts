import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { checkIsError } from '../../src/assert/is-error.js';
import { at, expecting, textResult, toolError } from './helpers.js';

const { ctx } = expecting('isError: false');

describe('isError:', () => {
    it('passes a success when success is expected', () => {
        assert.deepEqual(checkIsError(textResult('ok'), false, ctx), []);
    });

    it('passes a tool error when an error is expected', () => {
        assert.deepEqual(checkIsError(toolError('unknown state: ZZ'), true, ctx), []);
    });

    it('treats a missing isError as success', () => {
        assert.deepEqual(checkIsError({ content: [] }, false, ctx), []);
        assert.equal(checkIsError({ content: [] }, true, ctx).length, 1);
    });

    it('fails an unexpected tool error, quoting the tool’s text and pointing at `isError:`', () => {
        assert.deepEqual(checkIsError(toolError('outage reporting is unavailable'), false, ctx), [
            {
                kind: 'assert.isError',
                message: 'expected success (isError: false), but the tool reported an error: outage reporting is unavailable',
                loc: at(8, 20),
                expected: false,
                actual: true,
            },
        ]);
    });

    it('fails a success when an error was expected', () => {
        assert.deepEqual(checkIsError(textResult('Active alerts for CA'), true, ctx), [
            {
                kind: 'assert.isError',
                message: 'expected the tool to report an error (isError: true), but it succeeded',
                loc: at(8, 20),
                expected: true,
                actual: false,
            },
        ]);
    });
});
