/**
 * JSON Schema → fast-check arbitrary, for the subset tool schemas use: `type` (also as a list,
 * and OpenAPI `nullable`), `properties`/`required`, `enum`/`const`, number and string bounds,
 * `format`, `pattern`, arrays, `anyOf`/`oneOf` (one branch), `allOf` (folded), and local `$ref`s
 * to a limited depth. Keywords it does not know are ignored here: callers check every value
 * with Ajv and drop the ones the schema rejects, so "valid" values are really valid.
 */
import fc, { type Arbitrary } from 'fast-check';
import { integerArbitrary, nonNegativeInteger, numberArbitrary, stringArbitrary } from './scalars.js';
import { allowedTypes, isObject, mergeSchemas, resolveRef, type JsonType, type SchemaObject } from './schema.js';

export interface ArbitraryOptions {
    /** How many `$ref`s one value may pass through (recursive schemas stop there). @default 3 */
    maxRefDepth?: number;
}

interface Context {
    root: unknown;
    refDepth: number;
    maxRefDepth: number;
}

/** Any small JSON value, for `{}`, `true` and keywords with no type. */
const ANY_JSON: Arbitrary<unknown> = fc.jsonValue({ maxDepth: 2 });

/** An arbitrary of values for a JSON Schema, or undefined when nothing can be generated from it (e.g. `false`). */
export function schemaArbitrary(schema: unknown, options: ArbitraryOptions = {}): Arbitrary<unknown> | undefined {
    return build(schema, { root: schema, refDepth: 0, maxRefDepth: options.maxRefDepth ?? 3 });
}

function build(schema: unknown, ctx: Context): Arbitrary<unknown> | undefined {
    if (schema === true) return ANY_JSON;
    if (!isObject(schema)) return undefined;
    if (typeof schema.$ref === 'string') return buildRef(schema, schema.$ref, ctx);
    if (Array.isArray(schema.allOf)) {
        const { allOf, ...rest } = schema;
        let merged: SchemaObject | undefined = rest;
        for (const part of allOf as unknown[]) {
            const resolved = deref(part, ctx);
            if (!resolved) return undefined;
            merged = mergeSchemas(merged, resolved);
        }
        // What could not be folded stays for Ajv; building it again would never end.
        const { allOf: _leftover, ...folded } = merged;
        return build(folded, ctx);
    }
    for (const key of ['anyOf', 'oneOf'] as const) {
        const branches = schema[key];
        if (!Array.isArray(branches)) continue;
        const { [key]: _branches, ...rest } = schema;
        const arbitraries = branches
            .map((branch) => (branch === true ? build(rest, ctx) : isObject(branch) ? build(mergeSchemas(rest, branch), ctx) : undefined))
            .filter((a): a is Arbitrary<unknown> => a !== undefined);
        return oneOf(arbitraries);
    }
    if ('const' in schema) return fc.constant(schema.const);
    if (Array.isArray(schema.enum)) return schema.enum.length > 0 ? fc.constantFrom(...(schema.enum as unknown[])) : undefined;
    const types = allowedTypes(schema);
    if (!types) return ANY_JSON;
    return oneOf(types.map((type) => byType(type, schema, ctx)).filter((a): a is Arbitrary<unknown> => a !== undefined));
}

/** A `$ref` with its sibling keywords (2019-09 and later apply both). */
function buildRef(schema: SchemaObject, ref: string, ctx: Context): Arbitrary<unknown> | undefined {
    const { $ref: _ref, ...rest } = schema;
    if (ctx.refDepth >= ctx.maxRefDepth) return undefined;
    const target = resolveRef(ctx.root, ref);
    // Anchors and other documents: generate from the siblings and let Ajv judge.
    if (target === undefined) return Object.keys(rest).length > 0 ? build(rest, ctx) : ANY_JSON;
    const inner = { ...ctx, refDepth: ctx.refDepth + 1 };
    if (target === true) return build(rest, inner);
    return isObject(target) ? build(mergeSchemas(target, rest), inner) : undefined;
}

