/**
 * Expectations for a starter spec, read off one real answer. They are chosen to hold again on
 * the next run: `isError` as observed, then the types of a few top-level keys of the JSON
 * answer, else the start of the text, else the content item types. Exact values would pin
 * whatever the server happened to say once (ids, timestamps, counts).
 */
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { isDeepStrictEqual } from 'node:util';
import { jsonRootOfCall } from '../../assert/index.js';
import { queryJson } from '../../assert/json-path.js';
import { textOf } from '../../assert/text-content.js';

const MAX_JSON_KEYS = 5;
const MAX_SNIPPET = 30;
const MAX_CONTENT_ITEMS = 3;

/** The `expect:` block for a result, in spec syntax. */
export function expectationsFrom(result: CallToolResult): Record<string, unknown> {
    const expect: Record<string, unknown> = { isError: result.isError === true };
    const json = jsonChecks(result);
    if (json) {
        expect.json = json;
        return expect;
    }
    const snippet = textSnippet(textOf(result));
    if (snippet) {
        expect.text = { contains: snippet };
        return expect;
    }
    const content = (result.content ?? []).slice(0, MAX_CONTENT_ITEMS) as Record<string, unknown>[];
    if (content.length) {
        expect.content = content.map((item) => ({ type: item.type, ...(typeof item.mimeType === 'string' ? { mimeType: item.mimeType } : {}) }));
    }
    return expect;
}

/** `$.key: { type: … }` for the first keys of the JSON object `json:` would look at (structured content, else JSON text). */
function jsonChecks(result: CallToolResult): Record<string, unknown> | undefined {
    const root = jsonRootOfCall(result);
    if (!root.ok || typeof root.value !== 'object' || root.value === null || Array.isArray(root.value)) return undefined;
    const checks: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(root.value).slice(0, MAX_JSON_KEYS)) {
        const path = jsonPathOf(key);
        // Belt and braces: a key the path syntax cannot reach must not become a failing check.
        const found = queryJson(root.value, path);
        if (found.present && isDeepStrictEqual(found.value, value)) checks[path] = { type: jsonType(value) };
    }
    return Object.keys(checks).length ? checks : undefined;
}

/** `$.name` for plain keys, `$['odd key']` otherwise. */
export function jsonPathOf(key: string): string {
    return /^[A-Za-z_][A-Za-z0-9_]*$/.test(key) ? `$.${key}` : `$['${key.replaceAll('\\', '\\\\').replaceAll("'", "\\'")}']`;
}

/** The `type:` matcher name of a JSON value; numbers are `number` (an integer now may have a fraction next time). */
function jsonType(value: unknown): string {
    if (value === null) return 'null';
    if (Array.isArray(value)) return 'array';
    return typeof value === 'number' ? 'number' : typeof value;
}

/** The start of the first non-blank line, cut at a word boundary when it is long. */
export function textSnippet(text: string): string | undefined {
    const line = text.split('\n').map((l) => l.trim()).find((l) => l !== '');
    if (!line) return undefined;
    if (line.length <= MAX_SNIPPET) return line;
    const cut = line.slice(0, MAX_SNIPPET);
    const space = cut.lastIndexOf(' ');
    return (space >= MAX_SNIPPET / 2 ? cut.slice(0, space) : cut).trimEnd();
}
