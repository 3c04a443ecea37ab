/** `$ref`/`$defs` resolution (cycles included) and unions compared as sets of alternatives. */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { lookupPointer, resolveRefs } from '../../src/surface/schema/refs.js';
import { levels, obj, schemaChanges } from './helpers.js';

const S = { type: 'string' };

/** A schema whose `to` property is a `$ref` to `$defs/Location`, with `folder` limited to `max` characters. */
function withLocation(max: number, defs = '$defs'): Record<string, unknown> {
    return {
        type: 'object',
        [defs]: { Location: obj({ folder: { type: 'string', maxLength: max } }, { required: ['folder'] }) },
        properties: { to: { $ref: `#/${defs}/Location` } },
    };
}

/** A recursive tree: a node has a name and children that are nodes. */
function tree(name: Record<string, unknown>, required = ['name', 'children']): Record<string, unknown> {
    return {
        $defs: { Node: obj({ name, children: { type: 'array', items: { $ref: '#/$defs/Node' } } }, { required }) },
        $ref: '#/$defs/Node',
    };
}

describe('$ref and $defs', () => {
    test('a change inside $defs is reported where the $ref uses it', () => {
        assert.deepEqual(levels(schemaChanges(withLocation(64), withLocation(32), 'input')), [['/properties/to/properties/folder/maxLength', 'breaking']]);
    });

    test('draft-07 definitions resolve the same way', () => {
        assert.deepEqual(levels(schemaChanges(withLocation(32, 'definitions'), withLocation(64, 'definitions'), 'output')), [
            ['/properties/to/properties/folder/maxLength', 'breaking'],
        ]);
    });

    test('a definition nobody references can change freely', () => {
        const before = { ...obj({ a: S }), $defs: { Unused: { type: 'string' } } };
        const after = { ...obj({ a: S }), $defs: { Unused: { type: 'integer' } } };
        assert.deepEqual(schemaChanges(before, after, 'input'), []);
    });

    test('an inline schema and a $ref to the same schema are equal', () => {
        const inline = obj({ to: obj({ folder: { type: 'string', maxLength: 64 } }, { required: ['folder'] }) });
        assert.deepEqual(schemaChanges(inline, withLocation(64), 'input'), []);
    });

    test('a recursive schema compared with itself ends, with no change', () => {
        assert.deepEqual(schemaChanges(tree(S), tree(S), 'output'), []);
    });

    test('a change in a recursive schema is reported once, at its first use', () => {
        const changes = schemaChanges(tree(S), tree({ type: 'string', maxLength: 5 }), 'input');
        assert.deepEqual(levels(changes), [['/properties/name/maxLength', 'breaking']]);
    });

    test('a recursive output property no longer required is breaking', () => {
        assert.deepEqual(levels(schemaChanges(tree(S), tree(S, ['name']), 'output')), [['/required', 'breaking']]);
    });

    test('a recursive schema against an inline one is compared as deep as the inline one goes', () => {
        const inline = obj({ name: S, children: { type: 'array', items: obj({ name: { type: 'string', maxLength: 2 } }) } }, { required: ['name', 'children'] });
        const changes = levels(schemaChanges(tree(S), inline, 'input'));
        assert.deepEqual(changes, [
            ['/properties/children/items/properties/children', 'non-breaking'],
            ['/properties/children/items/properties/name/maxLength', 'breaking'],
            ['/properties/children/items/required', 'non-breaking'],
        ]);
    });

    test('a $ref loop with no schema in it is no crash and accepts anything', () => {
        const loop = { $defs: { A: { $ref: '#/$defs/B' }, B: { $ref: '#/$defs/A' } }, $ref: '#/$defs/A' };
        assert.deepEqual(resolveRefs(loop, loop).schema, {});
        assert.deepEqual(levels(schemaChanges(loop, S, 'input')), [['/type', 'breaking']]);
    });

    test('an unresolvable $ref is compared as text: unchanged is fine, changed is breaking both ways', () => {
        const remote = (url: string) => obj({ a: { $ref: url } });
        assert.deepEqual(schemaChanges(remote('https://example.com/a.json'), remote('https://example.com/a.json'), 'input'), []);
        const changed = schemaChanges(remote('https://example.com/a.json'), remote('https://example.com/b.json'), 'output');
        assert.deepEqual(levels(changed), [['/properties/a/$ref', 'breaking']]);
    });

    test('JSON pointers in $refs are unescaped (~0, ~1, percent-encoding)', () => {
        const root = { $defs: { 'a/b': { x: 1 }, 'c~d': { x: 2 }, 'e f': { x: 3 } } };
        assert.deepEqual(lookupPointer(root, '#/$defs/a~1b'), { x: 1 });
        assert.deepEqual(lookupPointer(root, '#/$defs/c~0d'), { x: 2 });
        assert.deepEqual(lookupPointer(root, '#/$defs/e%20f'), { x: 3 });
        assert.equal(lookupPointer(root, '#anchor'), undefined);
        assert.equal(lookupPointer(root, 'other.json#/x'), undefined);
    });

    test('siblings of a $ref apply together with its target', () => {
        const before = { $defs: { Name: S }, ...obj({ n: { $ref: '#/$defs/Name' } }) };
        const after = { $defs: { Name: S }, ...obj({ n: { $ref: '#/$defs/Name', maxLength: 3 } }) };
        assert.deepEqual(levels(schemaChanges(before, after, 'input')), [['/properties/n/maxLength', 'breaking']]);
    });
});

