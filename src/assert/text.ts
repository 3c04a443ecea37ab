import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import type { Problem } from '../run/result.js';
import type { Matcher } from '../load/types.js';
import type { AssertContext } from './context.js';
import { matchSubject, present } from './match.js';
import { textOf } from './text-content.js';

/** `text:` — any matcher on the text content (all text items joined with newlines). */
export function checkText(result: CallToolResult, matcher: Matcher, ctx: AssertContext): Problem[] {
    return matchSubject('text', textual(matcher), present(textOf(result)), 'assert.text', ctx);
}

/** Text is always a string, so a YAML scalar like `text: 42` means the text "42". */
export function textual(matcher: Matcher): Matcher {
    const asText = (v: unknown) => (typeof v === 'number' || typeof v === 'boolean' ? String(v) : v);
    switch (matcher.op) {
        case 'equals':
        case 'contains':
            return { ...matcher, value: asText(matcher.value) };
        case 'oneOf':
            return { ...matcher, values: matcher.values.map(asText) };
        case 'not':
            return { ...matcher, matcher: textual(matcher.matcher) };
        case 'all':
        case 'any':
            return { ...matcher, matchers: matcher.matchers.map(textual) };
        default:
            return matcher;
    }
}
