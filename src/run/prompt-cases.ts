/** Prompt checks: listed (include/exclude) and `get` with assertions on the messages. */
import { checkBudget, checkJson, matchSubject, parseJsonText, present, textual, type AssertContext } from '../assert/index.js';
import type { PromptGetSpec, TestSpec } from '../load/types.js';
import { budgetOf } from './call-case.js';
import { classifyRequestError } from './classify.js';
import { classifyListError, exactly, listingCut, requireCapability, unlisted } from './listing-cases.js';
import type { CaseOutcome, Problem } from './result.js';
import type { CaseContext } from './session.js';

/** `prompts.include` / `exclude`. */
export async function checkPromptListed(prompt: string, wanted: boolean, ctx: CaseContext): Promise<CaseOutcome> {
    const listed = await listedPrompts(ctx);
    return Array.isArray(listed) ? unlisted('prompt', prompt, listed, wanted, listingCut(ctx, 'prompts/list')) : listed;
}

/** `prompts.exact`: the prompts listed are exactly these. */
export async function checkPromptsExactly(names: readonly string[], ctx: CaseContext): Promise<CaseOutcome> {
    const listed = await listedPrompts(ctx);
    return Array.isArray(listed) ? exactly('prompt', names, listed, listingCut(ctx, 'prompts/list')) : listed;
}

/** Every listed prompt name, or the outcome when they cannot be had. */
async function listedPrompts(ctx: CaseContext): Promise<string[] | CaseOutcome> {
    const blocked = requireCapability('prompts', ctx);
    if (blocked) return blocked;
    const prompts = await ctx.session.prompts();
    if (!prompts.ok) return classifyListError(prompts.error, 'prompts/list', ctx);
    return prompts.items.map((p) => String(p.name));
}

/** `prompts.get`: gets the prompt (captures resolved in its arguments) and checks `messages`, `text`, `json`. */
export async function runPromptGet(get: PromptGetSpec, test: TestSpec, ctx: CaseContext): Promise<CaseOutcome> {
    const blocked = requireCapability('prompts', ctx);
    if (blocked) return blocked;
    const { session, suite } = ctx;
    const args = session.captures.resolve(get.args);
    if (!args.ok) return { status: 'errored', error: { kind: 'runtime.capture', message: args.message, loc: suite.locate([...get.path, 'args']) } };
    const began = performance.now();
    let result: Record<string, unknown>;
    try {
        result = await session.mcp.getPrompt(session.connectionId, get.prompt, stringValues(args.value), { signal: session.signal });
    } catch (error) {
        return classifyRequestError(error, `prompts/get ${get.prompt}`, session.timeoutMs, session.signal);
    }
    const durationMs = Math.round(performance.now() - began);
    const messages = Array.isArray(result.messages) ? result.messages : [];
    const text = messages.map(messageText).filter((t) => t !== undefined).join('\n');
    const assertCtx: AssertContext = { locate: (p) => suite.locate([...get.path, 'expect', ...p]), locateSpec: (p) => suite.locate(p) };
    const { expect } = get;
    const problems: Problem[] = [
        ...(expect.messages ? matchSubject('messages', expect.messages, present(messages), 'assert.prompt', assertCtx) : []),
        ...(expect.text ? matchSubject('text', textual(expect.text), present(text), 'assert.prompt', assertCtx) : []),
        ...(expect.json ? checkJson(parseJsonText(text, 'prompt text'), expect.json, assertCtx) : []),
        ...checkBudget(durationMs, ...budgetOf(expect.maxDurationMs, get.path, test, ctx)),
    ];
    return problems.length ? { status: 'failed', problems } : { status: 'passed' };
}

function messageText(message: unknown): string | undefined {
    const content = (message as { content?: { type?: string; text?: unknown } } | null)?.content;
    return content?.type === 'text' && typeof content.text === 'string' ? content.text : undefined;
}

// Captures may resolve to numbers; prompt arguments are strings on the wire.
function stringValues(args: Record<string, unknown>): Record<string, string> {
    return Object.fromEntries(Object.entries(args).map(([k, v]) => [k, typeof v === 'string' ? v : JSON.stringify(v)]));
}
