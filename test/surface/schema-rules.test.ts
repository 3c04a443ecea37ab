/**
 * The schema diff, rule by rule, on small hand-written schemas. Each rule is checked in both
 * directions: the same change in an `inputSchema` (clients send) and in an `outputSchema`
 * (clients read) gets opposite classifications, except changes that are breaking either way.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { levels, obj, schemaChanges } from './helpers.js';

interface Rule {
    rule: string;
    before: unknown;
    after: unknown;
    /** Where the single change is reported. */
    pointer: string;
    input: 'breaking' | 'non-breaking' | 'info';
    output: 'breaking' | 'non-breaking' | 'info';
}

const S = { type: 'string' };

/** Inputs: narrowing is breaking. Outputs: the same narrowing is harmless. */
const NARROWING: Rule[] = [
    { rule: 'a new required property', before: obj({ a: S }), after: obj({ a: S, b: S }, { required: ['b'] }), pointer: '/properties/b', input: 'breaking', output: 'non-breaking' },
    { rule: 'an existing property made required', before: obj({ a: S }), after: obj({ a: S }, { required: ['a'] }), pointer: '/required', input: 'breaking', output: 'non-breaking' },
    { rule: 'a type narrowed from number to integer', before: { type: 'number' }, after: { type: 'integer' }, pointer: '/type', input: 'breaking', output: 'non-breaking' },
    { rule: 'a type removed from a type list', before: { type: ['string', 'number'] }, after: { type: 'string' }, pointer: '/type', input: 'breaking', output: 'non-breaking' },
    { rule: 'a type added where any type was allowed', before: {}, after: S, pointer: '/type', input: 'breaking', output: 'non-breaking' },
    { rule: 'an enum value removed', before: { type: 'string', enum: ['a', 'b'] }, after: { type: 'string', enum: ['a'] }, pointer: '/enum', input: 'breaking', output: 'non-breaking' },
    { rule: 'an enum added', before: S, after: { type: 'string', enum: ['a'] }, pointer: '/enum', input: 'breaking', output: 'non-breaking' },
    { rule: 'const added', before: S, after: { type: 'string', const: 'a' }, pointer: '/const', input: 'breaking', output: 'non-breaking' },
    { rule: 'minimum raised', before: { type: 'number', minimum: 0 }, after: { type: 'number', minimum: 1 }, pointer: '/minimum', input: 'breaking', output: 'non-breaking' },
    { rule: 'maximum added', before: { type: 'number' }, after: { type: 'number', maximum: 9 }, pointer: '/maximum', input: 'breaking', output: 'non-breaking' },
    { rule: 'minimum made exclusive', before: { type: 'number', minimum: 0 }, after: { type: 'number', exclusiveMinimum: 0 }, pointer: '/exclusiveMinimum', input: 'breaking', output: 'non-breaking' },
    { rule: 'exclusiveMaximum lowered', before: { type: 'number', exclusiveMaximum: 10 }, after: { type: 'number', exclusiveMaximum: 5 }, pointer: '/exclusiveMaximum', input: 'breaking', output: 'non-breaking' },
    { rule: 'maxLength tightened', before: { type: 'string', maxLength: 10 }, after: { type: 'string', maxLength: 5 }, pointer: '/maxLength', input: 'breaking', output: 'non-breaking' },
    { rule: 'minLength raised', before: { type: 'string', minLength: 1 }, after: { type: 'string', minLength: 3 }, pointer: '/minLength', input: 'breaking', output: 'non-breaking' },
    { rule: 'maxItems added', before: { type: 'array' }, after: { type: 'array', maxItems: 3 }, pointer: '/maxItems', input: 'breaking', output: 'non-breaking' },
    { rule: 'minItems raised', before: { type: 'array', minItems: 0 }, after: { type: 'array', minItems: 2 }, pointer: '/minItems', input: 'breaking', output: 'non-breaking' },
    { rule: 'maxProperties tightened', before: { type: 'object', maxProperties: 5 }, after: { type: 'object', maxProperties: 2 }, pointer: '/maxProperties', input: 'breaking', output: 'non-breaking' },
    { rule: 'multipleOf added', before: { type: 'number' }, after: { type: 'number', multipleOf: 5 }, pointer: '/multipleOf', input: 'breaking', output: 'non-breaking' },
    { rule: 'uniqueItems added', before: { type: 'array' }, after: { type: 'array', uniqueItems: true }, pointer: '/uniqueItems', input: 'breaking', output: 'non-breaking' },
    { rule: 'a pattern added', before: S, after: { type: 'string', pattern: '^[a-z]+$' }, pointer: '/pattern', input: 'breaking', output: 'non-breaking' },
    { rule: 'a format added', before: S, after: { type: 'string', format: 'email' }, pointer: '/format', input: 'breaking', output: 'non-breaking' },
    { rule: 'additionalProperties closed', before: obj({ a: S }), after: obj({ a: S }, { additionalProperties: false }), pointer: '/additionalProperties', input: 'breaking', output: 'non-breaking' },
    { rule: 'items narrowed', before: { type: 'array', items: { type: 'number' } }, after: { type: 'array', items: { type: 'integer' } }, pointer: '/items/type', input: 'breaking', output: 'non-breaking' },
    { rule: 'a nested bound tightened', before: obj({ a: obj({ b: { type: 'string', maxLength: 9 } }) }), after: obj({ a: obj({ b: { type: 'string', maxLength: 3 } }) }), pointer: '/properties/a/properties/b/maxLength', input: 'breaking', output: 'non-breaking' },
]; // prettier-ignore