/** Follows `$ref`s at the top of a schema so it can be folded into an `allOf`. */
function deref(schema: unknown, ctx: Context, hops = 0): SchemaObject | undefined {
    if (schema === true) return {};
    if (!isObject(schema)) return undefined;
    if (typeof schema.$ref !== 'string') return schema;
    if (hops >= ctx.maxRefDepth) return undefined;
    const { $ref, ...rest } = schema;
    const target = deref(resolveRef(ctx.root, $ref), ctx, hops + 1);
    return target ? mergeSchemas(target, rest) : rest;
}

function byType(type: JsonType, schema: SchemaObject, ctx: Context): Arbitrary<unknown> | undefined {
    switch (type) {
        case 'null':
            return fc.constant(null);
        case 'boolean':
            return fc.boolean();
        case 'integer':
            return integerArbitrary(schema);
        case 'number':
            return numberArbitrary(schema);
        case 'string':
            return stringArbitrary(schema);
        case 'array':
            return arrayArbitrary(schema, ctx);
        case 'object':
            return objectArbitrary(schema, ctx);
    }
}

function arrayArbitrary(schema: SchemaObject, ctx: Context): Arbitrary<unknown> | undefined {
    const minItems = nonNegativeInteger(schema.minItems) ?? 0;
    const maxItems = nonNegativeInteger(schema.maxItems);
    if (maxItems !== undefined && minItems > maxItems) return undefined;
    // Tuples: `prefixItems` (2020-12) or an `items` array (draft-07); what follows is left out.
    const prefix = Array.isArray(schema.prefixItems) ? schema.prefixItems : Array.isArray(schema.items) ? schema.items : undefined;
    if (prefix) {
        const items = prefix.map((item: unknown) => build(item, ctx));
        return items.every((a) => a !== undefined) ? fc.tuple(...(items as Arbitrary<unknown>[])) : undefined;
    }
    const item = schema.items === undefined ? ANY_JSON : build(schema.items, ctx);
    if (!item) return minItems === 0 ? fc.constant([]) : undefined;
    const lengths = { minLength: minItems, ...(maxItems !== undefined ? { maxLength: maxItems } : {}) };
    return schema.uniqueItems === true ? fc.uniqueArray(item, { ...lengths, selector: (v) => JSON.stringify(v) }) : fc.array(item, lengths);
}

/**
 * Objects with the declared properties: required ones always, optional ones sometimes, and no
 * undeclared ones (always valid unless `minProperties` asks for more, which Ajv then catches).
 */
function objectArbitrary(schema: SchemaObject, ctx: Context): Arbitrary<unknown> | undefined {
    const properties = isObject(schema.properties) ? schema.properties : {};
    const required = Array.isArray(schema.required) ? schema.required.filter((r): r is string => typeof r === 'string') : [];
    const additional = isObject(schema.additionalProperties) ? build(schema.additionalProperties, ctx) : undefined;
    const model: Record<string, Arbitrary<unknown>> = {};
    for (const [name, sub] of Object.entries(properties)) {
        const arbitrary = build(sub, ctx);
        if (arbitrary) model[name] = arbitrary;
        else if (required.includes(name)) return undefined;
    }
    for (const name of required) {
        if (!(name in properties)) model[name] = additional ?? ANY_JSON;
    }
    if (Object.keys(model).length === 0) {
        return additional ? fc.dictionary(fc.string({ minLength: 1, maxLength: 8 }), additional, { maxKeys: 4, noNullPrototype: true }) : fc.constant({});
    }
    return fc.record(model, { requiredKeys: required.filter((name) => name in model), noNullPrototype: true });
}

/** One of the alternatives; a failure found with a later one is retried with the first while shrinking. */
function oneOf(arbitraries: Arbitrary<unknown>[]): Arbitrary<unknown> | undefined {
    if (arbitraries.length <= 1) return arbitraries[0];
    return fc.oneof({ withCrossShrink: true }, ...arbitraries);
}
