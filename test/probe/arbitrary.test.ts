import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { compileSchema } from '../../src/assert/json-schema.js';
import { schemaArbitrary } from '../../src/probe/arbitrary.js';
import { invalidVariants, wrongTypeArbitrary } from '../../src/probe/invalid.js';
import { checkSeed } from '../../src/probe/seed.js';

/** Schemas in the subset the translator understands: every value it generates must validate. */
const SUPPORTED: Record<string, unknown> = {
    'integer with bounds': { type: 'integer', minimum: -3, maximum: 7 },
    'exclusive bounds (2020-12)': { type: 'number', exclusiveMinimum: 0, exclusiveMaximum: 1 },
    'exclusive integer bounds': { type: 'integer', exclusiveMinimum: 0, exclusiveMaximum: 10 },
    'only a lower bound, far away': { type: 'integer', minimum: 1e12 },
    'integer multipleOf': { type: 'integer', multipleOf: 5, minimum: 1, maximum: 100 },
    'string lengths': { type: 'string', minLength: 2, maxLength: 5 },
    'string pattern': { type: 'string', pattern: '^[A-Z]{2}-\\d{3}$' },
    formats: {
        type: 'object',
        properties: {
            email: { type: 'string', format: 'email' },
            id: { type: 'string', format: 'uuid' },
            at: { type: 'string', format: 'date-time' },
            day: { type: 'string', format: 'date' },
            ip: { type: 'string', format: 'ipv4' },
        },
        required: ['email', 'id', 'at', 'day', 'ip'],
    },
    'enum and const': { type: 'object', properties: { unit: { enum: ['celsius', 'fahrenheit'] }, v: { const: 2 } }, required: ['unit', 'v'] },
    'nullable type list': { type: 'object', properties: { note: { type: ['string', 'null'], maxLength: 3 } }, required: ['note'] },
    'OpenAPI nullable': { type: 'object', properties: { n: { type: 'integer', nullable: true } }, required: ['n'] },
    'closed object': {
        type: 'object',
        properties: { latitude: { type: 'number', minimum: -90, maximum: 90 }, longitude: { type: 'number', minimum: -180, maximum: 180 } },
        required: ['latitude', 'longitude'],
        additionalProperties: false,
    },
    arrays: {
        type: 'object',
        properties: {
            tags: { type: 'array', items: { type: 'string', minLength: 1 }, minItems: 1, maxItems: 4, uniqueItems: true },
            pair: { type: 'array', prefixItems: [{ type: 'integer' }, { type: 'boolean' }], minItems: 2, items: false },
        },
        required: ['tags', 'pair'],
    },
    'anyOf / oneOf': {
        type: 'object',
        properties: {
            when: { anyOf: [{ type: 'string', format: 'date' }, { type: 'integer', minimum: 0 }] },
            shape: {
                oneOf: [
                    { type: 'object', properties: { kind: { const: 'circle' }, r: { type: 'number', minimum: 0 } }, required: ['kind', 'r'] },
                    { type: 'object', properties: { kind: { const: 'square' }, side: { type: 'number', minimum: 0 } }, required: ['kind', 'side'] },
                ],
            },
        },
        required: ['when', 'shape'],
    },
    allOf: { allOf: [{ type: 'object', properties: { a: { type: 'integer' } }, required: ['a'] }, { properties: { b: { type: 'boolean' } }, required: ['b'] }] },
    'recursive $ref to $defs': {
        $defs: {
            node: { type: 'object', properties: { name: { type: 'string' }, children: { type: 'array', items: { $ref: '#/$defs/node' } } }, required: ['name'] },
        },
        type: 'object',
        properties: { root: { $ref: '#/$defs/node' } },
        required: ['root'],
    },
    'draft-07 definitions': {
        $schema: 'http://json-schema.org/draft-07/schema#',
        definitions: { id: { type: 'string', pattern: '^n-\\d+$' } },
        type: 'object',
        properties: { id: { $ref: '#/definitions/id' } },
        required: ['id'],
    },
    'additionalProperties schema': { type: 'object', additionalProperties: { type: 'integer' } },
    'any value': {},
};

function validator(schema: unknown): (value: unknown) => boolean {
    const compiled = compileSchema(schema);
    assert.ok(compiled.ok, `test schema must compile: ${compiled.ok ? '' : compiled.error}`);
    return (value) => compiled.validate(value) === true;
}

