import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import type { Problem } from '../run/result.js';
import { formatAjvErrors, type CompiledSchema } from './json-schema.js';

/**
 * A tool that declares an `outputSchema` promises structured content matching it on every
 * successful call. This check is implicit: the spec does not have to ask for it.
 */
export function checkOutputSchema(result: CallToolResult, schema: CompiledSchema): Problem[] {
    if (result.isError) return [];
    if (!schema.ok) {
        return [{ kind: 'assert.outputSchema', message: `the tool's outputSchema does not compile: ${schema.error}` }];
    }
    if (result.structuredContent === undefined) {
        return [{ kind: 'assert.outputSchema', message: 'the tool declares an outputSchema but returned no structuredContent' }];
    }
    if (schema.validate(result.structuredContent)) return [];
    return [
        {
            kind: 'assert.outputSchema',
            message: "structuredContent does not match the tool's own outputSchema",
            details: formatAjvErrors(schema.validate.errors),
            actual: result.structuredContent,
        },
    ];
}