/** Outputs: widening is breaking. Inputs: the same widening is harmless. */
const WIDENING: Rule[] = [
    { rule: 'a type widened from integer to number', before: { type: 'integer' }, after: { type: 'number' }, pointer: '/type', input: 'non-breaking', output: 'breaking' },
    { rule: 'a type added to a type list', before: S, after: { type: ['string', 'number'] }, pointer: '/type', input: 'non-breaking', output: 'breaking' },
    { rule: 'made nullable with a type list', before: S, after: { type: ['string', 'null'] }, pointer: '/type', input: 'non-breaking', output: 'breaking' },
    { rule: 'made nullable with nullable: true', before: S, after: { type: 'string', nullable: true }, pointer: '/type', input: 'non-breaking', output: 'breaking' },
    { rule: 'made nullable with anyOf', before: S, after: { anyOf: [S, { type: 'null' }] }, pointer: '/anyOf/1', input: 'non-breaking', output: 'breaking' },
    { rule: 'an enum value added', before: { type: 'string', enum: ['a'] }, after: { type: 'string', enum: ['a', 'b'] }, pointer: '/enum', input: 'non-breaking', output: 'breaking' },
    { rule: 'const removed', before: { type: 'string', const: 'a' }, after: S, pointer: '/const', input: 'non-breaking', output: 'breaking' },
    { rule: 'maxLength loosened', before: { type: 'string', maxLength: 5 }, after: { type: 'string', maxLength: 10 }, pointer: '/maxLength', input: 'non-breaking', output: 'breaking' },
    { rule: 'minimum removed', before: { type: 'number', minimum: 1 }, after: { type: 'number' }, pointer: '/minimum', input: 'non-breaking', output: 'breaking' },
    { rule: 'maxItems removed', before: { type: 'array', maxItems: 3 }, after: { type: 'array' }, pointer: '/maxItems', input: 'non-breaking', output: 'breaking' },
    { rule: 'a pattern removed', before: { type: 'string', pattern: '^a' }, after: S, pointer: '/pattern', input: 'non-breaking', output: 'breaking' },
    { rule: 'a format removed', before: { type: 'string', format: 'uri' }, after: S, pointer: '/format', input: 'non-breaking', output: 'breaking' },
    { rule: 'a property no longer required', before: obj({ a: S }, { required: ['a'] }), after: obj({ a: S }), pointer: '/required', input: 'non-breaking', output: 'breaking' },
    { rule: 'a property removed from an open object', before: obj({ a: S, b: S }), after: obj({ a: S }), pointer: '/properties/b', input: 'non-breaking', output: 'breaking' },
    { rule: 'a required property removed from an open object', before: obj({ a: S, b: S }, { required: ['b'] }), after: obj({ a: S }), pointer: '/properties/b', input: 'non-breaking', output: 'breaking' },
    { rule: 'additionalProperties opened', before: obj({ a: S }, { additionalProperties: false }), after: obj({ a: S }), pointer: '/additionalProperties', input: 'non-breaking', output: 'breaking' },
    { rule: 'uniqueItems removed', before: { type: 'array', uniqueItems: true }, after: { type: 'array' }, pointer: '/uniqueItems', input: 'non-breaking', output: 'breaking' },
    { rule: 'the type constraint removed', before: S, after: {}, pointer: '/type', input: 'non-breaking', output: 'breaking' },
]; // prettier-ignore

