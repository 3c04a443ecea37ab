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
import { PROCESS_MARK } from '../../connect/process.js';

const MAX_JSON_KEYS = 5;
const MAX_SNIPPET = 30;
const MAX_CONTENT_ITEMS = 3;
// Shorter environment values (`1`, `C`, `en`) would rule out most text.
const MIN_ENV_VALUE = 3;

/**
 * The `expect:` block for a result, in spec syntax. Nothing is expected of a value that comes
 * from the environment (`$.SHELL`, a home folder in the text): it would hold on this machine only.
 */
export function expectationsFrom(result: CallToolResult, env: NodeJS.ProcessEnv = process.env): Record<string, unknown> {
    const expect: Record<string, unknown> = { isError: result.isError === true };
    const fromEnv = environmentValues(env);
    const root = jsonRootOfCall(result);
    const isObject = root.ok && typeof root.value === 'object' && root.value !== null && !Array.isArray(root.value);
    const json = isObject ? jsonChecks(root.value as Record<string, unknown>, fromEnv) : undefined;
    if (json) {
        expect.json = json;
        return expect;
    }
    // A JSON object whose keys all came from the environment: its text says no more than they did.
    const snippet = isObject ? undefined : textSnippet(textOf(result));
    if (snippet && !mentionsAny(firstLine(textOf(result)), fromEnv)) {
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
function jsonChecks(object: Record<string, unknown>, fromEnv: ReadonlySet<string>): Record<string, unknown> | undefined {
    const checks: Record<string, unknown> = {};
    // mcp-check's own mark on every server process (see `PROCESS_MARK`) is environment too, and differs on every run.
    const own = Object.entries(object).filter(([key, value]) => key !== PROCESS_MARK && !(typeof value === 'string' && fromEnv.has(value)));
    for (const [key, value] of own.slice(0, MAX_JSON_KEYS)) {
        const path = jsonPathOf(key);
        // Belt and braces: a key the path syntax cannot reach must not become a failing check.
        const found = queryJson(object, path);
        if (found.present && isDeepStrictEqual(found.value, value)) checks[path] = { type: jsonType(value) };
    }
    return Object.keys(checks).length ? checks : undefined;
}

/** The values of the environment's variables, but for the shortest (`1`, `C`), which are everywhere. */
function environmentValues(env: NodeJS.ProcessEnv): Set<string> {
    return new Set(Object.values(env).filter((v): v is string => v !== undefined && v.length >= MIN_ENV_VALUE));
}

function mentionsAny(text: string, values: ReadonlySet<string>): boolean {
    return [...values].some((value) => text.includes(value));
}

function firstLine(text: string): string {
    return text.split('\n').find((l) => l.trim() !== '') ?? '';
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
