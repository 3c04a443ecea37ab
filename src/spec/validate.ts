/**
 * Schema validation with messages a user can act on. Ajv's raw errors ("must NOT have
 * additional properties") are rewritten to name the key path, the offending key and what
 * was expected, and located at the exact YAML node.
 */
import type { ErrorObject } from 'ajv/dist/2020.js';
import { SpecError } from '../errors.js';
import { invalidDuration, invalidUrl, quote, typeName } from './messages.js';
import { describePath, formatPath, isRecord, pointerToPath } from './paths.js';
import type { SpecPositions } from './positions.js';
import { specSchema, type SpecSchema } from './schema.js';

const TEXT_KEYS = ['equals', 'contains', 'matches'];

/** Validates parsed spec data against the JSON Schema; returns one located error per problem. */
export function validateSpecData(data: unknown, positions: SpecPositions): SpecError[] {
    const schema = specSchema();
    if (schema.validate(data)) return [];
    const errors: SpecError[] = [];
    for (const error of schema.validate.errors ?? []) {
        const mapped = mapError(error, data, positions, schema);
        if (mapped) errors.push(mapped);
    }
    return errors;
}

function mapError(error: ErrorObject, root: unknown, positions: SpecPositions, schema: SpecSchema): SpecError | undefined {
    // Cross-field server rules are re-checked in code with one clear message each; the
    // `if`/`anyOf`/`false` errors Ajv produces for them would only add noise.
    if (error.keyword === 'if' || error.keyword === 'false schema' || schema.serverRules.has(error.parentSchema)) {
        return undefined;
    }
    const path = pointerToPath(error.instancePath, root);
    const where = describePath(path);
    // `key` set: the problem is that key itself (unknown key), so point at it, not the mapping.
    const make = (message: string, key?: string): SpecError => {
        const loc = key === undefined ? positions.locate(path) : positions.locateKey(path, key);
        return new SpecError(`${where}: ${message}`, loc, formatPath(key === undefined ? path : [...path, key]) || undefined);
    };
    const data: unknown = error.data;
    const params = error.params as Record<string, unknown>;
    const parent = error.parentSchema;

    switch (error.keyword) {
        case 'additionalProperties': {
            const key = String(params['additionalProperty']);
            const allowed = allowedKeys(parent);
            return make(`unknown key "${key}" (allowed: ${allowed.join(', ')})`, key);
        }
        case 'required':
            return make(`missing required key "${String(params['missingProperty'])}"`);
        case 'type':
            return make(`expected ${listTypes(params['type'])}, got ${typeName(data)}`);
        case 'enum':
            return make(`expected one of ${(params['allowedValues'] as unknown[]).map(quote).join(', ')}, got ${quote(data)}`);
    }
    if (parent === schema.defs['duration']) return make(invalidDuration(data));
    if (parent === schema.defs['httpUrl']) return make(invalidUrl(data));
    if (parent === schema.defs['textMatcher']) {
        // An unknown key already gets its own error; only complain about the count when
        // the known keys themselves are wrong.
        const known = isRecord(data) ? Object.keys(data).filter((k) => TEXT_KEYS.includes(k)).length : 0;
        return known === 1 ? undefined : make(`needs exactly one of "equals", "contains", "matches"`);
    }
    switch (error.keyword) {
        case 'minProperties':
        case 'minItems':
        case 'minLength':
            return make('must not be empty');
        default:
            return make(error.message ?? `fails ${error.keyword}`);
    }
}

// Named keys, then pattern keys in a readable form (`^x-` → `x-*`).
function allowedKeys(schema: unknown): string[] {
    const { properties = {}, patternProperties = {} } = (schema ?? {}) as { properties?: object; patternProperties?: object };
    const patterns = Object.keys(patternProperties).map((p) => (/^\^[\w-]+$/.test(p) ? `${p.slice(1)}*` : `/${p}/`));
    return [...Object.keys(properties), ...patterns];
}

// Ajv gives `type` as `"object"` or `["string", "number"]`.
function listTypes(type: unknown): string {
    const types = Array.isArray(type) ? type.map(String) : [String(type)];
    if (types.length === 1) return types.join('');
    return `${types.slice(0, -1).join(', ')} or ${types[types.length - 1]}`;
}
