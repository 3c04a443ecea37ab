import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readCallToolResult, readResult } from '../../src/connect/results.js';

describe('readCallToolResult', () => {
    it('returns a text-only result as sent, extra top-level fields included', () => {
        const sent = { content: [{ type: 'text', text: 'hi' }], structuredContent: { n: 1 }, isError: false, extra: 'kept' };
        assert.equal(readCallToolResult(sent), sent);
    });

    it('fills in missing content with [] as the SDK schema does', () => {
        assert.deepEqual(readCallToolResult({ structuredContent: { n: 1 } }), { content: [], structuredContent: { n: 1 } });
    });

    it('drops unknown keys of content blocks as the SDK schema does', () => {
        assert.deepEqual(readCallToolResult({ content: [{ type: 'text', text: 'hi', color: 'red' }] }), { content: [{ type: 'text', text: 'hi' }] });
    });

    it('accepts the other content types through the schema', () => {
        const image = { type: 'image', data: 'aGk=', mimeType: 'image/png' };
        assert.deepEqual(readCallToolResult({ content: [image] }), { content: [image] });
    });

    it('throws an InvalidResultError for content the schema rejects', () => {
        assert.throws(() => readCallToolResult({ content: [{ type: 'text', text: 7 }] }), { name: 'InvalidResultError' });
    });

    it('throws an InvalidResultError for an isError that is not a boolean', () => {
        assert.throws(() => readCallToolResult({ content: [], isError: 'yes' }), { name: 'InvalidResultError' });
    });

    it('throws an InvalidResultError for structuredContent that is not an object', () => {
        assert.throws(() => readCallToolResult({ content: [], structuredContent: [1, 2] }), { name: 'InvalidResultError' });
    });
});

describe('readResult', () => {
    it('returns an object as sent', () => {
        const sent = { contents: [{ uri: 'a://b', text: 'x' }] };
        assert.equal(readResult(sent), sent);
    });

    it('throws an InvalidResultError for a result that is not an object', () => {
        assert.throws(() => readResult('text'), { name: 'InvalidResultError' });
    });

    it('checks _meta through the schema', () => {
        assert.throws(() => readResult({ _meta: 'not an object' }), { name: 'InvalidResultError' });
    });
});
