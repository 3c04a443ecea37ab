/**
 * Unions in one normal form. `type: [string, "null"]`, `nullable: true` and a bare
 * `anyOf`/`oneOf` all mean "one of these alternatives", so each becomes a list of
 * single-type alternatives; two lists are then compared as sets, pairing alternatives that
 * describe the same kind of value, so reordering a union is no change at all.
 */
import { brief, isObject, jsonKey } from '../canonical.js';
import { at } from './context.js';

export interface Alternative {
    /** Resolved schema of this alternative (never a union itself). */
    schema: unknown;
    /** Where it lives: the union branch, or the schema whose `type` list it came from. */
    pointer: string;
    /** Set when the alternative is one entry of a `type` list (or the `null` of `nullable`). */
    type?: string;
    /** Set when it is an `anyOf`/`oneOf`/`allOf` member, so its own annotations are compared. */
    branch?: boolean;
}

/** Keywords that only apply to values of one JSON type; a `type` list splits them by type. */
const TYPE_KEYWORDS: Record<string, readonly string[]> = {
    string: ['minLength', 'maxLength', 'pattern', 'format', 'contentMediaType', 'contentEncoding', 'contentSchema'],
    number: ['minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'multipleOf'],
    object: [
        'properties',
        'required',
        'additionalProperties',
        'patternProperties',
        'propertyNames',
        'minProperties',
        'maxProperties',
        'unevaluatedProperties',
        'dependentRequired',
        'dependentSchemas',
        'dependencies',
    ],
    array: ['items', 'prefixItems', 'additionalItems', 'contains', 'minContains', 'maxContains', 'minItems', 'maxItems', 'uniqueItems', 'unevaluatedItems'],
};

/** Keywords that say nothing about validity; a union wrapper may carry them and still be a pure union. */
export const ANNOTATION_KEYWORDS = new Set([
    'title',
    'description',
    'default',
    'examples',
    'deprecated',
    'readOnly',
    'writeOnly',
    '$comment',
    '$schema',
    '$id',
    '$anchor',
    '$dynamicAnchor',
    '$defs',
    'definitions',
]);

const MAX_NESTING = 32;

/** Splits a resolved schema into its alternatives; a schema that is not a union is its own single alternative. */
export function alternatives(schema: unknown, pointer: string, resolve: (s: unknown) => unknown, nesting = 0): Alternative[] {
    if (!isObject(schema) || nesting > MAX_NESTING) return [{ schema, pointer }];
    const union = pureUnionKeyword(schema);
    if (union) {
        const branches = schema[union] as unknown[];
        return branches.flatMap((branch, i) =>
            alternatives(resolve(branch), at(at(pointer, union), i), resolve, nesting + 1).map((alt) => ({ branch: true, ...alt })),
        );
    }
    const types = typeList(schema);
    if (types.length > 1) {
        return types.flatMap((type) => {
            const projected = projectOnType(schema, type);
            return projected ? [{ schema: projected, pointer, type }] : [];
        });
    }
    return [{ schema, pointer }];
}

/** `anyOf` or `oneOf` when it is the schema's only assertion (annotations aside). */
function pureUnionKeyword(schema: Record<string, unknown>): 'anyOf' | 'oneOf' | undefined {
    const union = Array.isArray(schema.anyOf) ? 'anyOf' : Array.isArray(schema.oneOf) ? 'oneOf' : undefined;
    if (!union || (schema[union] as unknown[]).length === 0) return undefined;
    const others = Object.keys(schema).filter((k) => k !== union && !ANNOTATION_KEYWORDS.has(k));
    return others.length === 0 ? union : undefined;
}

/** The types a schema lists: `type` as a list, plus `null` for OpenAPI's `nullable: true`. */
function typeList(schema: Record<string, unknown>): string[] {
    const types = typeof schema.type === 'string' ? [schema.type] : Array.isArray(schema.type) ? schema.type.filter((t) => typeof t === 'string') : [];
    if (schema.nullable === true && types.length > 0 && !types.includes('null')) types.push('null');
    return [...new Set(types)];
}

/** The part of a multi-type schema that applies to one type, or undefined when no value of that type is valid. */
function projectOnType(schema: Record<string, unknown>, type: string): Record<string, unknown> | undefined {
    const family = type === 'integer' ? 'number' : type;
    const out: Record<string, unknown> = { type };
    for (const [key, value] of Object.entries(schema)) {
        if (key === 'type' || key === 'nullable' || ANNOTATION_KEYWORDS.has(key)) continue;
        const owner = Object.keys(TYPE_KEYWORDS).find((t) => TYPE_KEYWORDS[t]!.includes(key));
        if (owner && owner !== family) continue;
        out[key] = value;
    }
    if (Array.isArray(out.enum)) {
        out.enum = out.enum.filter((v) => valueHasType(v, type));
        if ((out.enum as unknown[]).length === 0) return undefined;
    }
    if ('const' in out && !valueHasType(out.const, type)) return undefined;
    return out;
}

/** The JSON type of a value; integers are `integer`. */
export function jsonTypeOf(value: unknown): string {
    if (value === null) return 'null';
    if (Array.isArray(value)) return 'array';
    if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
    return typeof value;
}

function valueHasType(value: unknown, type: string): boolean {
    const actual = jsonTypeOf(value);
    return actual === type || (type === 'number' && actual === 'integer');
}

/** What kind of value an alternative describes; alternatives of one kind are paired. Numbers and integers are one kind. */
export function kindOf(schema: unknown): string {
    if (schema === false) return 'never';
    if (!isObject(schema)) return 'any';
    const type = typeof schema.type === 'string' ? schema.type : Array.isArray(schema.type) && schema.type.length === 1 ? String(schema.type[0]) : undefined;
    if (type) return type === 'integer' ? 'number' : type;
    const values = 'const' in schema ? [schema.const] : Array.isArray(schema.enum) ? schema.enum : undefined;
    if (values?.length) {
        const kinds = new Set(values.map((v) => (jsonTypeOf(v) === 'integer' ? 'number' : jsonTypeOf(v))));
        if (kinds.size === 1) return [...kinds][0]!;
    }
    if (isObject(schema.properties) || Array.isArray(schema.required)) return 'object';
    if ('items' in schema || 'prefixItems' in schema) return 'array';
    return 'any';
}

export interface Pairing {
    pairs: [Alternative, Alternative][];
    removed: Alternative[];
    added: Alternative[];
}

/** Pairs old and new alternatives: equal ones first, then by kind, preferring shared discriminators and properties. */
export function pairAlternatives(olds: Alternative[], news: Alternative[], equivalent: (a: Alternative, b: Alternative) => boolean): Pairing {
    const free = new Set(news);
    const pairs: [Alternative, Alternative][] = [];
    const unpaired: Alternative[] = [];
    for (const old of olds) {
        const same = [...free].find((candidate) => equivalent(old, candidate));
        if (same) {
            free.delete(same);
            pairs.push([old, same]);
        } else unpaired.push(old);
    }
    const removed: Alternative[] = [];
    for (const old of unpaired) {
        const kind = kindOf(old.schema);
        let best: Alternative | undefined;
        let bestScore = -1;
        for (const candidate of free) {
            if (kindOf(candidate.schema) !== kind) continue;
            const score = similarity(old.schema, candidate.schema);
            if (score > bestScore) [best, bestScore] = [candidate, score];
        }
        if (best) {
            free.delete(best);
            pairs.push([old, best]);
        } else removed.push(old);
    }
    return { pairs, removed, added: news.filter((n) => free.has(n)) };
}

/** How alike two object alternatives are: a shared `const` discriminator counts most, then shared property names. */
function similarity(a: unknown, b: unknown): number {
    const pa = isObject(a) && isObject(a.properties) ? a.properties : {};
    const pb = isObject(b) && isObject(b.properties) ? b.properties : {};
    let score = 0;
    for (const name of Object.keys(pa)) {
        if (!(name in pb)) continue;
        score += 1;
        const ca = pa[name];
        const cb = pb[name];
        if (isObject(ca) && isObject(cb) && 'const' in ca && 'const' in cb && jsonKey(ca.const) === jsonKey(cb.const)) score += 100;
    }
    return score;
}

/** One-line description of an alternative for reasons. */
export function describeAlternative(alt: Alternative): string {
    return alt.type ? `{"type":"${alt.type}"}` : brief(alt.schema);
}
