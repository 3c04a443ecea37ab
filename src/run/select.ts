/**
 * Which planned checks run: `--shard` keeps whole servers (their checks stay together and in
 * order) for one machine of a CI matrix; `--grep`, tags, `only` and `skip` mark checks as
 * skipped with the reason, so unselected checks still appear in every report.
 */
import type { Selection as SpecSelection } from '../load/types.js';
import type { PlannedCase, RunPlan } from './plan.js';

export interface RunSelection {
    /** Run only checks whose name matches. */
    grep?: RegExp;
    /** `--tag`: run only checks carrying one of these tags. */
    tags?: string[];
    /** `--exclude-tag`: skip checks carrying one of these tags. */
    excludeTags?: string[];
    /** `--shard i/n`: this machine's part, 1-based. */
    shard?: { index: number; total: number };
}

/** Applies a selection to a plan, returning the plan this run executes. */
export function selectCases(plan: RunPlan, selection: RunSelection): RunPlan {
    const { shard, grep, tags, excludeTags } = selection;
    let connections = plan.connections;
    if (shard) {
        // Sorted by id so every machine of the matrix computes the same split.
        const order = [...connections].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
        const mine = new Set(order.filter((_, i) => i % shard.total === shard.index - 1));
        connections = connections.filter((c) => mine.has(c));
    }
    const kept = new Set(connections.flatMap((c) => c.suites));
    const suites = plan.suites.filter((s) => kept.has(s));
    const cases = suites.flatMap((s) => s.cases);
    const focused = cases.some((c) => c.test?.only || itemOf(c)?.only);
    for (const planned of cases) {
        const item = itemOf(planned);
        const own = item?.skip ?? planned.test?.skip;
        if (own) skip(planned, own);
        if (focused && !(planned.test?.only || item?.only)) skip(planned, 'not selected: another test is marked only: true');
        const caseTags = item?.tags ?? planned.test?.tags ?? planned.tags ?? [];
        if (tags?.length && !caseTags.some((t) => tags.includes(t))) skip(planned, `not selected by --tag ${tags.join(', ')}`);
        const excluded = caseTags.find((t) => excludeTags?.includes(t));
        if (excluded) skip(planned, `excluded by --exclude-tag ${excluded}`);
        if (grep && !grep.test(planned.info.name)) skip(planned, `not selected by --grep ${grep.source}`);
    }
    return { connections, suites };
}

/** The call, read or get a check runs, whose own selection keys apply besides its entry's. */
function itemOf(planned: PlannedCase): SpecSelection | undefined {
    const { action } = planned;
    return action.kind === 'call' ? action.call : action.kind === 'resources.read' ? action.read : action.kind === 'prompts.get' ? action.get : undefined;
}

/** Marks a check as not to run, keeping the first reason it got. */
export function skip(planned: PlannedCase, reason: string): void {
    planned.skip ??= reason;
}

/** Parses `i/n` (1 ≤ i ≤ n); `undefined` when malformed. */
export function parseShard(value: string): { index: number; total: number } | undefined {
    const match = /^(\d+)\/(\d+)$/.exec(value.trim());
    if (!match) return undefined;
    const index = Number(match[1]);
    const total = Number(match[2]);
    return total >= 1 && index >= 1 && index <= total ? { index, total } : undefined;
}
