import { defaultLevelOf } from './catalog.js';
import { compileSchema } from '../json-schema.js';
import { checkEachTool } from './tool-check.js';
import type { LintRule } from './types.js';

const id = 'input-schema-compiles';

/** Every tool publishes an `inputSchema` that compiles as JSON Schema. */
export const inputSchemaCompiles: LintRule = {
    id,
    defaultLevel: defaultLevelOf(id),
    description: 'every tool has an inputSchema, and it compiles as JSON Schema',
    check: (tools) =>
        checkEachTool(id, tools, (raw) => {
            if (raw.inputSchema === undefined) return 'inputSchema is missing';
            const compiled = compileSchema(raw.inputSchema);
            return compiled.ok ? undefined : `inputSchema does not compile: ${compiled.error}`;
        }),
};