describe('anyOf, oneOf and allOf as sets of alternatives', () => {
    const dateOrSeconds = [{ type: 'string', format: 'date-time' }, { type: 'integer', minimum: 0 }];

    test('reordering alternatives is no change', () => {
        assert.deepEqual(schemaChanges({ anyOf: dateOrSeconds }, { anyOf: [...dateOrSeconds].reverse() }, 'input'), []);
    });

    test('an alternative removed: breaking for inputs, non-breaking for outputs', () => {
        const before = { oneOf: dateOrSeconds };
        const after = { oneOf: [dateOrSeconds[0]] };
        assert.deepEqual(levels(schemaChanges(before, after, 'input')), [['/oneOf/1', 'breaking']]);
        assert.deepEqual(levels(schemaChanges(before, after, 'output')), [['/oneOf/1', 'non-breaking']]);
    });

    test('an alternative added: non-breaking for inputs, breaking for outputs', () => {
        const before = { anyOf: [S] };
        const after = { anyOf: [S, { type: 'boolean' }] };
        assert.deepEqual(levels(schemaChanges(before, after, 'input')), [['/anyOf/1', 'non-breaking']]);
        assert.deepEqual(levels(schemaChanges(before, after, 'output')), [['/anyOf/1', 'breaking']]);
    });

    test('a changed alternative is paired by kind and compared inside', () => {
        const before = { anyOf: [{ type: 'integer', minimum: 0 }, { type: 'string', maxLength: 10 }] };
        const after = { anyOf: [{ type: 'string', maxLength: 5 }, { type: 'integer', minimum: 0 }] };
        assert.deepEqual(levels(schemaChanges(before, after, 'input')), [['/anyOf/0/maxLength', 'breaking']]);
    });

    test('object alternatives are paired by their discriminator', () => {
        const shape = (kind: string, extra: Record<string, unknown>) => obj({ kind: { const: kind }, ...extra }, { required: ['kind'] });
        const before = { oneOf: [shape('circle', { r: { type: 'number' } }), shape('square', { side: { type: 'number' } })] };
        const after = { oneOf: [shape('square', { side: { type: 'number', minimum: 1 } }), shape('circle', { r: { type: 'number' } })] };
        assert.deepEqual(levels(schemaChanges(before, after, 'input')), [['/oneOf/0/properties/side/minimum', 'breaking']]);
    });

    test('alternatives reached through $ref are compared by their content', () => {
        const before = { $defs: { A: S, B: { type: 'number' } }, anyOf: [{ $ref: '#/$defs/A' }, { $ref: '#/$defs/B' }] };
        const after = { $defs: { A: S }, anyOf: [{ $ref: '#/$defs/A' }] };
        assert.deepEqual(levels(schemaChanges(before, after, 'input')), [['/anyOf/1', 'breaking']]);
    });

    test('an allOf member added narrows: breaking for inputs, non-breaking for outputs', () => {
        const before = { allOf: [obj({ a: S })] };
        const after = { allOf: [obj({ a: S }), { required: ['a'] }] };
        assert.deepEqual(levels(schemaChanges(before, after, 'input')), [['/allOf/1', 'breaking']]);
        assert.deepEqual(levels(schemaChanges(before, after, 'output')), [['/allOf/1', 'non-breaking']]);
    });

    test('anyOf next to other keywords is still compared as a set', () => {
        const before = obj({ a: S, b: S }, { anyOf: [{ required: ['a'] }, { required: ['b'] }] });
        const after = obj({ a: S, b: S }, { anyOf: [{ required: ['b'] }, { required: ['a'] }, { required: ['c'] }] });
        assert.deepEqual(levels(schemaChanges(before, after, 'output')), [['/anyOf/2', 'breaking']]);
    });

    test('anyOf becoming oneOf narrows', () => {
        const before = obj({}, { anyOf: [{ required: ['a'] }, { required: ['b'] }] });
        const after = obj({}, { oneOf: [{ required: ['a'] }, { required: ['b'] }] });
        assert.deepEqual(levels(schemaChanges(before, after, 'input')), [['/oneOf', 'breaking']]);
    });

    test('not turns narrowing into widening', () => {
        const before = { not: { type: 'string', maxLength: 3 } };
        const after = { not: { type: 'string', maxLength: 5 } };
        assert.deepEqual(levels(schemaChanges(before, after, 'input')), [['/not/maxLength', 'breaking']]);
        assert.deepEqual(levels(schemaChanges(before, after, 'output')), [['/not/maxLength', 'non-breaking']]);
    });
});

