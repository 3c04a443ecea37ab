/**
 * Reading published JSON Schemas for generation: resolving local `$ref`s, folding `allOf`
 * and `anyOf`/`oneOf` branches into their parent, and telling which JSON types a schema
 * allows. Only what generation needs; Ajv remains the judge of validity.
 */

/** A schema object; boolean schemas are handled by the callers. */
export type SchemaObject = Record<string, unknown>;

/** The JSON types, as JSON Schema names them. */
export const JSON_TYPES = ['null', 'boolean', 'integer', 'number', 'string', 'array', 'object'] as const;
export type JsonType = (typeof JSON_TYPES)[number];

/** Whether a value is a plain (non-array) object. */
export function isObject(value: unknown): value is SchemaObject {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Resolves a local reference (`#`, `#/$defs/x`, `#/definitions/x`, any JSON pointer) against
 * the root schema; `undefined` for anything else (anchors, other documents).
 */
export function resolveRef(root: unknown, ref: string): unknown {
    if (ref === '#') return root;
    if (!ref.startsWith('#/')) return undefined;
    let node: unknown = root;
    for (const raw of ref.slice(2).split('/')) {
        let key: string;
        try {
            key = decodeURIComponent(raw).replaceAll('~1', '/').replaceAll('~0', '~');
        } catch {
            return undefined;
        }
        if (Array.isArray(node)) node = node[Number(key)];
        else if (isObject(node)) node = node[key];
        else return undefined;
        if (node === undefined) return undefined;
    }
    return node;
}

const LOWER_BOUNDS = new Set(['minimum', 'exclusiveMinimum', 'minLength', 'minItems', 'minProperties']);
const UPPER_BOUNDS = new Set(['maximum', 'exclusiveMaximum', 'maxLength', 'maxItems', 'maxProperties']);

/**
 * Folds schema `b` into `a` as if both had to hold: `required` unite, `properties` both apply,
 * bounds tighten, `type`s intersect. Keywords that cannot be folded simply are nested under
 * `allOf`, so nothing is lost. The result generates values Ajv still checks.
 */
export function mergeSchemas(a: SchemaObject, b: SchemaObject): SchemaObject {
    const out: SchemaObject = { ...a };
    for (const [key, value] of Object.entries(b)) {
        const mine = out[key];
        if (mine === undefined) {
            out[key] = value;
        } else if (key === 'required' && Array.isArray(mine) && Array.isArray(value)) {
            out[key] = [...new Set([...mine, ...value])];
        } else if (key === 'properties' && isObject(mine) && isObject(value)) {
            const merged: SchemaObject = { ...mine };
            for (const [name, schema] of Object.entries(value)) {
                merged[name] = merged[name] === undefined ? schema : { allOf: [merged[name], schema] };
            }
            out[key] = merged;
        } else if (key === 'type') {
            out[key] = intersectTypes(typeList(mine), typeList(value));
        } else if (typeof mine === 'number' && typeof value === 'number' && LOWER_BOUNDS.has(key)) {
            out[key] = Math.max(mine, value);
        } else if (typeof mine === 'number' && typeof value === 'number' && UPPER_BOUNDS.has(key)) {
            out[key] = Math.min(mine, value);
        } else if (key === 'allOf' && Array.isArray(mine) && Array.isArray(value)) {
            out[key] = [...mine, ...value];
        } else {
            out.allOf = [...(Array.isArray(out.allOf) ? out.allOf : []), { [key]: value }];
        }
    }
    return out;
}

/** Types both lists allow; `integer` is what `integer` and `number` have in common. */
function intersectTypes(a: string[], b: string[]): string[] {
    const both = new Set<string>();
    for (const t of a) {
        if (b.includes(t)) both.add(t);
        else if ((t === 'integer' && b.includes('number')) || (t === 'number' && b.includes('integer'))) both.add('integer');
    }
    return [...both];
}

/** The `type` keyword as a list (empty when absent or malformed). */
export function typeList(type: unknown): string[] {
    if (typeof type === 'string') return [type];
    return Array.isArray(type) ? type.filter((t): t is string => typeof t === 'string') : [];
}

/**
 * The JSON types a schema's own keywords allow: its `type` (plus `null` for OpenAPI's
 * `nullable`), or, when `type` is absent, what its keywords imply; `undefined` means any type.
 */
export function allowedTypes(schema: SchemaObject): JsonType[] | undefined {
    let types = typeList(schema.type).filter((t): t is JsonType => (JSON_TYPES as readonly string[]).includes(t));
    if (schema.type === undefined) {
        types = [];
        if (['properties', 'required', 'additionalProperties', 'minProperties'].some((k) => k in schema)) types.push('object');
        if (['items', 'prefixItems', 'minItems', 'maxItems', 'uniqueItems'].some((k) => k in schema)) types.push('array');
        if (['minLength', 'maxLength', 'pattern', 'format'].some((k) => k in schema)) types.push('string');
        if (['minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'multipleOf'].some((k) => k in schema)) types.push('number');
        if (types.length === 0) return undefined;
    }
    if (schema.nullable === true && !types.includes('null')) types.push('null');
    return types;
}

/**
 * The root schema of a tool's input with local `$ref`s and `allOf` folded in, so its
 * `properties` and `required` can be read directly. Depth-limited against cycles.
 */
export function flattenRoot(root: unknown, schema: unknown = root, depth = 0): SchemaObject {
    if (!isObject(schema) || depth > 8) return {};
    let out: SchemaObject = { ...schema };
    if (typeof out.$ref === 'string') {
        const { $ref, ...rest } = out;
        out = mergeSchemas(flattenRoot(root, resolveRef(root, $ref as string), depth + 1), rest);
    }
    if (Array.isArray(out.allOf)) {
        const { allOf, ...rest } = out;
        out = (allOf as unknown[]).reduce<SchemaObject>((acc, part) => mergeSchemas(acc, flattenRoot(root, part, depth + 1)), rest);
    }
    return out;
}
