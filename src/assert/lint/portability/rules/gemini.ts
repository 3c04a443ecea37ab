/** What Gemini's function declarations (an OpenAPI 3.0 subset) cannot take. */
import type { PortabilityCheck } from '../types.js';
import { checkEachNode, keyHits } from './walk-tools.js';

const REFS = new Set(['$ref', '$defs', 'definitions']);
const SCHEMA_KEY = new Set(['$schema']);
/**
 * JSON Schema keywords that OpenAPI 3.0's Schema object does not have ($ref, $defs and $schema
 * have rules of their own). `exclusiveMinimum`/`Maximum` are OpenAPI 3.0 booleans; only the
 * numeric JSON Schema form is flagged.
 */
const NON_OPENAPI = new Set([
    'const',
    'propertyNames',
    'patternProperties',
    'if',
    'then',
    'else',
    'dependentRequired',
    'dependentSchemas',
    'dependencies',
    'unevaluatedProperties',
    'unevaluatedItems',
    'prefixItems',
    'contains',
    'minContains',
    'maxContains',
    'examples',
    '$id',
    '$anchor',
    '$dynamicRef',
    '$dynamicAnchor',
    '$recursiveRef',
    '$recursiveAnchor',
    '$vocabulary',
    '$comment',
    'contentEncoding',
    'contentMediaType',
    'contentSchema',
]);

/** `type-array`: `type` given as a list. */
export const typeArray: PortabilityCheck = {
    id: 'type-array',
    check: (tools) =>
        checkEachNode(tools, (node, place) =>
            typeof node !== 'boolean' && Array.isArray(node.type) ? { pointer: `${place.pointer}/type`, problem: `type is a list ${JSON.stringify(node.type)}` } : undefined,
        ),
};

/** `ref-defs`: `$ref`, `$defs` or `definitions`. */
export const refDefs: PortabilityCheck = {
    id: 'ref-defs',
    check: (tools) => checkEachNode(tools, (node, place) => keyHits(node, place, REFS, (key) => `${key} is used`)),
};

/** `schema-key`: a `$schema` key. */
export const schemaKey: PortabilityCheck = {
    id: 'schema-key',
    check: (tools) =>
        checkEachNode(tools, (node, place) =>
            keyHits(node, place, SCHEMA_KEY, () => `$schema is ${typeof node === 'boolean' ? '' : JSON.stringify(node.$schema)}`),
        ),
};

/** `openapi-keywords`: keywords outside OpenAPI 3.0. */
export const openapiKeywords: PortabilityCheck = {
    id: 'openapi-keywords',
    check: (tools) =>
        checkEachNode(tools, (node, place) => {
            if (typeof node === 'boolean') return undefined;
            const numericBounds = new Set(['exclusiveMinimum', 'exclusiveMaximum'].filter((key) => typeof node[key] === 'number'));
            return [
                ...keyHits(node, place, NON_OPENAPI, (key) => `${key} is not an OpenAPI 3.0 keyword`),
                ...keyHits(node, place, numericBounds, (key) => `${key} is a number (OpenAPI 3.0 has it as a boolean beside minimum/maximum)`),
            ];
        }),
};

/** `enum-strings`: enum values that are not strings. */
export const enumStrings: PortabilityCheck = {
    id: 'enum-strings',
    check: (tools) =>
        checkEachNode(tools, (node, place) => {
            if (typeof node === 'boolean' || !Array.isArray(node.enum)) return undefined;
            const others = node.enum.filter((value) => typeof value !== 'string');
            return others.length ? { pointer: `${place.pointer}/enum`, problem: `enum has values that are not strings: ${others.map((v) => JSON.stringify(v)).join(', ')}` } : undefined;
        }),
};
