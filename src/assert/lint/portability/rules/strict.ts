/** The strict modes' subsets: closed objects, everything required, no bounds, size limits. */
import type { ListedTool } from '../../../../connect/client.js';
import { isPlainObject } from '../../tool-check.js';
import { isObjectSchema, walkSchema } from '../schema-walk.js';
import type { PortabilityCheck, PortabilityHit } from '../types.js';
import { checkEachNode, keyHits } from './walk-tools.js';

/** OpenAI strict mode's limits: nesting levels of objects and object properties in one schema. */
const STRICT_MAX_DEPTH = 10;
const STRICT_MAX_PROPERTIES = 5000;

const BOUNDS = new Set(['minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'multipleOf', 'minLength', 'maxLength', 'maxItems', 'minProperties', 'maxProperties']);

/** `strict-closed-objects`: an object schema that does not say `additionalProperties: false`. */
export const strictClosedObjects: PortabilityCheck = {
    id: 'strict-closed-objects',
    check: (tools) =>
        checkEachNode(tools, (node, place) =>
            typeof node !== 'boolean' && isObjectSchema(node) && node.additionalProperties !== false
                ? { pointer: place.pointer, problem: `an object schema with ${node.additionalProperties === undefined ? 'no additionalProperties' : `additionalProperties ${JSON.stringify(node.additionalProperties)}`}, not false` }
                : undefined,
        ),
};

/** `strict-all-required`: properties missing from `required`. */
export const strictAllRequired: PortabilityCheck = {
    id: 'strict-all-required',
    check: (tools) =>
        checkEachNode(tools, (node, place) => {
            if (typeof node === 'boolean' || !isPlainObject(node.properties)) return undefined;
            const required = new Set(Array.isArray(node.required) ? node.required : []);
            const optional = Object.keys(node.properties).filter((name) => !required.has(name));
            return optional.length ? { pointer: `${place.pointer}/required`, problem: `optional ${optional.length === 1 ? 'property' : 'properties'} ${optional.map((n) => JSON.stringify(n)).join(', ')}` } : undefined;
        }),
};

/** `strict-no-bounds`: numeric and length bounds (`minItems` 0 or 1 is allowed). */
export const strictNoBounds: PortabilityCheck = {
    id: 'strict-no-bounds',
    check: (tools) =>
        checkEachNode(tools, (node, place) => {
            if (typeof node === 'boolean') return undefined;
            const keys = new Set(BOUNDS);
            if (typeof node.minItems === 'number' && node.minItems > 1) keys.add('minItems');
            return keyHits(node, place, keys, (key) => `${key}: ${JSON.stringify(node[key])}`);
        }),
};

/** `strict-size`: too deeply nested, or too many properties, for OpenAI strict mode. */
export const strictSize: PortabilityCheck = {
    id: 'strict-size',
    check: (tools) => tools.flatMap((tool) => sizeHits(tool)),
};

function sizeHits(tool: ListedTool): PortabilityHit[] {
    let tooDeep: string | undefined;
    let deepest = 0;
    let properties = 0;
    walkSchema(tool.raw.inputSchema, '/inputSchema', (node, place) => {
        if (typeof node === 'boolean') return;
        deepest = Math.max(deepest, place.objectDepth);
        if (tooDeep === undefined && place.objectDepth > STRICT_MAX_DEPTH) tooDeep = place.pointer;
        if (isPlainObject(node.properties) && isObjectSchema(node)) properties += Object.keys(node.properties).length;
    });
    const hits: PortabilityHit[] = [];
    if (tooDeep !== undefined) hits.push({ tool, pointer: tooDeep, problem: `objects nest ${deepest} levels deep, over ${STRICT_MAX_DEPTH}` });
    if (properties > STRICT_MAX_PROPERTIES) hits.push({ tool, pointer: '/inputSchema', problem: `${properties} object properties, over ${STRICT_MAX_PROPERTIES}` });
    return hits;
}
