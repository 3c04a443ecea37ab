/**
 * Surface budgets: how many tools, how big the whole `tools/list` answer is (every request
 * carries it), and how long each description is. A budget failure names the biggest tools.
 */
import type { ListedTool } from '../../../../connect/client.js';
import type { PortabilityCheck, PortabilityContext, PortabilityHit } from '../types.js';

/** VS Code Copilot refuses a request that carries more tools than this. */
const COPILOT_TOOL_LIMIT = 128;
/** `lint.budget.tokens` when not set. */
const DEFAULT_TOKEN_BUDGET = 20_000;
/** `lint.budget.description` when not set: Claude Code cuts descriptions beyond it. */
const DEFAULT_DESCRIPTION_BUDGET = 2048;
/** Roughly how many bytes of JSON make one token; an estimate, not a tokenizer. */
const BYTES_PER_TOKEN = 4;
/** How many of the biggest tools a size finding names. */
const BIGGEST_SHOWN = 5;

/** `tool-count`: more tools than Copilot takes, or than `lint.budget.tools`. */
export const toolCount: PortabilityCheck = {
    id: 'tool-count',
    check: (tools, { clients, budget }) => {
        const count = tools.length;
        const hits: PortabilityHit[] = [];
        if (clients.includes('vscode-copilot') && count > COPILOT_TOOL_LIMIT) {
            hits.push({ pointer: '', problem: `the server lists ${count} tools, over the ${COPILOT_TOOL_LIMIT} VS Code Copilot takes in one request`, clients: ['vscode-copilot'] });
        }
        if (budget.tools !== undefined && count > budget.tools) hits.push({ pointer: '', problem: `the server lists ${count} tools, over the budget of ${budget.tools}`, clients: [] });
        return hits;
    },
};

/** `tools-list-size`: the whole list over the token (or byte) budget. */
export const toolsListSize: PortabilityCheck = {
    id: 'tools-list-size',
    check: (tools, { budget }) => {
        const sizes = tools.map((tool) => ({ tool, bytes: jsonBytes(tool.raw) }));
        const bytes = jsonBytes({ tools: tools.map((tool) => tool.raw) });
        const tokens = estimateTokens(bytes);
        const tokenBudget = budget.tokens ?? DEFAULT_TOKEN_BUDGET;
        const over = [
            ...(tokens > tokenBudget ? [`≈ ${tokens.toLocaleString('en-US')} tokens, over the budget of ${tokenBudget.toLocaleString('en-US')}`] : []),
            ...(budget.bytes !== undefined && bytes > budget.bytes ? [`over the budget of ${budget.bytes.toLocaleString('en-US')} bytes`] : []),
        ];
        if (over.length === 0) return [];
        return [{ pointer: '', problem: `tools/list is ${bytes.toLocaleString('en-US')} bytes (${over.join('; ')}); biggest: ${biggest(sizes, bytes)}`, clients: [] }];
    },
};

/** `description-length`: a description longer than `lint.budget.description`. */
export const descriptionLength: PortabilityCheck = {
    id: 'description-length',
    check: (tools, context) => tools.flatMap((tool) => descriptionHit(tool, context)),
};

function descriptionHit(tool: ListedTool, { budget }: PortabilityContext): PortabilityHit[] {
    const description = tool.raw.description;
    const limit = budget.description ?? DEFAULT_DESCRIPTION_BUDGET;
    if (typeof description !== 'string' || description.length <= limit) return [];
    return [{ tool, pointer: '/description', problem: `the description has ${description.length.toLocaleString('en-US')} characters, over the budget of ${limit.toLocaleString('en-US')}`, clients: [] }];
}

/** The UTF-8 size of a value as compact JSON. */
function jsonBytes(value: unknown): number {
    return Buffer.byteLength(JSON.stringify(value) ?? '', 'utf8');
}

/** Estimated tokens for so many bytes of JSON. */
function estimateTokens(bytes: number): number {
    return Math.ceil(bytes / BYTES_PER_TOKEN);
}

/** `a (12,000 bytes, 40%), b (…)`: the biggest tools first. */
function biggest(sizes: { tool: ListedTool; bytes: number }[], total: number): string {
    return [...sizes]
        .sort((a, b) => b.bytes - a.bytes)
        .slice(0, BIGGEST_SHOWN)
        .map(({ tool, bytes }) => `${typeof tool.raw.name === 'string' ? tool.raw.name : tool.name} (${bytes.toLocaleString('en-US')} bytes, ${Math.round((bytes / total) * 100)}%)`)
        .join(', ');
}
