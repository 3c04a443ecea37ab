/**
 * Runs one probe check as a fast-check property: generate arguments, drop the ones on the
 * wrong side of the inputSchema, call the tool, judge the answer. fast-check shrinks a
 * failure to the smallest arguments that still fail, within a budget of calls.
 */
import fc, { type Arbitrary } from 'fast-check';
import type { Judgement } from './judge.js';
import type { Args } from './types.js';

export interface PropertyOptions {
    /** fast-check's seed for this check. */
    seed: number;
    numRuns: number;
    /** Calls shrinking may spend; past it, candidates count as passing so shrinking winds down. */
    maxShrinkCalls: number;
    /** What is said when no generated value passes `keep`, e.g. "no generated arguments matched the inputSchema". */
    unsatisfiable: string;
}

/** How one check ended. */
export type PropertyResult =
    | { status: 'passed'; runs: number; dropped: number }
    | {
          status: 'failed';
          runs: number;
          dropped: number;
          failure: { args: Args; judgement: Extract<Judgement, { kind: 'fail' }>; path?: string; shrinks: number };
          /** Set when shrinking was cut short because a call could not be judged (e.g. the server died). */
          stop?: { reason: string; scope: 'check' | 'server' };
      }
    /** `unsatisfiable`: generation found nothing to send; `stopped`: a call could not be judged. */
    | { status: 'unsatisfiable'; runs: number; dropped: number; reason: string }
    | { status: 'stopped'; runs: number; dropped: number; reason: string; scope: 'check' | 'server'; args: Args };

/** Runs the property `keep(args) ⇒ attempt(args) passes` and explains its outcome. */
export async function runProperty(
    arbitrary: Arbitrary<Args>,
    keep: (args: Args) => boolean,
    attempt: (args: Args) => Promise<Judgement>,
    options: PropertyOptions,
): Promise<PropertyResult> {
    const failures = new Map<string, Extract<Judgement, { kind: 'fail' }>>();
    let stop: { reason: string; scope: 'check' | 'server'; args: Args } | undefined;
    let dropped = 0;
    let runs = 0;
    let failedOnce = false;
    let shrinkCalls = 0;
    const property = fc.asyncProperty(arbitrary, async (args) => {
        if (stop) return true;
        if (!keep(args)) {
            if (!failedOnce) dropped++;
            fc.pre(false);
        }
        if (failedOnce && shrinkCalls++ >= options.maxShrinkCalls) return true;
        if (!failedOnce) runs++;
        const judgement = await attempt(args);
        if (judgement.kind === 'stop') {
            // Passing from here on keeps fast-check from "shrinking" towards arguments that only fail because of this.
            stop = { reason: judgement.message, scope: judgement.scope, args };
            return true;
        }
        if (judgement.kind === 'pass') return true;
        failedOnce = true;
        failures.set(keyOf(args), judgement);
        return false;
    });
    const details = await fc.check(property, { seed: options.seed, numRuns: options.numRuns });
    if (stop && !failedOnce) return { status: 'stopped', runs, dropped, ...stop };
    if (!details.failed) return { status: 'passed', runs, dropped };
    if (details.counterexample) {
        const [args] = details.counterexample;
        const judgement = failures.get(keyOf(args));
        if (judgement) {
            const failure = { args, judgement, path: details.counterexamplePath ?? undefined, shrinks: details.numShrinks };
            return { status: 'failed', runs, dropped, failure, ...(stop ? { stop: { reason: stop.reason, scope: stop.scope } } : {}) };
        }
        // Only our own code can fail without a judgement: report it instead of guessing.
        const error = details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance);
        return { status: 'stopped', runs, dropped, reason: `internal error while probing: ${error}`, scope: 'check', args };
    }
    return { status: 'unsatisfiable', runs, dropped, reason: `${options.unsatisfiable} (${dropped} of ${dropped + runs} generated values dropped)` };
}

function keyOf(args: Args): string {
    return JSON.stringify(args);
}
