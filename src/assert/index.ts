/** Runs a call's expectations against its result; every failed assertion is one problem. */
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import type { Problem } from '../run/result.js';
import type { Expectations } from '../spec/types.js';
import type { AssertContext } from './context.js';
import { checkIsError } from './is-error.js';
import type { CompiledSchema } from './json-schema.js';
import { checkOutputSchema } from './output-schema.js';
import { checkStructuredContent } from './structured-content.js';
import { checkText } from './text.js';

export type { AssertContext } from './context.js';
export { compileSchema, formatAjvErrors, type CompiledSchema } from './json-schema.js';

/** Checks a result against the spec's `expect:` and the tool's own output schema. */
export function assertCallResult(
    result: CallToolResult,
    expect: Expectations,
    ctx: AssertContext,
    outputSchema?: CompiledSchema,
): Problem[] {
    return [
        // A tool error nobody asked for is a failure, so `isError` defaults to false.
        ...checkIsError(result, expect.isError ?? false, ctx),
        ...(expect.text !== undefined ? checkText(result, expect.text, ctx) : []),
        ...(expect.structuredContent !== undefined ? checkStructuredContent(result, expect.structuredContent, ctx) : []),
        ...(outputSchema ? checkOutputSchema(result, outputSchema) : []),
    ];
}
