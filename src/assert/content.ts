import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import type { Problem } from '../run/result.js';
import type { ContentItemCheck } from '../load/types.js';
import type { AssertContext } from './context.js';
import { matchSubject, present } from './match.js';
import { textual } from './text.js';
import type { Subject } from './matchers/index.js';

/** `content:` — item i of the result is checked against entry i: its `type`, `text` and `mimeType`. */
export function checkContent(result: CallToolResult, checks: readonly ContentItemCheck[], ctx: AssertContext): Problem[] {
    const items = (result.content ?? []) as Record<string, unknown>[];
    return checks.flatMap((check, i) => {
        const item = items[i];
        const label = `content[${i}]`;
        if (!item) {
            return [{ kind: 'assert.content', message: `${label}: expected an item, but the result has ${items.length}`, loc: ctx.locateSpec(check.path) }];
        }
        const problems: Problem[] = [];
        if (check.type !== undefined && item.type !== check.type) {
            problems.push({
                kind: 'assert.content',
                message: `${label}.type: expected ${JSON.stringify(check.type)}`,
                loc: ctx.locateSpec([...check.path, 'type']),
                expected: check.type,
                actual: item.type,
            });
        }
        if (check.text) problems.push(...matchSubject(`${label}.text`, textual(check.text), field(item, 'text'), 'assert.content', ctx));
        if (check.mimeType) problems.push(...matchSubject(`${label}.mimeType`, check.mimeType, field(item, 'mimeType'), 'assert.content', ctx));
        return problems;
    });
}

function field(item: Record<string, unknown>, key: string): Subject {
    return key in item ? present(item[key]) : { present: false };
}
