/** Runs one `calls:` entry: argument pre-check, the call itself, then the assertions. */
import { assertCallResult, formatAjvErrors } from '../assert/index.js';
import type { UniversalMCPClient } from '../connect/client.js';
import type { SpecPath, Suite, CallSpec } from '../spec/types.js';
import { classifyRequestError } from './classify.js';
import { listNames } from './contract-cases.js';
import type { CaseOutcome } from './result.js';
import type { IndexedTool } from './tool-index.js';

export interface CallContext {
    mcp: UniversalMCPClient;
    connectionId: string;
    suite: Suite;
    tools: Map<string, IndexedTool>;
    /** Timeout for this server's requests, in ms. */
    timeoutMs: number;
    signal: AbortSignal;
}

/** Runs a call and judges its result. Never throws. */
export async function runCall(call: CallSpec, ctx: CallContext): Promise<CaseOutcome> {
    const tool = ctx.tools.get(call.tool);
    if (!tool) {
        return {
            status: 'failed',
            problems: [
                {
                    kind: 'contract.unknownTool',
                    message: `the server does not list tool "${call.tool}"; it lists: ${listNames(ctx.tools)}`,
                    loc: ctx.suite.locate([...call.path, 'tool']),
                },
            ],
        };
    }
    const input = tool.inputSchema();
    if (!input.ok) {
        return {
            status: 'failed',
            problems: [{ kind: 'contract.inputSchema', message: `cannot check the arguments: the tool's inputSchema is not valid JSON Schema: ${input.error}` }],
        };
    }
    if (!input.validate(call.args)) {
        return {
            status: 'failed',
            problems: [
                {
                    kind: 'args.invalid',
                    message: `arguments do not match the tool's inputSchema; the call was not sent`,
                    details: formatAjvErrors(input.validate.errors),
                    loc: ctx.suite.locate([...call.path, 'args']),
                    actual: call.args,
                },
            ],
        };
    }
    const timeoutMs = call.timeoutMs ?? ctx.timeoutMs;
    let result;
    try {
        result = await ctx.mcp.callTool(ctx.connectionId, call.tool, call.args, { timeoutMs, signal: ctx.signal });
    } catch (error) {
        return classifyRequestError(error, `tools/call ${call.tool}`, timeoutMs, ctx.signal);
    }
    const expectPath: SpecPath = [...call.path, 'expect'];
    const problems = assertCallResult(result, call.expect, { locate: (p) => ctx.suite.locate([...expectPath, ...p]), locateSpec: (p) => ctx.suite.locate(p) }, tool.outputSchema());
    return problems.length ? { status: 'failed', problems } : { status: 'passed' };
}
