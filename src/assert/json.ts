import type { Problem } from '../run/result.js';
import type { JsonPathCheck } from '../load/types.js';
import type { AssertContext } from './context.js';
import { queryJson } from './json-path.js';
import { matchSubject } from './match.js';

/** Where `json:` looks: structured content, else a text item that parses as JSON. */
export type JsonRoot = { ok: true; value: unknown } | { ok: false; reason: string };

/** `json:` — each JSONPath's value(s) must satisfy its matcher; a path that matches nothing fails unless it allows that. */
export function checkJson(root: JsonRoot, checks: readonly JsonPathCheck[], ctx: AssertContext): Problem[] {
    if (!root.ok) {
        return checks.map((c) => ({ kind: 'assert.json', message: `${c.jsonPath}: cannot check: ${root.reason}`, loc: ctx.locateSpec(c.matcher.path) }));
    }
    return checks.flatMap((c) => matchSubject(c.jsonPath, c.matcher, queryJson(root.value, c.jsonPath), 'assert.json', ctx));
}

/** Parses text as JSON for `json:`/`schema:`, explaining why not when it is not JSON. */
export function parseJsonText(text: string | undefined, what: string): JsonRoot {
    if (text === undefined) return { ok: false, reason: `there is no ${what}` };
    try {
        return { ok: true, value: JSON.parse(text) };
    } catch {
        return { ok: false, reason: `the ${what} is not JSON` };
    }
}
