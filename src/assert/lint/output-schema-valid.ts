import { defaultLevelOf } from './catalog.js';
import { compileSchema } from '../json-schema.js';
import { describeRootType } from './input-schema-object.js';
import { checkEachTool, isPlainObject } from './tool-check.js';
import type { LintRule } from './types.js';

const id = 'output-schema-valid';

/** An `outputSchema`, when a tool has one, compiles and its root has `type: "object"`. */
export const outputSchemaValid: LintRule = {
    id,
    defaultLevel: defaultLevelOf(id),
    description: 'an outputSchema, if present, compiles and its root has type "object"',
    check: (tools) =>
        checkEachTool(id, tools, (raw) => {
            const schema = raw.outputSchema;
            if (schema === undefined) return undefined;
            const messages: string[] = [];
            const compiled = compileSchema(schema);
            if (!compiled.ok) messages.push(`outputSchema does not compile: ${compiled.error}`);
            if (isPlainObject(schema) && schema.type !== 'object') {
                messages.push(`outputSchema root must have type "object", got ${describeRootType(schema)}`);
            }
            return messages;
        }),
};
