import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import type { Problem } from '../run/result.js';
import type { ContentChecks, ContentItemCheck, Matcher } from '../load/types.js';
import type { AssertContext } from './context.js';
import { matchSubject, present } from './match.js';
import { partialMatch } from './structured-content.js';
import { textual } from './text.js';
import type { Subject } from './matchers/index.js';

/**
 * `content:` — item i of the result is checked against entry i. A shorter list checks a
 * prefix of the items; `exact: true` wants exactly as many items as listed.
 */
export function checkContent(result: CallToolResult, checks: ContentChecks, ctx: AssertContext): Problem[] {
    const items = (result.content ?? []) as Record<string, unknown>[];
    const count: Problem[] =
        checks.exact && items.length !== checks.items.length
            ? [{ kind: 'assert.content', message: `content: expected exactly ${checks.items.length} items, got ${items.length}`, loc: ctx.locateSpec([...checks.path, 'exact']), expected: checks.items.length, actual: items.length }]
            : [];
    return [...count, ...checks.items.flatMap((check, i) => checkItem(items[i], check, `content[${i}]`, items.length, ctx))];
}

function checkItem(item: Record<string, unknown> | undefined, check: ContentItemCheck, label: string, count: number, ctx: AssertContext): Problem[] {
    if (!item) return [{ kind: 'assert.content', message: `${label}: expected an item, but the result has ${count}`, loc: ctx.locateSpec(check.path) }];
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
    const matchField = (key: 'text' | 'mimeType' | 'uri' | 'name', matcher: Matcher | undefined) => {
        if (matcher) problems.push(...matchSubject(`${label}.${key}`, key === 'text' ? textual(matcher) : matcher, field(item, key), 'assert.content', ctx));
    };
    matchField('text', check.text);
    matchField('mimeType', check.mimeType);
    matchField('uri', check.uri);
    matchField('name', check.name);
    if (check.dataSize) problems.push(...matchSubject(`${label}.dataSize`, check.dataSize, decodedSize(item.data), 'assert.content', ctx));
    for (const key of ['resource', 'annotations'] as const) {
        if (check[key] === undefined) continue;
        const where = [...check.path, key];
        if (!(key in item)) problems.push({ kind: 'assert.content', message: `${label}.${key}: missing`, loc: ctx.locateSpec(where), expected: check[key] });
        else problems.push(...partialMatch(`${label}.${key}`, check[key], item[key], 'assert.content', (p) => ctx.locateSpec([...where, ...p])));
    }
    return problems;
}

function field(item: Record<string, unknown>, key: string): Subject {
    return key in item ? present(item[key]) : { present: false };
}

/** The size in bytes of base64 `data` (image and audio items), as `dataSize` checks it. */
export function decodedSize(data: unknown): Subject {
    return typeof data === 'string' ? present(Buffer.from(data, 'base64').length) : { present: false };
}
