import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Ajv } from 'ajv';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { compileSchema, formatAjvErrors, type CompiledSchema } from '../../src/assert/json-schema.js';

const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as (ajv: Ajv | Ajv2020) => void;

const DRAFT_07 = 'http://json-schema.org/draft-07/schema#';
const DRAFT_2020 = 'https://json-schema.org/draft/2020-12/schema';

function compiled(schema: unknown): Extract<CompiledSchema, { ok: true }>['validate'] {
    const result = compileSchema(schema);
    assert.ok(result.ok, `expected the schema to compile: ${result.ok ? '' : result.error}`);
    return result.validate;
}

function errorsFor(schema: unknown, value: unknown): string[] {
    const validate = compiled(schema);
    assert.equal(validate(value), false, 'expected the value to be rejected');
    return formatAjvErrors(validate.errors);
}

describe('compileSchema', () => {
    describe('dialect', () => {
        const tuple = { type: 'array', prefixItems: [{ type: 'string' }, { type: 'number' }], items: false };

        it('is JSON Schema 2020-12 when the schema names none', () => {
            const validate = compiled(tuple);
            assert.equal(validate(['KSFO', 4]), true);
            assert.equal(validate(['KSFO', 'high']), false, 'prefixItems is a 2020-12 keyword and applies');
            assert.equal(validate(['KSFO', 4, 'extra']), false);
        });

        it('is 2020-12 when `$schema` says so', () => {
            assert.equal(compiled({ $schema: DRAFT_2020, ...tuple })(['KSFO', 'high']), false);
        });

        it('is draft-07 when `$schema` names draft-07: array-form `items` is a tuple there', () => {
            const validate = compiled({ $schema: DRAFT_07, type: 'array', items: [{ type: 'string' }, { type: 'number' }], additionalItems: false });
            assert.equal(validate(['KSFO', 4]), true);
            assert.equal(validate(['KSFO', 'high']), false);
            assert.equal(validate(['KSFO', 4, 'extra']), false);
        });

        it('ignores 2020-12 keywords under draft-07', () => {
            const { items: _closed, ...open } = tuple;
            assert.equal(compiled(open)(['KSFO', 'high']), false, 'applies under 2020-12');
            assert.equal(compiled({ $schema: DRAFT_07, ...open })(['KSFO', 'high']), true, 'ignored under draft-07');
        });

        it('rejects draft-07 array-form `items` under the 2020-12 default', () => {
            const result = compileSchema({ type: 'array', items: [{ type: 'string' }] });
            assert.equal(result.ok, false);
        });

        it('resolves `definitions` references in draft-07 and `$defs` in 2020-12', () => {
            const d7 = compiled({ $schema: DRAFT_07, definitions: { n: { type: 'number' } }, properties: { x: { $ref: '#/definitions/n' } } });
            const d2020 = compiled({ $defs: { n: { type: 'number' } }, properties: { x: { $ref: '#/$defs/n' } } });
            for (const validate of [d7, d2020]) {
                assert.equal(validate({ x: 1 }), true);
                assert.equal(validate({ x: 'one' }), false);
            }
        });

        it('understands 2019-09 when `$schema` names it', () => {
            const validate = compiled({ $schema: 'https://json-schema.org/draft/2019-09/schema', dependentRequired: { latitude: ['longitude'] } });
            assert.equal(validate({ latitude: 1 }), false);
            assert.equal(validate({ latitude: 1, longitude: 2 }), true);
        });
    });

    describe('schemas that do not compile', () => {
        it('returns { ok: false } with Ajv’s reason for an invalid keyword value', () => {
            const result = compileSchema({ type: 'object', properties: { x: { type: 'not-a-type' } } });
            assert.equal(result.ok, false);
            assert.match(result.ok ? '' : result.error, /schema is invalid: data\/properties\/x\/type/);
        });

        it('says what Ajv’s own check of a schema says, word for word, in draft-07 and 2020-12', () => {
            // The meta-schema validators are compiled at build time; Ajv at run time is the reference.
            const broken = [
                { type: 'object', properties: { x: { type: 'not-a-type' } } },
                { type: 'object', required: 'x', properties: 3 },
                { minLength: -1, maxItems: 'ten', enum: [], items: [{ type: 1 }], $anchor: '1 bad' },
                { anyOf: [], allOf: {}, not: 5, additionalProperties: 'no', $ref: 7, format: 9 },
                { $defs: { a: { type: ['string', 'string'] } }, dependentRequired: { a: [1] }, pattern: 5 },
            ];
            for (const [dialect, Engine] of [[DRAFT_07, Ajv], [DRAFT_2020, Ajv2020]] as const) {
                const reference = new Engine({ allErrors: true, strict: false, addUsedSchema: false });
                addFormats(reference);
                for (const schema of broken) {
                    assert.equal(reference.validateSchema(schema), false, JSON.stringify(schema));
                    const result = compileSchema({ ...schema, $schema: dialect });
                    assert.deepEqual(result.ok ? undefined : result.error, `schema is invalid: ${reference.errorsText(reference.errors)}`, `${dialect} ${JSON.stringify(schema)}`);
                }
            }
        });

        it('returns { ok: false } for a schema that is not an object', () => {
            assert.deepEqual(compileSchema('object'), { ok: false, error: 'schema must be an object, got string' });
            assert.deepEqual(compileSchema(null), { ok: false, error: 'schema must be an object, got null' });
            assert.deepEqual(compileSchema([]), { ok: false, error: 'schema must be an object, got array' });
        });

        it('returns { ok: false } for an unresolvable $ref instead of throwing', () => {
            const result = compileSchema({ properties: { x: { $ref: '#/$defs/nowhere' } } });
            assert.equal(result.ok, false);
        });
    });

    it('accepts unknown keywords (published schemas carry vendor extensions)', () => {
        assert.equal(compiled({ type: 'object', 'x-vendor': true, properties: { a: { type: 'string', deprecated: true } } })({ a: 'b' }), true);
    });

    it('checks formats', () => {
        assert.deepEqual(errorsFor({ type: 'string', format: 'date' }, 'yesterday'), ['(root): must match format "date"']);
    });

    it('lets two tools publish different schemas under the same $id', () => {
        const first = compiled({ $id: 'https://example.com/station.json', type: 'string' });
        const second = compiled({ $id: 'https://example.com/station.json', type: 'number' });
        assert.equal(first('KSFO'), true);
        assert.equal(second(4), true);
        assert.equal(second('KSFO'), false);
    });
});

describe('formatAjvErrors', () => {
    it('gives one line per error: path, message and the offending name or allowed values', () => {
        const schema = {
            type: 'object',
            properties: { state: { type: 'string', pattern: '^[A-Z]{2}$' }, unit: { enum: ['celsius', 'fahrenheit'] } },
            required: ['state'],
            additionalProperties: false,
        };
        assert.deepEqual(errorsFor(schema, { unit: 'kelvin', extra: 1 }), [
            "(root): must have required property 'state'",
            '(root): must NOT have additional properties "extra"',
            '/unit: must be equal to one of the allowed values: ["celsius","fahrenheit"]',
        ]);
        assert.deepEqual(errorsFor(schema, { state: 'california' }), ['/state: must match pattern "^[A-Z]{2}$"']);
    });

    it('gives no lines when there are no errors', () => {
        assert.deepEqual(formatAjvErrors(null), []);
        assert.deepEqual(formatAjvErrors(undefined), []);
    });
});
