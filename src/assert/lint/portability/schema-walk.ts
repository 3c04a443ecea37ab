/**
 * Walks every subschema of a JSON Schema with its JSON pointer, so a rule can say exactly
 * where a problem sits (`/inputSchema/properties/tags/items`). Only schema positions are
 * visited: the values under `enum`, `const`, `default` or `examples` are data, not schemas.
 */
import { isPlainObject } from '../tool-check.js';

/** Where a subschema sits. */
export interface SchemaPlace {
    /** JSON pointer from the tool, e.g. `/inputSchema/properties/a`. */
    pointer: string;
    /** The keyword it sits under (`properties`, `items`, `anyOf`, …); absent at the root. */
    keyword?: string;
    /** Object schemas from the root down to here, this one included when it is an object schema. */
    objectDepth: number;
}

/** Keywords whose value is a map of name → schema. */
const SCHEMA_MAPS = ['properties', 'patternProperties', '$defs', 'definitions', 'dependentSchemas'] as const;
/** Keywords whose value is one schema (`items` may also be a list, as in draft-07). */
const SCHEMA_SINGLES = ['items', 'additionalItems', 'additionalProperties', 'contains', 'propertyNames', 'not', 'if', 'then', 'else', 'unevaluatedItems', 'unevaluatedProperties'] as const;
/** Keywords whose value is a list of schemas. */
const SCHEMA_LISTS = ['anyOf', 'oneOf', 'allOf', 'prefixItems'] as const;

/** One JSON pointer segment, escaped (`~` → `~0`, `/` → `~1`). */
export function pointerSegment(key: string | number): string {
    return String(key).replaceAll('~', '~0').replaceAll('/', '~1');
}

/** Whether a schema describes objects: it says type "object" (alone or in a list) or has properties. */
export function isObjectSchema(schema: Record<string, unknown>): boolean {
    const type = schema.type;
    return type === 'object' || (Array.isArray(type) && type.includes('object')) || isPlainObject(schema.properties);
}

/**
 * Calls `visit` for the schema at `pointer` and every subschema below it, parents first.
 * Boolean subschemas (`true`, `false`) are visited too; other non-schema values are skipped.
 */
export function walkSchema(schema: unknown, pointer: string, visit: (node: Record<string, unknown> | boolean, place: SchemaPlace) => void): void {
    walk(schema, { pointer, objectDepth: 0 }, visit);
}

function walk(node: unknown, place: SchemaPlace, visit: (node: Record<string, unknown> | boolean, place: SchemaPlace) => void): void {
    if (typeof node === 'boolean') {
        visit(node, place);
        return;
    }
    if (!isPlainObject(node)) return;
    const here: SchemaPlace = { ...place, objectDepth: place.objectDepth + (isObjectSchema(node) ? 1 : 0) };
    visit(node, here);
    const child = (keyword: string, value: unknown, ...path: (string | number)[]) =>
        walk(value, { pointer: [here.pointer, ...path.map(pointerSegment)].join('/'), keyword, objectDepth: here.objectDepth }, visit);
    for (const keyword of SCHEMA_MAPS) {
        const map = node[keyword];
        if (isPlainObject(map)) for (const [name, value] of Object.entries(map)) child(keyword, value, keyword, name);
    }
    for (const keyword of SCHEMA_SINGLES) {
        const value = node[keyword];
        if (Array.isArray(value)) value.forEach((item, i) => child(keyword, item, keyword, i));
        else if (value !== undefined) child(keyword, value, keyword);
    }
    for (const keyword of SCHEMA_LISTS) {
        const list = node[keyword];
        if (Array.isArray(list)) list.forEach((item, i) => child(keyword, item, keyword, i));
    }
}
