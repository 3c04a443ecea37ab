import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import type { Problem } from '../run/result.js';
import type { Matcher } from '../spec/types.js';
import type { AssertContext } from './context.js';
import { textOf } from './text-content.js';

/** `text:` — equals (plain string), `contains` or `matches` (a regular expression) on the text content. */
export function checkText(result: CallToolResult, matcher: Matcher, ctx: AssertContext): Problem[] {
    const actual = textOf(result);
    let holds: boolean;
    let expected: unknown;
    if (matcher.op === 'equals') [holds, expected] = [actual === matcher.value, matcher.value];
    else if (matcher.op === 'contains') [holds, expected] = [actual.includes(String(matcher.value)), matcher.value];
    else if (matcher.op === 'matches') [holds, expected] = [new RegExp(matcher.pattern, 'u').test(actual), matcher.pattern];
    else throw new Error(`text matcher ${matcher.op} is not supported yet`);
    if (holds) return [];
    const verb = matcher.op === 'equals' ? 'equal' : matcher.op === 'contains' ? 'contain' : 'match';
    return [
        {
            kind: 'assert.text',
            message: `expected text to ${verb} ${JSON.stringify(expected)}`,
            loc: ctx.locateSpec(matcher.path),
            expected: matcher.op === 'equals' ? expected : { [matcher.op]: expected },
            actual,
        },
    ];
}
