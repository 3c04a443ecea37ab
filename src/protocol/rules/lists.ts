/** Rules about the paginated lists (`tools/list`, `resources/list`, …), both eras. */
import { ErrorCode } from '@modelcontextprotocol/sdk/types.js';
import { isJsonObject } from '../../connect/json-rpc-message.js';
import { describeExchange, errorOf, preview, type ProbeContext } from '../context.js';
import { found, type ProtocolRule, type RuleOutcome } from '../types.js';

/** A cursor no server hands out. */
const FORGED_CURSOR = 'mcp-check-forged-cursor';

export const paginationTerminates: ProtocolRule = {
    id: 'pagination-terminates',
    check: async (probe) => {
        const skipped = noLists(probe);
        if (skipped) return skipped;
        const findings: string[] = [];
        const notes: string[] = [];
        for (const walk of await probe.lists()) {
            const { end, method, pages } = walk;
            if (end.kind === 'repeated') findings.push(`${method} gave the cursor ${JSON.stringify(end.cursor)} a second time after ${pages.length} pages: following it never ends`);
            if (end.kind === 'endless') findings.push(`${method} gave a new cursor on each of ${pages.length} pages without ending`);
            if (end.kind === 'refused') notes.push(`${method} page ${pages.length + 1} could not be read: ${end.why}`);
        }
        return { ...found(findings), ...(notes.length ? { notes } : {}) };
    },
};

export const invalidCursor: ProtocolRule = {
    id: 'invalid-cursor',
    check: async (probe) => {
        const skipped = noLists(probe);
        if (skipped) return skipped;
        const findings: string[] = [];
        for (const method of probe.declaredLists()) {
            const exchange = await probe.request(method, { cursor: FORGED_CURSOR });
            if (errorOf(exchange)?.code !== ErrorCode.InvalidParams) {
                findings.push(`${method} with a cursor it never gave (${JSON.stringify(FORGED_CURSOR)}) was answered with ${describeExchange(exchange)}, not -32602 (Invalid params)`);
            }
        }
        return found(findings);
    },
};

export const listStable: ProtocolRule = {
    id: 'list-stable',
    check: async (probe) => {
        const skipped = noLists(probe);
        if (skipped) return skipped;
        const findings: string[] = [];
        for (const first of await probe.lists()) {
            if (first.end.kind !== 'done') continue;
            const second = await probe.walk(first.method);
            if (second.end.kind !== 'done') continue;
            const [before, after] = [itemsOf(first.pages), itemsOf(second.pages)];
            if (before.join('\n') !== after.join('\n')) {
                findings.push(`${first.method} listed ${preview(before)} and then ${preview(after)}: the same list read twice differs`);
            }
        }
        return found(findings);
    },
};

/** The names (or URIs) of a list's items, in order. */
function itemsOf(pages: readonly Record<string, unknown>[]): string[] {
    return pages.flatMap((page) =>
        Object.entries(page)
            .filter(([key, value]) => Array.isArray(value) && !['_meta'].includes(key))
            .flatMap(([, value]) => (value as unknown[]).map((item) => (isJsonObject(item) ? String(item.name ?? item.uri ?? item.uriTemplate) : preview(item)))),
    );
}

function noLists(probe: ProbeContext): RuleOutcome | undefined {
    return probe.declaredLists().length ? undefined : { skip: 'the server declares no tools, resources or prompts: it has no list to page through' };
}
