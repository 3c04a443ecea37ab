import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { compileSchema } from '../../src/assert/json-schema.js';
import { checkOutputSchema } from '../../src/assert/output-schema.js';
import { structured, textResult, toolError } from './helpers.js';

// The weather fixture's get_station contract.
const STATION = compileSchema({
    type: 'object',
    properties: { id: { type: 'string' }, name: { type: 'string' }, elevation: { type: 'number' } },
    required: ['id', 'elevation'],
});

describe('outputSchema (implicit check of a tool’s own contract)', () => {
    it('passes structured content that matches', () => {
        assert.deepEqual(checkOutputSchema(structured({ id: 'KSFO', name: 'San Francisco', elevation: 4 }), STATION), []);
    });

    it('fails content that violates it, with one detail per violation', () => {
        const content = { id: 'broken', name: 'Broken Station', elevation: 'very high' };
        assert.deepEqual(checkOutputSchema(structured(content), STATION), [
            {
                kind: 'assert.outputSchema',
                message: "structuredContent does not match the tool's own outputSchema",
                details: ['/elevation: must be number'],
                actual: content,
            },
        ]);
    });

    it('lists every violation', () => {
        const [problem] = checkOutputSchema(structured({ id: 7 }), STATION);
        assert.deepEqual(problem?.details, ["(root): must have required property 'elevation'", '/id: must be string']);
    });

    it('fails a success that has no structuredContent', () => {
        assert.deepEqual(checkOutputSchema(textResult('{"id":"KSFO","elevation":4}'), STATION), [
            { kind: 'assert.outputSchema', message: 'the tool declares an outputSchema but returned no structuredContent' },
        ]);
    });

    it('does not apply to tool errors', () => {
        assert.deepEqual(checkOutputSchema(toolError('station not found'), STATION), []);
    });

    it('fails when the declared outputSchema itself does not compile', () => {
        const [problem] = checkOutputSchema(structured({ id: 'KSFO' }), compileSchema({ type: 'not-a-type' }));
        assert.equal(problem?.kind, 'assert.outputSchema');
        assert.match(problem?.message ?? '', /^the tool's outputSchema does not compile: schema is invalid/);
    });
});