describe('nullable unions', () => {
    const spellings: [string, unknown][] = [
        ['type list', { type: ['string', 'null'] }],
        ['type list, null first', { type: ['null', 'string'] }],
        ['nullable: true', { type: 'string', nullable: true }],
        ['anyOf', { anyOf: [S, { type: 'null' }] }],
        ['oneOf', { oneOf: [{ type: 'null' }, S] }],
    ];
    for (const [name, schema] of spellings) {
        test(`${name} means the same as the other spellings`, () => {
            for (const [, other] of spellings) assert.deepEqual(schemaChanges(schema, other, 'output'), []);
        });
    }

    test('keywords of a type list apply to their own type only', () => {
        const before = { type: ['string', 'null'], maxLength: 10, enum: ['a', 'b', null] };
        const after = { type: ['string', 'null'], maxLength: 5, enum: ['a', 'b', null] };
        assert.deepEqual(levels(schemaChanges(before, after, 'input')), [['/maxLength', 'breaking']]);
    });

    test('null no longer allowed: breaking for inputs, non-breaking for outputs', () => {
        const before = { type: ['integer', 'null'] };
        const after = { type: 'integer' };
        assert.deepEqual(levels(schemaChanges(before, after, 'input')), [['/type', 'breaking']]);
        assert.deepEqual(levels(schemaChanges(before, after, 'output')), [['/type', 'non-breaking']]);
    });

    test('null removed from an enum is an enum value removed', () => {
        const before = { enum: ['a', null] };
        const after = { enum: ['a'] };
        assert.deepEqual(levels(schemaChanges(before, after, 'input')), [['/enum', 'breaking']]);
    });
});
