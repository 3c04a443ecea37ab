/**
 * What every check that sends one request shares (tool calls, resource reads, prompt gets):
 * captures in its expectations, timing and the latency budget, `rejects`, request errors,
 * assertions, `capture:` on success, and `retry:`.
 */
import { checkBudget, type AssertContext } from '../assert/index.js';
import type { SourceLocation } from '../errors.js';
import type { ResultExpectations, RetryPolicy, SpecPath, TestSpec } from '../load/types.js';
import { classifyRequestError } from './classify.js';
import type { CaseOutcome, CaseRun, Problem } from './result.js';
import { withRetry } from './retry.js';
import type { CaseContext } from './session.js';

/** The parts of a call, read or get the shared steps use. */
export interface RequestCheck<E extends ResultExpectations> {
    expect: E;
    capture?: Record<string, string>;
    retry?: RetryPolicy;
    path: SpecPath;
}

/** One kind of request, as its check sends and judges it. */
export interface Request<R, E> {
    /** e.g. `tools/call add_note`, for messages. */
    what: string;
    timeoutMs: number;
    send(): Promise<R>;
    /** Assertions on an answer, with captures resolved in `expect`. */
    judge(result: R, expect: E): Problem[];
    /** For `rejects`: a note when the answer is itself a refusal (a tool's `isError` result). */
    refusal?(result: R): string | undefined;
    /** For `rejects`: what a user is told when the server answered instead. */
    accepted: string;
    /** What arrived while the request ran (notifications), judged like its latency: whatever the answer. */
    during?(): Problem[];
}

/** Runs `attempt` with the check's retries; a check that did not pass leaves its captures missing. */
export async function runWithRetries(check: RequestCheck<ResultExpectations>, source: string, ctx: CaseContext, attempt: () => Promise<CaseOutcome>): Promise<CaseRun> {
    const { outcome, attempts } = await withRetry(check.retry, ctx.session.signal, attempt);
    if (outcome.status !== 'passed') ctx.session.captures.fail(check.capture, source);
    return { outcome, attempts };
}

/** Sends the request and judges the answer; returns the outcome and the answer, if one came. */
export async function exchange<R, E extends ResultExpectations>(
    request: Request<R, E>,
    check: RequestCheck<E>,
    source: string,
    test: TestSpec,
    ctx: CaseContext,
): Promise<{ outcome: CaseOutcome; result?: R }> {
    const { session, suite } = ctx;
    // Expectations may use captures too (e.g. `$.id: "${{ captures.noteId }}"`).
    const expect = session.captures.resolve(check.expect);
    if (!expect.ok) return { outcome: { status: 'errored', error: { kind: 'runtime.capture', message: expect.message, loc: suite.locate([...check.path, 'expect']) } } };
    const began = performance.now();
    let answer: { result: R } | undefined;
    let error: unknown;
    try {
        answer = { result: await request.send() };
    } catch (e) {
        error = e;
    }
    const budget = [
        ...checkBudget(Math.round(performance.now() - began), ...budgetOf(check.expect.maxDurationMs, check.path, test, ctx)),
        ...(request.during?.() ?? []),
    ];
    if (check.expect.rejects) return { outcome: judgeRejection(request, answer, error, budget, check, ctx), ...answer };
    if (!answer) return { outcome: classifyRequestError(error, request.what, request.timeoutMs, session.signal) };
    const problems = [...request.judge(answer.result, expect.value), ...budget];
    if (problems.length === 0) problems.push(...session.captures.capture(check.capture, answer.result, source));
    return { outcome: problems.length ? { status: 'failed', problems } : { status: 'passed' }, result: answer.result };
}

/** `rejects: true` passes on a JSON-RPC error (or a refusal such as `isError`), and fails when the server answers. */
function judgeRejection<R, E>(
    request: Request<R, E>,
    answer: { result: R } | undefined,
    error: unknown,
    budget: Problem[],
    check: RequestCheck<ResultExpectations>,
    ctx: CaseContext,
): CaseOutcome {
    const passed = (note: string): CaseOutcome => (budget.length ? { status: 'failed', problems: budget } : { status: 'passed', notes: [note] });
    if (answer) {
        const refusal = request.refusal?.(answer.result);
        if (refusal !== undefined) return passed(refusal);
        const problem: Problem = { kind: 'assert.rejects', message: request.accepted, loc: ctx.suite.locate([...check.path, 'expect', 'rejects']), actual: answer.result };
        return { status: 'failed', problems: [problem] };
    }
    const classified = classifyRequestError(error, request.what, request.timeoutMs, ctx.session.signal);
    // A JSON-RPC error answer is exactly what a negative check expects.
    if (classified.status === 'failed' && classified.problems[0]?.kind === 'call.rpcError') return passed(classified.problems[0].message);
    return classified;
}

/** Locates what is written below a check's `expect:` (and anywhere else in its spec) for assertions. */
export function expectContext(check: { path: SpecPath }, ctx: CaseContext): AssertContext {
    const at = [...check.path, 'expect'];
    return { locate: (p) => ctx.suite.locate([...at, ...p]), locateSpec: (p) => ctx.suite.locate(p) };
}

/** The latency budget that applies (the check's own, else its test's default) and where it was written. */
export function budgetOf(own: number | undefined, path: SpecPath, test: TestSpec, ctx: CaseContext): [number | undefined, () => SourceLocation] {
    if (own !== undefined) return [own, () => ctx.suite.locate([...path, 'expect', 'maxDuration'])];
    return [test.defaults.maxDurationMs, () => ctx.suite.locate([...test.path, 'defaults', 'maxDuration'])];
}
