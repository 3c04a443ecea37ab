import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import type { Problem } from '../run/result.js';
import type { TextMatcher } from '../spec/types.js';
import type { AssertContext } from './context.js';
import { textOf } from './text-content.js';

/** `text:` — equals (plain string), `contains` or `matches` (a regular expression) on the text content. */
export function checkText(result: CallToolResult, matcher: TextMatcher, ctx: AssertContext): Problem[] {
    const actual = textOf(result);
    const [op, expected] = Object.entries(matcher)[0] as [keyof TextMatcher & string, string];
    const holds =
        op === 'equals' ? actual === expected : op === 'contains' ? actual.includes(expected) : new RegExp(expected, 'u').test(actual);
    if (holds) return [];
    const verb = op === 'equals' ? 'equal' : op === 'contains' ? 'contain' : 'match';
    return [
        {
            kind: 'assert.text',
            message: `expected text to ${verb} ${JSON.stringify(expected)}`,
            // A plain string has no `equals` key; locate() then points at `text` itself.
            loc: ctx.locate(['text', op]),
            expected: op === 'equals' ? expected : { [op]: expected },
            actual,
        },
    ];
}