describe('schemaArbitrary', () => {
    it('generates only values that validate, for every schema in the supported subset (property)', () => {
        const names = Object.keys(SUPPORTED);
        fc.assert(
            fc.property(fc.constantFrom(...names), fc.integer(), (name, seed) => {
                const schema = SUPPORTED[name];
                const arbitrary = schemaArbitrary(schema);
                assert.ok(arbitrary, `${name}: no arbitrary`);
                const validate = validator(schema);
                for (const value of fc.sample(arbitrary, { seed, numRuns: 30 })) {
                    assert.ok(validate(value), `${name}: generated ${JSON.stringify(value)}, which does not validate`);
                }
            }),
            { seed: 20250101, numRuns: 60 },
        );
    });

    it('is deterministic: the same seed gives the same values', () => {
        for (const [name, schema] of Object.entries(SUPPORTED)) {
            const arbitrary = schemaArbitrary(schema)!;
            assert.deepEqual(fc.sample(arbitrary, { seed: 99, numRuns: 20 }), fc.sample(arbitrary, { seed: 99, numRuns: 20 }), name);
        }
    });

    it('reaches boundary values such as 0 early', () => {
        const values = fc.sample(schemaArbitrary({ type: 'number' })!, { seed: 1, numRuns: 100 });
        assert.ok(values.includes(0), `no 0 among ${values.length} numbers`);
    });

    it('returns undefined when nothing can be generated', () => {
        assert.equal(schemaArbitrary(false), undefined);
        assert.equal(schemaArbitrary({ enum: [] }), undefined);
        assert.equal(schemaArbitrary({ type: 'integer', minimum: 5, maximum: 4 }), undefined);
        assert.equal(schemaArbitrary({ allOf: [{ type: 'string' }, { type: 'integer' }] }), undefined);
        // A required property that can only recurse forever.
        assert.equal(schemaArbitrary({ $defs: { loop: { type: 'object', properties: { next: { $ref: '#/$defs/loop' } }, required: ['next'] } }, $ref: '#/$defs/loop' }), undefined);
    });

    it('generates something for unknown keywords, leaving their check to Ajv', () => {
        const schema = { type: 'object', properties: { n: { type: 'integer' } }, required: ['n'], not: { properties: { n: { const: 0 } } } };
        const values = fc.sample(schemaArbitrary(schema)!, { seed: 3, numRuns: 50 });
        const validate = validator(schema);
        assert.ok(values.some((v) => validate(v)), 'some values validate');
        assert.ok(values.some((v) => !validate(v)), 'and some do not: the probe drops those');
    });
});

describe('invalid variants', () => {
    const schema = {
        type: 'object',
        properties: { name: { type: 'string' }, count: { type: 'integer' }, tags: { type: 'array', items: { type: 'string' } }, any: {} },
        required: ['name', 'count'],
    };

    it('leave out each required property once and give each typed property a wrong type', () => {
        const valid = schemaArbitrary(schema)! as fc.Arbitrary<Record<string, unknown>>;
        const variants = invalidVariants(schema, valid);
        assert.deepEqual(
            variants.map((v) => v.name),
            ['without required "name"', 'without required "count"', 'wrong type for "name" (not string)', 'wrong type for "count" (not integer)', 'wrong type for "tags" (not array)'],
        );
        const validate = validator(schema);
        for (const variant of variants) {
            for (const value of fc.sample(variant.arbitrary, { seed: 5, numRuns: 40 })) {
                assert.equal(validate(value), false, `${variant.name}: ${JSON.stringify(value)} validates`);
                if (variant.kind === 'missing') assert.equal(variant.property in value, false);
            }
        }
    });

    it('wrong-type values never have an allowed type (property)', () => {
        const typeOf = (v: unknown) => (v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v === 'number' ? (Number.isInteger(v) ? 'integer' : 'number') : typeof v);
        const all = ['string', 'number', 'integer', 'boolean', 'null', 'array', 'object'];
        fc.assert(
            fc.property(fc.subarray(all, { minLength: 1, maxLength: 6 }), fc.integer(), (allowed, seed) => {
                const arbitrary = wrongTypeArbitrary(allowed);
                if (!arbitrary) return;
                for (const value of fc.sample(arbitrary, { seed, numRuns: 20 })) {
                    const type = typeOf(value);
                    const ok = allowed.includes(type) || (type === 'integer' && allowed.includes('number'));
                    assert.equal(ok, false, `allowed ${allowed.join(',')}, generated ${JSON.stringify(value)}`);
                }
            }),
            { seed: 11, numRuns: 100 },
        );
    });

    it('shrink towards a plain wrong value: 0 for a string', () => {
        const result = fc.check(fc.property(wrongTypeArbitrary(['string'])!, () => false), { seed: 1 });
        assert.deepEqual(result.counterexample, [0]);
    });
});

describe('checkSeed', () => {
    it('is stable and differs per tool and check', () => {
        assert.equal(checkSeed(42, 'ratio', 'valid arguments'), checkSeed(42, 'ratio', 'valid arguments'));
        assert.notEqual(checkSeed(42, 'ratio', 'valid arguments'), checkSeed(42, 'lenient', 'valid arguments'));
        assert.notEqual(checkSeed(42, 'ratio', 'valid arguments'), checkSeed(43, 'ratio', 'valid arguments'));
    });
});
