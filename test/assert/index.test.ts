import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { assertCallResult, compileSchema } from '../../src/assert/index.js';
import { expecting, structured, textResult, toolError } from './helpers.js';

function kinds(problems: { kind: string }[]): string[] {
    return problems.map((p) => p.kind);
}

describe('assertCallResult', () => {
    it('passes a successful result when nothing is expected', () => {
        const { expect, ctx } = expecting('{}');
        assert.deepEqual(assertCallResult(textResult('hi'), expect, ctx), []);
    });

    it('expects success by default: an unexpected tool error fails with no `isError:` written', () => {
        const { expect, ctx } = expecting('text: { contains: unavailable }');
        const problems = assertCallResult(toolError('outage reporting is unavailable'), expect, ctx);
        assert.deepEqual(kinds(problems), ['assert.isError']);
        assert.match(problems[0]!.message, /but the tool reported an error: outage reporting is unavailable/);
    });

    it('reports every failed expectation as its own problem', () => {
        const { expect, ctx } = expecting('isError: true', 'text: { contains: celsius }', 'structuredContent: { unit: celsius }');
        const problems = assertCallResult(structured({ unit: 'fahrenheit' }), expect, ctx);
        assert.deepEqual(kinds(problems), ['assert.isError', 'assert.text', 'assert.structuredContent']);
    });

    it('checks a declared outputSchema even when the spec does not ask', () => {
        const { expect, ctx } = expecting('{}');
        const schema = compileSchema({ type: 'object', properties: { elevation: { type: 'number' } }, required: ['elevation'] });
        assert.deepEqual(kinds(assertCallResult(structured({ elevation: 'very high' }), expect, ctx, schema)), ['assert.outputSchema']);
    });

    it('does not check an outputSchema when the tool declares none', () => {
        const { expect, ctx } = expecting('{}');
        assert.deepEqual(assertCallResult(structured({ elevation: 'very high' }), expect, ctx, undefined), []);
    });
});
