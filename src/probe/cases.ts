/**
 * The bridge to test cases: a probed tool is one case, `probe: <tool>`, and each failed or
 * errored check one problem, with the smallest counterexample and the seed to replay it.
 */
import type { ProbeCheck, ToolProbe } from './types.js';

/** A problem of a probe case, in the shape of the runner's `Problem` (the caller picks its `kind`). */
export interface ProbeProblem {
    /** `errored`: the check could not run (timeout, server gone, nothing to generate). */
    status: 'failed' | 'errored';
    message: string;
    details: string[];
    /** The shrunk arguments, for failures. */
    actual?: unknown;
}

/** The case name of a probed tool. */
export function probeCaseName(tool: string): string {
    return `probe: ${tool}`;
}

/** One problem per failed or errored check (or one for a tool that could not be probed at all). */
export function probeProblems(probe: ToolProbe): ProbeProblem[] {
    if (probe.reason) return [{ status: 'errored', message: probe.reason, details: [] }];
    return probe.checks.flatMap((check) => problemOf(check) ?? []);
}

function problemOf(check: ProbeCheck): ProbeProblem | undefined {
    if (check.status === 'errored') return { status: 'errored', message: `${check.name}: ${check.reason ?? 'could not run'}`, details: [] };
    const failure = check.failure;
    if (check.status !== 'failed' || !failure) return undefined;
    return {
        status: 'failed',
        message: `${check.name}: ${failure.message}; smallest failing arguments: ${JSON.stringify(failure.counterexample)} (replay with seed ${failure.seed})`,
        details: [
            ...(failure.details ?? []),
            ...(failure.actual !== undefined ? [`answer: ${bounded(JSON.stringify(failure.actual) ?? String(failure.actual))}`] : []),
            `seed ${failure.seed}; fast-check seed ${failure.checkSeed}${failure.path ? `, path ${failure.path}` : ''}; ${failure.shrinks} shrinks`,
        ],
        actual: failure.counterexample,
    };
}

function bounded(text: string): string {
    return text.length > 300 ? `${text.slice(0, 300)}…` : text;
}
