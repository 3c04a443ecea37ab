/** Runs one `calls:` entry: captures, argument pre-check, the call (with retries), assertions, budget. */
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { assertCallResult, checkBudget, checkNotifications, formatAjvErrors, textOf, type AssertContext, type ReceivedNotification } from '../assert/index.js';
import type { SourceLocation } from '../errors.js';
import type { CallSpec, SpecPath, TestSpec } from '../load/types.js';
import { classifyRequestError } from './classify.js';
import { summarizeNames } from './listing-cases.js';
import type { CaseOutcome, CaseRun, Problem } from './result.js';
import { withRetry } from './retry.js';
import { samplingAnswerer } from './sampling.js';
import type { CaseContext } from './session.js';
import { excerptWords } from '../excerpt.js';

/** Runs a call and judges its result. Never throws. */
export async function runCall(call: CallSpec, test: TestSpec, ctx: CaseContext): Promise<CaseRun> {
    const last: { result?: CallToolResult } = {};
    const { outcome, attempts } = await withRetry(call.retry, ctx.session.signal, () => attemptCall(call, test, ctx, last));
    if (outcome.status !== 'passed') ctx.session.captures.fail(call.capture, call.name ?? call.tool);
    // Only matrix tests compare answers across servers; others need not keep them.
    const observed = test.matrix && last.result ? observedValue(last.result) : undefined;
    return { outcome, attempts, ...(observed !== undefined ? { observed } : {}) };
}

/** What a server answered, for comparing servers: the structured content, else the text. */
function observedValue(result: CallToolResult): unknown {
    return result.structuredContent ?? (result.isError ? { isError: true, text: textOf(result) } : textOf(result));
}

/** One attempt: everything from resolving captures to the last assertion. */
async function attemptCall(call: CallSpec, test: TestSpec, ctx: CaseContext, last: { result?: CallToolResult }): Promise<CaseOutcome> {
    const { session, suite } = ctx;
    const tool = session.tools.get(call.tool);
    if (!tool) {
        const message = `the server does not list tool "${call.tool}"; it lists: ${summarizeNames([...session.tools.keys()])}`;
        return failed({ kind: 'contract.unknownTool', message, loc: suite.locate([...call.path, 'tool']) });
    }
    const args = session.captures.resolve(call.args);
    if (!args.ok) return { status: 'errored', error: { kind: 'runtime.capture', message: args.message, loc: suite.locate([...call.path, 'args']) } };
    // Expectations may use captures too (e.g. `$.id: "${{ captures.noteId }}"`).
    const expect = session.captures.resolve(call.expect);
    if (!expect.ok) return { status: 'errored', error: { kind: 'runtime.capture', message: expect.message, loc: suite.locate([...call.path, 'expect']) } };
    // A negative call exists to send what the schema forbids, so only it skips the pre-check.
    if (!call.expect.rejects) {
        const problem = checkArguments(call, args.value, ctx);
        if (problem) return failed(problem);
    }
    const timeoutMs = call.timeoutMs ?? session.timeoutMs;
    const began = performance.now();
    let result: CallToolResult | undefined;
    let error: unknown;
    // Kept only when the spec looks at them: a chatty server's notifications cost nothing otherwise.
    const notifications: ReceivedNotification[] = [];
    const onNotification = call.expect.notifications ? (n: ReceivedNotification) => void notifications.push(n) : undefined;
    try {
        result = await session.mcp.callTool(session.connectionId, call.tool, args.value, {
            timeoutMs,
            signal: session.signal,
            inputs: call.inputs,
            ...(onNotification ? { onNotification } : {}),
            ...(test.sampling ? { answer: samplingAnswerer(test.sampling) } : {}),
        });
    } catch (e) {
        error = e;
    }
    const durationMs = Math.round(performance.now() - began);
    last.result = result;
    const expectPath = [...call.path, 'expect'];
    const assertCtx: AssertContext = { locate: (p) => suite.locate([...expectPath, ...p]), locateSpec: (p) => suite.locate(p) };
    // What the server sent during the call is judged like its latency: whatever the answer was.
    const during = [
        ...checkBudget(durationMs, ...budgetOf(call.expect.maxDurationMs, call.path, test, ctx)),
        ...(call.expect.notifications ? checkNotifications(notifications, call.expect.notifications, assertCtx) : []),
    ];
    const what = `tools/call ${call.tool}`;
    if (call.expect.rejects) return judgeRejection(result, error, what, timeoutMs, during, ctx, call);
    if (!result) return classifyRequestError(error, what, timeoutMs, session.signal);
    const problems = [...assertCallResult(result, expect.value, assertCtx, tool.outputSchema()), ...during];
    if (problems.length === 0) problems.push(...session.captures.capture(call.capture, result, call.name ?? call.tool));
    return problems.length ? { status: 'failed', problems } : { status: 'passed' };
}

/** The latency budget that applies (the check's own, else its test's default) and where it was written. */
export function budgetOf(own: number | undefined, path: SpecPath, test: TestSpec, ctx: CaseContext): [number | undefined, () => SourceLocation] {
    if (own !== undefined) return [own, () => ctx.suite.locate([...path, 'expect', 'maxDuration'])];
    return [test.defaults.maxDurationMs, () => ctx.suite.locate([...test.path, 'defaults', 'maxDuration'])];
}

function checkArguments(call: CallSpec, args: Record<string, unknown>, ctx: CaseContext): Problem | undefined {
    const input = ctx.session.tools.get(call.tool)!.inputSchema();
    if (!input.ok) {
        return { kind: 'contract.inputSchema', message: `cannot check the arguments: the tool's inputSchema is not valid JSON Schema: ${input.error}` };
    }
    if (input.validate(args)) return undefined;
    return {
        kind: 'args.invalid',
        message: `arguments do not match the tool's inputSchema; the call was not sent`,
        details: formatAjvErrors(input.validate.errors),
        loc: ctx.suite.locate([...call.path, 'args']),
        actual: args,
    };
}

/** `rejects: true` passes on a JSON-RPC error or an `isError` result, and fails when the server accepts; `during` holds the budget and notification problems. */
function judgeRejection(
    result: CallToolResult | undefined,
    error: unknown,
    what: string,
    timeoutMs: number,
    during: Problem[],
    ctx: CaseContext,
    call: CallSpec,
): CaseOutcome {
    if (result) {
        if (result.isError) return during.length ? { status: 'failed', problems: during } : { status: 'passed', notes: [`${what} was answered with an isError result: ${excerptWords(textOf(result), 200)}`] };
        return failed({
            kind: 'assert.rejects',
            message: 'expected the server to reject the arguments, but it accepted them',
            loc: ctx.suite.locate([...call.path, 'expect', 'rejects']),
            actual: result,
        });
    }
    const classified = classifyRequestError(error, what, timeoutMs, ctx.session.signal);
    // A JSON-RPC error answer is exactly what a negative call expects.
    if (classified.status === 'failed' && classified.problems[0]?.kind === 'call.rpcError') {
        return during.length ? { status: 'failed', problems: during } : { status: 'passed', notes: [classified.problems[0].message] };
    }
    return classified;
}

function failed(problem: Problem): CaseOutcome {
    return { status: 'failed', problems: [problem] };
}
