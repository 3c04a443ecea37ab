import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import type { Problem } from '../run/result.js';
import type { AssertContext } from './context.js';
import { textOf } from './text-content.js';

/** `isError: true|false`: whether the tool reported a tool-level error. */
export function checkIsError(result: CallToolResult, expected: boolean, ctx: AssertContext): Problem[] {
    const actual = result.isError === true;
    if (actual === expected) return [];
    const text = textOf(result);
    return [
        {
            kind: 'assert.isError',
            message: expected
                ? 'expected the tool to report an error (isError: true), but it succeeded'
                : `expected success (isError: false), but the tool reported an error${text ? `: ${text}` : ''}`,
            loc: ctx.locate(['isError']),
            expected,
            actual,
        },
    ];
}
