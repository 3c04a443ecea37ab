/**
 * What a tool call answers, for the tools safe to call: those annotated `readOnlyHint: true`.
 * Each is called once with arguments made from its `inputSchema` (the probe's generator, a
 * fixed seed), and a successful answer must carry `structuredContent` matching its `outputSchema`.
 */
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import fc from 'fast-check';
import { compileSchema } from '../../assert/json-schema.js';
import { checkOutputSchema } from '../../assert/output-schema.js';
import type { ListedTool } from '../../connect/client.js';
import { isJsonObject } from '../../connect/json-rpc-message.js';
import { schemaArbitrary } from '../../probe/arbitrary.js';
import { isReadOnly } from '../../probe/select.js';
import { describeExchange, resultOf } from '../context.js';
import type { ProtocolRule } from '../types.js';

/** How many generated argument sets to try for one the input schema accepts. */
const ATTEMPTS = 20;
const SEED = 1;

export const outputSchema: ProtocolRule = {
    id: 'output-schema',
    check: async (probe) => {
        if (!probe.declares('tools')) return { skip: 'the server does not declare tools' };
        const tools = probe.target.listedTools.filter((tool) => isReadOnly(tool) && isJsonObject(tool.raw.outputSchema));
        if (tools.length === 0) return { skip: 'no tool annotated readOnlyHint: true declares an outputSchema (no other tool is called)' };
        const findings: { message: string }[] = [];
        const notes: string[] = [];
        for (const tool of tools) {
            const args = validArguments(tool);
            if (!args) {
                notes.push(`${tool.name}: no arguments its inputSchema accepts could be made up, so it was not called`);
                continue;
            }
            const exchange = await probe.request('tools/call', { name: tool.name, arguments: args });
            const result = resultOf(exchange);
            if (!isJsonObject(result) || result.resultType === 'input_required') {
                notes.push(`${tool.name} ${JSON.stringify(args)} was answered with ${describeExchange(exchange)}, so its output was not checked`);
                continue;
            }
            const problems = checkOutputSchema(result as CallToolResult, compileSchema(tool.raw.outputSchema));
            for (const p of problems) findings.push({ message: `${tool.name} ${JSON.stringify(args)}: ${[p.message, ...(p.details ?? [])].join('; ')}` });
        }
        return { findings, ...(notes.length ? { notes } : {}) };
    },
};

/** The first generated arguments the tool's input schema accepts, if any. */
function validArguments(tool: ListedTool): Record<string, unknown> | undefined {
    const input = compileSchema(tool.raw.inputSchema);
    const arbitrary = input.ok ? schemaArbitrary(tool.raw.inputSchema) : undefined;
    if (!input.ok || !arbitrary) return undefined;
    return fc.sample(arbitrary, { numRuns: ATTEMPTS, seed: SEED }).find((value): value is Record<string, unknown> => isJsonObject(value) && input.validate(value) === true);
}
