/** Runs a call's expectations against its result; every failed assertion is one problem. */
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import type { Problem } from '../run/result.js';
import type { Expectations, ResultExpectations } from '../load/types.js';
import { checkContent } from './content.js';
import type { AssertContext } from './context.js';
import { checkIsError } from './is-error.js';
import { checkJson, parseJsonText, type JsonRoot } from './json.js';
import type { CompiledSchema } from './json-schema.js';
import { checkOutputSchema } from './output-schema.js';
import { checkSchemaAssertion } from './schema-assertion.js';
import { checkStructuredContent } from './structured-content.js';
import { checkText } from './text.js';

export type { AssertContext } from './context.js';
export { compileSchema, formatAjvErrors, warmUpSchemaEngine, type CompiledSchema } from './json-schema.js';
export { checkBudget } from './budget.js';
export { decodedSize } from './content.js';
export { checkJson, parseJsonText, type JsonRoot } from './json.js';
export { matchSubject, present } from './match.js';
export { queryJson } from './json-path.js';
export { textOf } from './text-content.js';
export { textual } from './text.js';
export { checkNotifications, type ReceivedNotification } from './notifications.js';

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
        ...checkJsonExpectations(() => jsonRootOfCall(result), result, expect, ctx),
        ...(expect.content ? checkContent(result, expect.content, ctx) : []),
        ...(outputSchema ? checkOutputSchema(result, outputSchema) : []),
    ];
}

/**
 * `json:` and `schema:` on `root` (what each kind of check calls its JSON: made only when
 * asked for), and `result:` on the whole result, the root `capture:` uses too.
 */
export function checkJsonExpectations(root: () => JsonRoot, result: unknown, expect: ResultExpectations, ctx: AssertContext): Problem[] {
    const json = expect.json || expect.schema ? root() : undefined;
    return [
        ...(expect.json ? checkJson(json!, expect.json, ctx) : []),
        ...(expect.result ? checkJson({ ok: true, value: result }, expect.result, ctx) : []),
        ...(expect.schema ? checkSchemaAssertion(json!, expect.schema, ctx) : []),
    ];
}

/** `json:` and `schema:` look at structured content, else at the first text item parsed as JSON. */
export function jsonRootOfCall(result: CallToolResult): JsonRoot {
    if (result.structuredContent !== undefined) return { ok: true, value: result.structuredContent };
    const first = (result.content ?? []).find((item) => item.type === 'text') as { text?: string } | undefined;
    if (first?.text === undefined) return { ok: false, reason: 'the result has no structuredContent and no text item' };
    const parsed = parseJsonText(first.text, 'text');
    return parsed.ok ? parsed : { ok: false, reason: 'the result has no structuredContent and its first text item is not JSON' };
}
