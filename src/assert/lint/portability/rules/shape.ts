/** The shape of a tool's schemas: root type, composition, arrays, boolean subschemas, `required`. */
import type { ClientId } from '../clients.js';
import { isPlainObject } from '../../tool-check.js';
import type { PortabilityCheck, PortabilityHit } from '../types.js';
import { checkEachNode, keyHits } from './walk-tools.js';

const COMPOSITION = new Set(['anyOf', 'oneOf', 'allOf']);
/** MCP clients that parse `tools/list` (output schemas included) with a strict schema of their own. */
const PARSING_CLIENTS: ClientId[] = ['cursor', 'claude-code'];
/** Keywords where `true` / `false` is the usual way to open or close something, not a stray schema. */
const BOOLEAN_OK = new Set(['additionalProperties', 'unevaluatedProperties', 'additionalItems', 'unevaluatedItems']);

/** `root-type-object`: the input schema's root is an object schema. */
export const rootTypeObject: PortabilityCheck = {
    id: 'root-type-object',
    check: (tools) =>
        tools.flatMap((tool): PortabilityHit[] => {
            const schema = tool.raw.inputSchema;
            if (!isPlainObject(schema)) return [{ tool, pointer: '/inputSchema', problem: schema === undefined ? 'there is no inputSchema' : 'the inputSchema is not an object' }];
            if (schema.type === 'object') return [];
            return [{ tool, pointer: '/inputSchema/type', problem: schema.type === undefined ? 'the root has no type (it must say "object")' : `the root has type ${JSON.stringify(schema.type)}, not "object"` }];
        }),
};

/** `root-composition`: anyOf / oneOf / allOf at the root of the input schema. */
export const rootComposition: PortabilityCheck = {
    id: 'root-composition',
    check: (tools) => checkEachNode(tools, (node, place) => (place.keyword === undefined ? keyHits(node, place, COMPOSITION, (key) => `${key} at the root`) : undefined)),
};

/** `nested-composition`: anyOf / oneOf / allOf anywhere below the root. */
export const nestedComposition: PortabilityCheck = {
    id: 'nested-composition',
    check: (tools) => checkEachNode(tools, (node, place) => (place.keyword === undefined ? undefined : keyHits(node, place, COMPOSITION, (key) => `${key} below the root`))),
};

/** `array-items`: an array schema without `items`. */
export const arrayItems: PortabilityCheck = {
    id: 'array-items',
    check: (tools) =>
        checkEachNode(tools, (node, place) => {
            if (typeof node === 'boolean') return undefined;
            const isArray = node.type === 'array' || (Array.isArray(node.type) && node.type.includes('array'));
            return isArray && node.items === undefined && node.prefixItems === undefined ? { pointer: place.pointer, problem: 'an array schema without items' } : undefined;
        }),
};

/** `boolean-schema`: `true` or `false` where clients expect a schema object. */
export const booleanSchema: PortabilityCheck = {
    id: 'boolean-schema',
    check: (tools) =>
        checkEachNode(
            tools,
            (node, place) =>
                typeof node === 'boolean' && place.keyword !== undefined && !BOOLEAN_OK.has(place.keyword)
                    ? { pointer: place.pointer, problem: `the boolean schema ${String(node)} under ${place.keyword}` }
                    : undefined,
            ['claude-code'],
        ),
};

/** `required-array`: `required` that is not an array of strings. */
export const requiredArray: PortabilityCheck = {
    id: 'required-array',
    check: (tools) =>
        checkEachNode(
            tools,
            (node, place) => {
                if (typeof node === 'boolean' || !Object.hasOwn(node, 'required')) return undefined;
                const required = node.required;
                if (Array.isArray(required) && required.every((name) => typeof name === 'string')) return undefined;
                return { pointer: `${place.pointer}/required`, problem: `required is ${JSON.stringify(required)}, not an array of names` };
            },
            PARSING_CLIENTS,
        ),
};