/** Changes that break clients whichever way the data flows, or none. */
const EITHER_WAY: Rule[] = [
    { rule: 'a property removed while additionalProperties is false', before: obj({ a: S, b: S }, { additionalProperties: false }), after: obj({ a: S }, { additionalProperties: false }), pointer: '/properties/b', input: 'breaking', output: 'breaking' },
    { rule: 'a pattern changed', before: { type: 'string', pattern: '^a' }, after: { type: 'string', pattern: '^b' }, pointer: '/pattern', input: 'breaking', output: 'breaking' },
    { rule: 'a format changed', before: { type: 'string', format: 'date' }, after: { type: 'string', format: 'date-time' }, pointer: '/format', input: 'breaking', output: 'breaking' },
    { rule: 'a type changed to an unrelated one', before: S, after: { type: 'integer' }, pointer: '/type', input: 'breaking', output: 'breaking' },
    { rule: 'enum values both removed and added', before: { enum: ['a', 'b'] }, after: { enum: ['a', 'c'] }, pointer: '/enum', input: 'breaking', output: 'breaking' },
    { rule: 'const changed', before: { const: 'a' }, after: { const: 'b' }, pointer: '/const', input: 'breaking', output: 'breaking' },
    { rule: 'multipleOf changed to a non-multiple', before: { type: 'number', multipleOf: 2 }, after: { type: 'number', multipleOf: 3 }, pointer: '/multipleOf', input: 'breaking', output: 'breaking' },
    { rule: 'an optional property added', before: obj({ a: S }), after: obj({ a: S, b: S }), pointer: '/properties/b', input: 'non-breaking', output: 'non-breaking' },
    { rule: 'an optional property added to a closed object', before: obj({ a: S }, { additionalProperties: false }), after: obj({ a: S, b: S }, { additionalProperties: false }), pointer: '/properties/b', input: 'non-breaking', output: 'non-breaking' },
    { rule: 'a description changed', before: { type: 'string', description: 'a' }, after: { type: 'string', description: 'b' }, pointer: '/description', input: 'info', output: 'info' },
    { rule: 'a nested title added', before: obj({ a: S }), after: obj({ a: { type: 'string', title: 'A' } }), pointer: '/properties/a/title', input: 'info', output: 'info' },
    { rule: 'a default changed', before: { type: 'number', default: 1 }, after: { type: 'number', default: 2 }, pointer: '/default', input: 'info', output: 'info' },
    { rule: 'an unknown keyword changed (no validation effect)', before: { type: 'string', 'x-ui': 'a' }, after: { type: 'string', 'x-ui': 'b' }, pointer: '/x-ui', input: 'info', output: 'info' },
]; // prettier-ignore

for (const [title, rules] of [
    ['narrowing: breaking for inputs, non-breaking for outputs', NARROWING],
    ['widening: non-breaking for inputs, breaking for outputs', WIDENING],
    ['the same classification in both directions', EITHER_WAY],
] as const) {
    describe(title, () => {
        for (const r of rules) {
            test(`${r.rule}: input ${r.input}, output ${r.output}`, () => {
                assert.deepEqual(levels(schemaChanges(r.before, r.after, 'input')), [[r.pointer, r.input]]);
                assert.deepEqual(levels(schemaChanges(r.before, r.after, 'output')), [[r.pointer, r.output]]);
            });
        }
    });
}

describe('reasons', () => {
    test('say what changed, with the old and new values', () => {
        const reasons = (before: unknown, after: unknown) => schemaChanges(before, after, 'input').map((c) => c.reason);
        assert.deepEqual(reasons({ type: 'string', maxLength: 10 }, { type: 'string', maxLength: 5 }), ['maxLength tightened from 10 to 5']);
        assert.deepEqual(reasons({ type: 'number', minimum: 0 }, { type: 'number', exclusiveMinimum: 0 }), ['exclusiveMinimum tightened from ≥ 0 to > 0']);
        assert.deepEqual(reasons({ enum: ['a', 'b', 'c'] }, { enum: ['a'] }), ['enum values removed: "b", "c"']);
        assert.deepEqual(reasons(obj({}), obj({ id: S }, { required: ['id'] })), ['new required property "id"']);
        assert.deepEqual(reasons(S, { type: ['string', 'null'] }), ['type "null" now allowed']);
    });

    test('a description change carries both texts', () => {
        const [change] = schemaChanges({ description: 'Old.' }, { description: 'New.' }, 'input');
        assert.equal(change?.before, 'Old.');
        assert.equal(change?.after, 'New.');
    });

    test('equal schemas give no change, whatever the key order', () => {
        const a = { type: 'object', properties: { x: { type: 'string', maxLength: 3 } }, required: ['x'] };
        const b = { required: ['x'], properties: { x: { maxLength: 3, type: 'string' } }, type: 'object' };
        assert.deepEqual(schemaChanges(a, b, 'input'), []);
    });

    test('several changes come sorted by pointer', () => {
        const before = obj({ z: { type: 'string' }, a: { type: 'string' } });
        const after = obj({ z: { type: 'string', maxLength: 1 }, a: { type: 'string', maxLength: 1 } });
        assert.deepEqual(
            schemaChanges(before, after, 'input').map((c) => c.pointer),
            ['/properties/a/maxLength', '/properties/z/maxLength'],
        );
    });
});
