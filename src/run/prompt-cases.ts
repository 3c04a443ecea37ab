/** Prompt checks: listed (include/exclude) and `get` with assertions on the messages. */
import { checkJsonExpectations, matchSubject, parseJsonText, present, textual, type AssertContext } from '../assert/index.js';
import type { PromptExpectations, PromptGetSpec, TestSpec } from '../load/types.js';
import { classifyListError, exactly, listingCut, requireCapability, unlisted } from './listing-cases.js';
import { exchange, expectContext, runWithRetries } from './request-check.js';
import type { CaseOutcome, CaseRun, Problem } from './result.js';
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

/** `prompts.get`: gets the prompt (captures resolved in its arguments), with its retries, and checks the answer. */
export async function runPromptGet(get: PromptGetSpec, test: TestSpec, ctx: CaseContext): Promise<CaseRun> {
    return runWithRetries(get, get.name ?? get.prompt, ctx, () => attemptGet(get, test, ctx));
}

async function attemptGet(get: PromptGetSpec, test: TestSpec, ctx: CaseContext): Promise<CaseOutcome> {
    const blocked = requireCapability('prompts', ctx);
    if (blocked) return blocked;
    const { session, suite } = ctx;
    const args = session.captures.resolve(get.args);
    if (!args.ok) return { status: 'errored', error: { kind: 'runtime.capture', message: args.message, loc: suite.locate([...get.path, 'args']) } };
    const { outcome } = await exchange(
        {
            what: `prompts/get ${get.prompt}`,
            timeoutMs: session.timeoutMs,
            send: () => session.mcp.getPrompt(session.connectionId, get.prompt, stringValues(args.value), { signal: session.signal }),
            judge: (result, expect) => judgeGet(result, expect, expectContext(get, ctx)),
            accepted: `expected the server to reject prompts/get ${get.prompt}, but it returned messages`,
        },
        get,
        get.name ?? get.prompt,
        test,
        ctx,
    );
    return outcome;
}

/** `messages` and `text` on the messages; `json` and `schema` on their text parsed; `result` on the whole answer. */
function judgeGet(result: Record<string, unknown>, expect: PromptExpectations, ctx: AssertContext): Problem[] {
    const messages = Array.isArray(result.messages) ? result.messages : [];
    const text = messages.map(messageText).filter((t) => t !== undefined).join('\n');
    return [
        ...(expect.messages ? matchSubject('messages', expect.messages, present(messages), 'assert.prompt', ctx) : []),
        ...(expect.text ? matchSubject('text', textual(expect.text), present(text), 'assert.prompt', ctx) : []),
        ...checkJsonExpectations(() => parseJsonText(text, 'prompt text'), result, expect, ctx),
    ];
}

function messageText(message: unknown): string | undefined {
    const content = (message as { content?: { type?: string; text?: unknown } } | null)?.content;
    return content?.type === 'text' && typeof content.text === 'string' ? content.text : undefined;
}

// Captures may resolve to numbers; prompt arguments are strings on the wire.
function stringValues(args: Record<string, unknown>): Record<string, string> {
    return Object.fromEntries(Object.entries(args).map(([k, v]) => [k, typeof v === 'string' ? v : JSON.stringify(v)]));
}
