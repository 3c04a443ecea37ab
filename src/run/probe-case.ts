/** `probe:` on a test: schema-driven calls to the server's read-only tools, judged as one check. */
import type { SkippedTool } from '../probe/index.js';
import { SKIP_REASONS } from '../probe/select.js';
import type { ProbeSpec } from '../load/types.js';
import { classifyRequestError } from './classify.js';
import type { CaseOutcome, Problem } from './result.js';
import type { CaseContext } from './session.js';

/** Runs in a spec are reproducible by default: the same arguments every time unless a seed is given. */
const DEFAULT_SPEC_SEED = 1;
/** Fewer runs than the CLI's default, to keep a spec's probe cheap in every CI run. */
const DEFAULT_SPEC_RUNS = 20;

/** Probes the selected tools and reports every failing property with its smallest arguments. */
export async function runProbeCase(probe: ProbeSpec, ctx: CaseContext): Promise<CaseOutcome> {
    const { session } = ctx;
    // The probe stage (fast-check among it) is the largest module of the runner; most runs never probe.
    const { probeProblems, probeServer } = await import('../probe/index.js');
    let report;
    try {
        report = await probeServer(session.mcp, session.connectionId, {
            listedTools: session.listedTools,
            tools: probe.tools,
            ...(probe.exclude ? { exclude: probe.exclude } : {}),
            ...(probe.acceptCoercion ? { acceptCoercion: true } : {}),
            runs: probe.runs ?? DEFAULT_SPEC_RUNS,
            seed: probe.seed ?? DEFAULT_SPEC_SEED,
            timeoutMs: session.timeoutMs,
            signal: session.signal,
        });
    } catch (error) {
        return classifyRequestError(error, 'probing', session.timeoutMs, session.signal);
    }
    const problems: Problem[] = report.notListed.map((tool) => ({
        kind: 'contract.probe',
        message: `probe: tool "${tool}" is named in the spec but the server does not list it`,
        loc: probe.loc,
    }));
    let errored: Problem | undefined;
    for (const tool of report.tools) {
        for (const p of probeProblems(tool)) {
            const problem: Problem = { kind: 'contract.probe', message: `${tool.tool}: ${p.message}`, details: p.details, ...(p.actual !== undefined ? { actual: p.actual } : {}) };
            if (p.status === 'failed') problems.push(problem);
            else errored ??= problem;
        }
    }
    if (problems.length) return { status: 'failed', problems };
    if (errored) return { status: 'errored', error: errored };
    const probed = report.tools.map((t) => t.tool);
    return {
        status: 'passed',
        notes: [
            `probed ${probed.length ? probed.join(', ') : 'no tools'} with seed ${report.seed} (${report.runs} runs each)`,
            ...notProbed(report.skipped),
        ],
    };
}

// The tools not probed, by why: `not probed (not readOnlyHint: true): wipe`, `excluded: slow`.
function notProbed(skipped: readonly SkippedTool[]): string[] {
    const named = (reason: string) => skipped.filter((s) => s.reason === reason).map((s) => s.tool);
    const notReadOnly = named(SKIP_REASONS.notReadOnly);
    const excluded = named(SKIP_REASONS.excluded);
    return [
        ...(notReadOnly.length ? [`not probed (not readOnlyHint: true): ${notReadOnly.join(', ')}`] : []),
        ...(excluded.length ? [`not probed (excluded): ${excluded.join(', ')}`] : []),
    ];
}
