/** `client.sampling`: the answers to a server's `sampling/createMessage` requests during a call. */
import type { AskAnswerer, ServerAsk } from '../connect/server-requests.js';
import { evaluateMatcher } from '../assert/matchers/index.js';
import { present, textual } from '../assert/index.js';
import type { SamplingRule } from '../load/types.js';

/** Answers with the reply of the first rule whose `when` holds on the request's text; undefined when none does. */
export function samplingAnswerer(rules: readonly SamplingRule[]): AskAnswerer {
    return (ask: ServerAsk) => {
        if (ask.method !== 'sampling/createMessage') return undefined;
        const text = messageText(ask.params);
        return rules.find((rule) => rule.when === undefined || evaluateMatcher(textual(rule.when), present(text)).length === 0)?.reply;
    };
}

// The text items of the request's messages, joined with newlines (a message's content may be one item or a list).
function messageText(params: Record<string, unknown>): string {
    const messages = Array.isArray(params.messages) ? params.messages : [];
    return messages
        .flatMap((m: { content?: unknown }) => (Array.isArray(m?.content) ? m.content : [m?.content]))
        .filter((c): c is { type: 'text'; text: string } => typeof c === 'object' && c !== null && (c as { type?: unknown }).type === 'text' && typeof (c as { text?: unknown }).text === 'string')
        .map((c) => c.text)
        .join('\n');
}
