/**
 * One starter call per tool. Only tools that promise `readOnlyHint: true` are called, each
 * once, and their expectations come from the answer; every other tool may change data, so its
 * call is written commented out and never sent. A call that would not pass as written (invalid
 * example arguments, a JSON-RPC error, an answer that breaks the tool's outputSchema) is
 * commented out too, with the reason, so the starter spec passes on the server it came from.
 */
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { checkOutputSchema } from '../../assert/output-schema.js';
import { compileSchema, formatAjvErrors } from '../../assert/json-schema.js';
import type { ListedTool, UniversalMCPClient } from '../../connect/client.js';
import { ServerGoneError } from '../../errors.js';
import { isReadOnly } from '../../probe/select.js';
import { textOf } from '../../assert/text-content.js';
import { exampleArgumentsOf } from './example-args.js';
import { expectationsFrom } from './expectations.js';
import type { StarterCall } from './spec-text.js';

/** What happened to one tool, for the summary `init` prints. */
export interface CallOutcome {
    tool: string;
    /** `called`: made and written live; `skipped`: not read-only, never sent; `commented`: made or tried, but written as a comment. */
    kind: 'called' | 'skipped' | 'commented';
    detail: string;
}

/** Plans (and for read-only tools, makes) the calls, one tool after another. */
export async function planCalls(
    mcp: UniversalMCPClient,
    server: string,
    tools: readonly ListedTool[],
): Promise<{ calls: StarterCall[]; outcomes: CallOutcome[] }> {
    const calls: StarterCall[] = [];
    const outcomes: CallOutcome[] = [];
    for (const tool of tools) {
        const planned = await planCall(mcp, server, tool);
        calls.push(planned.call);
        outcomes.push(planned.outcome);
    }
    return { calls, outcomes };
}

async function planCall(mcp: UniversalMCPClient, server: string, tool: ListedTool): Promise<{ call: StarterCall; outcome: CallOutcome }> {
    const { args, madeUp } = exampleArgumentsOf(tool.raw.inputSchema);
    const base = { name: tool.name, tool: tool.name, args };
    const commented = (kind: CallOutcome['kind'], detail: string, notes: string[], expect: Record<string, unknown> = { isError: false }) => ({
        call: { call: { ...base, expect }, active: false, notes },
        outcome: { tool: tool.name, kind, detail },
    });
    if (!isReadOnly(tool)) {
        return commented('skipped', 'no readOnlyHint: true', [
            `${tool.name}: not called by mcp-check init: it does not declare readOnlyHint: true, so it may change data.`,
            'Check the arguments and the expectations, then uncomment.',
        ]);
    }
    const input = compileSchema(tool.raw.inputSchema);
    if (!input.ok) {
        return commented('commented', 'its inputSchema does not compile', [`${tool.name}: not called: its inputSchema is not valid JSON Schema: ${oneLine(input.error)}`]);
    }
    if (!input.validate(args)) {
        const errors = formatAjvErrors(input.validate.errors);
        return commented('commented', 'no valid example arguments', [
            `${tool.name}: not called: the example arguments do not match its inputSchema (${errors.join('; ')}).`,
            'Fill them in, then uncomment.',
        ]);
    }
    let result: CallToolResult;
    try {
        result = await mcp.callTool(server, tool.name, args);
    } catch (error) {
        // A gone server ends init: every later call would fail the same way.
        if (error instanceof ServerGoneError) throw error;
        const message = oneLine(error instanceof Error ? error.message : String(error));
        return commented('commented', `the call failed: ${message}`, [`${tool.name}: called once by mcp-check init, and the call failed: ${message}`]);
    }
    // A refusal of made-up arguments (`note example not found`) says nothing about the tool, and
    // would only pin the refusal: the user has to supply arguments that mean something.
    if (madeUp && result.isError === true) {
        const refusal = oneLine(textOf(result)) || 'no text';
        return commented('commented', 'the made-up arguments were refused', [
            `${tool.name}: called once by mcp-check init with made-up arguments, which the server refused: ${refusal}`,
            'Fill in real arguments, then uncomment.',
        ]);
    }
    const expect = expectationsFrom(result);
    const output = tool.raw.outputSchema === undefined ? [] : checkOutputSchema(result, compileSchema(tool.raw.outputSchema));
    if (output.length) {
        const problem = output.map((p) => [p.message, ...(p.details ?? [])].join(': ')).join('; ');
        return commented('commented', `its answer breaks its outputSchema`, [`${tool.name}: called once by mcp-check init; the answer breaks the tool's outputSchema: ${oneLine(problem)}`], expect);
    }
    return {
        call: { call: { ...base, expect }, active: true, notes: [] },
        outcome: { tool: tool.name, kind: 'called', detail: `isError: ${result.isError === true}` },
    };
}

function oneLine(text: string): string {
    const flat = text.replace(/\s+/g, ' ').trim();
    return flat.length > 300 ? `${flat.slice(0, 299)}…` : flat;
}
