/**
 * Schema validation with messages a user can act on. Ajv's raw errors ("must NOT have
 * additional properties") are rewritten to name the key path, the offending key and what
 * was expected, and located at the exact YAML node.
 */
import type { ErrorObject } from 'ajv/dist/2020.js';
import { SpecError } from '../errors.js';
import { invalidDuration, invalidUrl, quote, typeName } from './messages.js';
import { formatPath, pointerToPath } from './paths.js';
import type { Locator } from './positions.js';
import { specSchema, type SpecSchema } from './schema.js';
import { CLIENT_IDS } from '../assert/lint/portability/clients.js';

/** Validates parsed spec data against the JSON Schema; returns one located error per problem. */
export function validateSpecData(data: unknown, positions: Locator): SpecError[] {
    const schema = specSchema();
    if (schema.validate(data)) return [];
    const errors: SpecError[] = [];
    for (const error of schema.validate.errors ?? []) {
        const mapped = mapError(error, data, positions, schema);
        if (mapped) errors.push(mapped);
    }
    return errors;
}

function mapError(error: ErrorObject, root: unknown, positions: Locator, schema: SpecSchema): SpecError | undefined {
    // Cross-field rules (servers, `rejects`) are re-checked in code with one clear message
    // each, and matchers are parsed in code; the errors Ajv produces for them would only add noise.
    // So are repeats in a `server:` list (`uniqueItems` is for editors): the code points at the repeat.
    if (
        error.keyword === 'if' ||
        error.keyword === 'false schema' ||
        schema.serverRules.has(error.parentSchema) ||
        schema.matcherRules.has(error.parentSchema) ||
        schema.authRules.has(error.parentSchema) ||
        (error.keyword === 'oneOf' && (schema.isDefinition(error.parentSchema, 'serverAuth') || schema.isDefinition(error.parentSchema, 'clientCredentials'))) ||
        (error.keyword === 'uniqueItems' && schema.isDefinition(error.parentSchema, 'testServer'))
    ) {
        return undefined;
    }
    // `lint.clients`: one message instead of one per branch of "all" or a list.
    if (schema.clientsBranches.has(error.parentSchema)) return undefined;
    const path = pointerToPath(error.instancePath, root);
    const where = positions.describe(path);
    // `key` set: the problem is that key itself (unknown key), so point at it, not the mapping.
    const make = (message: string, key?: string): SpecError => {
        const loc = key === undefined ? positions.locate(path) : positions.locateKey(path, key);
        return new SpecError(`${where}: ${message}`, loc, formatPath(key === undefined ? path : [...path, key]) || undefined);
    };
    const data: unknown = error.data;
    const params = error.params as Record<string, unknown>;
    const parent = error.parentSchema;

    if (schema.isDefinition(parent, 'lintClients')) return clientsError(data, make);
    switch (error.keyword) {
        case 'additionalProperties': {
            const key = String(params['additionalProperty']);
            // Maps whose keys are names the user chooses: say what a valid name looks like.
            if (schema.isDefinition(parent, 'jsonChecks')) {
                return make(`JSONPath ${quote(key)} must start with "$" (did you mean ${quote(asJsonPath(key))}?)`, key);
            }
            if (schema.isDefinition(parent, 'captures')) {
                return make(`invalid capture name ${quote(key)} (use letters, digits and _, not starting with a digit)`, key);
            }
            if (schema.isDefinition(parent, 'lintRules')) {
                return make(`invalid lint rule id ${quote(key)} (lowercase letters, digits and -, e.g. "tool-description")`, key);
            }
            if (schema.isDefinition(parent, 'protocolRules')) {
                return make(`unknown protocol rule ${quote(key)} (rules: ${allowedKeys(parent).join(', ')})`, key);
            }
            const allowed = allowedKeys(parent);
            return make(`unknown key "${key}" (allowed: ${allowed.join(', ')})`, key);
        }
        case 'required':
            return make(`missing required key "${String(params['missingProperty'])}"`);
        case 'type':
            return make(`expected ${listTypes(params['type'])}, got ${typeName(data)}`);
        case 'enum':
            return make(`expected one of ${(params['allowedValues'] as unknown[]).map(quote).join(', ')}, got ${quote(data)}`);
        case 'minimum':
            return make(`must be at least ${String(params['limit'])}, got ${quote(data)}`);
        case 'maximum':
            return make(`must be at most ${String(params['limit'])}, got ${quote(data)}`);
    }
    if (schema.isDefinition(parent, 'duration')) return make(invalidDuration(data));
    if (schema.isDefinition(parent, 'tag')) return make(`invalid tag ${quote(data)} (use letters, digits and _ . : -)`);
    if (schema.isDefinition(parent, 'httpUrl')) return make(invalidUrl(data));
    if (schema.isDefinition(parent, 'jsonPath')) {
        return make(`expected a JSONPath starting with "$", got ${quote(data)} (did you mean ${quote(asJsonPath(String(data)))}?)`);
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

// `title` → `$.title`, `.title` / `[0]` → `$.title` / `$[0]`: the likely intent of a path without its root.
function asJsonPath(path: string): string {
    return path.startsWith('.') || path.startsWith('[') ? `$${path}` : `$.${path}`;
}

// Ajv gives `type` as `"object"` or `["string", "number"]`.
function listTypes(type: unknown): string {
    const types = Array.isArray(type) ? type.map(String) : [String(type)];
    if (types.length === 1) return types.join('');
    return `${types.slice(0, -1).join(', ')} or ${types[types.length - 1]}`;
}

// Unknown ids inside a list have their own enum errors; what is left is a non-list or a repeat.
function clientsError(data: unknown, make: (message: string) => SpecError): SpecError | undefined {
    if (Array.isArray(data)) {
        const repeated = data.find((id, i) => data.indexOf(id) !== i);
        return repeated === undefined ? undefined : make(`lists ${quote(repeated)} twice`);
    }
    return make(`expected "all" or a list of clients (${CLIENT_IDS.join(', ')}), got ${quote(data)}`);
}
