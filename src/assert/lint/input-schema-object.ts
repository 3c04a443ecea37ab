import { defaultLevelOf } from './catalog.js';
import { checkEachTool, isPlainObject } from './tool-check.js';
import type { LintRule } from './types.js';

const id = 'input-schema-object';

/**
 * The root of every `inputSchema` has `type: "object"`, as MCP requires. A missing or
 * non-object schema is left to `input-schema-compiles`.
 */
export const inputSchemaObject: LintRule = {
    id,
    defaultLevel: defaultLevelOf(id),
    description: 'the root of every inputSchema has type "object"',
    check: (tools) =>
        checkEachTool(id, tools, (raw) => {
            const schema = raw.inputSchema;
            if (!isPlainObject(schema) || schema.type === 'object') return undefined;
            return `inputSchema root must have type "object", got ${describeRootType(schema)}`;
        }),
};

/** `"array"`, `["object","null"]`, or `no type`, for messages. */
export function describeRootType(schema: Record<string, unknown>): string {
    return schema.type === undefined ? 'no type' : JSON.stringify(schema.type);
}
