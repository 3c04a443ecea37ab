import type { Problem } from '../run/result.js';
import type { SourceLocation } from '../errors.js';

/** `maxDuration:` — a latency budget; the measured duration is always in the report. */
export function checkBudget(durationMs: number, budgetMs: number | undefined, locate: () => SourceLocation): Problem[] {
    if (budgetMs === undefined || durationMs <= budgetMs) return [];
    // Located only when exceeded: resolving a spec position on every call is not free.
    return [{ kind: 'assert.maxDuration', message: `took ${durationMs} ms, over its budget of ${budgetMs} ms`, loc: locate(), expected: `≤ ${budgetMs} ms`, actual: `${durationMs} ms` }];
}
