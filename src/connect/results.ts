/**
 * Reading results the way the SDK's schemas do, without paying zod for the shapes nearly every
 * answer has. A value the quick check accepts is one the schema would return unchanged; any
 * other goes through the schema itself, so defaults and stripped keys stay the SDK's. What the
 * schema rejects becomes an `InvalidResultError`: the server's fault, reported as such.
 */
import { CallToolResultSchema, ResultSchema, type CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { InvalidResultError } from '../errors.js';
import { hasPlainMeta, isJsonObject } from './json-rpc-message.js';

/** A `tools/call` result as `CallToolResultSchema` reads it. */
export function readCallToolResult(value: unknown): CallToolResult {
    return isPlainCallToolResult(value) ? value : parseWith(CallToolResultSchema, value);
}

/** Any other result (`ResultSchema`: an object; `_meta`, when present, is checked). */
export function readResult(value: unknown): Record<string, unknown> {
    return isJsonObject(value) && hasPlainMeta(value) ? value : parseWith(ResultSchema, value);
}

function parseWith<T>(schema: { parse(value: unknown): T }, value: unknown): T {
    try {
        return schema.parse(value);
    } catch (error) {
        throw new InvalidResultError(error instanceof Error ? error.message : String(error), { cause: error });
    }
}

/** Text-only content, and the optional fields in the types the schema wants. */
function isPlainCallToolResult(value: unknown): value is CallToolResult {
    if (!isJsonObject(value) || !hasPlainMeta(value) || !Array.isArray(value.content)) return false;
    if (value.isError !== undefined && typeof value.isError !== 'boolean') return false;
    if (value.structuredContent !== undefined && !isJsonObject(value.structuredContent)) return false;
    return value.content.every(isPlainText);
}

/** `{type: 'text', text}` and nothing else: the schema would strip or check any other key. */
function isPlainText(block: unknown): boolean {
    return isJsonObject(block) && block.type === 'text' && typeof block.text === 'string' && Object.keys(block).length === 2;
}
