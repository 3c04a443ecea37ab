/** Runs one `calls:` entry: captures, argument pre-check, the call (with retries), assertions, budget. */
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { assertCallResult, checkNotifications, formatAjvErrors, textOf, type ReceivedNotification } from '../assert/index.js';
import type { CallSpec, TestSpec } from '../load/types.js';
import { excerptWords } from '../excerpt.js';
import { summarizeNames } from './listing-cases.js';
import { exchange, expectContext, runWithRetries } from './request-check.js';
import type { CaseOutcome, CaseRun, Problem } from './result.js';
import { samplingAnswerer } from './sampling.js';
import type { CaseContext } from './session.js';

/** Runs a call and judges its result. Never throws. */
export async function runCall(call: CallSpec, test: TestSpec, ctx: CaseContext): Promise<CaseRun> {
    const last: { result?: CallToolResult } = {};
    const run = await runWithRetries(call, call.name ?? call.tool, ctx, () => attemptCall(call, test, ctx, last));
    // Only matrix tests compare answers across servers; others need not keep them.
    const observed = test.matrix && last.result ? observedValue(last.result) : undefined;
    return { ...run, ...(observed !== undefined ? { observed } : {}) };
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
    // A negative call exists to send what the schema forbids, so only it skips the pre-check.
    if (!call.expect.rejects) {
        const problem = checkArguments(call, args.value, ctx);
        if (problem) return failed(problem);
    }
    const timeoutMs = call.timeoutMs ?? session.timeoutMs;
    // Kept only when the spec looks at them: a chatty server's notifications cost nothing otherwise.
    const notifications: ReceivedNotification[] = [];
    const watched = call.expect.notifications;
    const onNotification = watched ? (n: ReceivedNotification) => void notifications.push(n) : undefined;
    const { outcome, result } = await exchange(
        {
            what: `tools/call ${call.tool}`,
            timeoutMs,
            send: () =>
                session.mcp.callTool(session.connectionId, call.tool, args.value, {
                    timeoutMs,
                    signal: session.signal,
                    inputs: call.inputs,
                    ...(onNotification ? { onNotification } : {}),
                    ...(test.sampling ? { answer: samplingAnswerer(test.sampling) } : {}),
                }),
            judge: (answer, expect) => assertCallResult(answer, expect, expectContext(call, ctx), tool.outputSchema()),
            refusal: (answer) => (answer.isError ? `tools/call ${call.tool} was answered with an isError result: ${excerptWords(textOf(answer), 200)}` : undefined),
            accepted: 'expected the server to reject the arguments, but it accepted them',
            during: () => (watched ? checkNotifications(notifications, watched, expectContext(call, ctx)) : []),
        },
        call,
        call.name ?? call.tool,
        test,
        ctx,
    );
    last.result = result;
    return outcome;
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

function failed(problem: Problem): CaseOutcome {
    return { status: 'failed', problems: [problem] };
}
