import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import type { Problem } from '../run/result.js';
import type { Matcher } from '../spec/types.js';
import type { AssertContext } from './context.js';
import { matchSubject, present } from './match.js';
import { textOf } from './text-content.js';

/** `text:` — any matcher on the text content (all text items joined with newlines). */
export function checkText(result: CallToolResult, matcher: Matcher, ctx: AssertContext): Problem[] {
    return matchSubject('text', matcher, present(textOf(result)), 'assert.text', ctx);
}
