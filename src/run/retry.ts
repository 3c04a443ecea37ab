/** `retry:` — runs a check again until it passes, for eventually consistent servers. */
import { setTimeout as sleep } from 'node:timers/promises';
import type { RetryPolicy } from '../load/types.js';
import type { CaseOutcome } from './result.js';

/** Runs `attempt` up to `1 + policy.count` times while it fails; returns the last outcome and the count. */
export async function withRetry(
    policy: RetryPolicy | undefined,
    signal: AbortSignal,
    attempt: () => Promise<CaseOutcome>,
): Promise<{ outcome: CaseOutcome; attempts: number }> {
    let attempts = 1;
    let outcome = await attempt();
    while (policy && attempts <= policy.count && isRetryable(outcome) && !signal.aborted) {
        await sleep(policy.intervalMs, undefined, { signal }).catch(() => undefined);
        if (signal.aborted) break;
        attempts++;
        outcome = await attempt();
    }
    return { outcome, attempts };
}

/** Failures and timeouts may pass later; a server that is gone or a stopped run will not. */
function isRetryable(outcome: CaseOutcome): boolean {
    if (outcome.status === 'failed') return true;
    return outcome.status === 'errored' && outcome.error.kind === 'runtime.timeout';
}
