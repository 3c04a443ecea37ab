/**
 * Requests a 2025-era server sends to the client in the middle of a call: `ping`, the
 * `elicitation/create` that 2026-07-28 replaced with `input_required` results, `roots/list`
 * and `sampling/createMessage`. One spec serves both eras, so a call's `inputs:` answer
 * elicitations either way (here, in the order they are declared), and the configured roots
 * and a call's `answer` function answer the rest.
 */
import type { JSONRPCRequest } from '@modelcontextprotocol/sdk/types.js';
import { isJsonObject } from './json-rpc-message.js';

/** A request the server sent to the client. */
export interface ServerAsk {
    method: string;
    params: Record<string, unknown>;
}

/** Answers a server's request (`sampling/createMessage`, …): its result, or undefined when it has none. */
export type AskAnswerer = (ask: ServerAsk) => Record<string, unknown> | undefined;

/** A root the client offers: a `file://` URI and an optional name. */
export interface ClientRoot {
    uri: string;
    name?: string;
}

/** The answers one call declared, and the questions it could not answer. */
export class InputScope {
    private readonly answers: unknown[];
    readonly unanswered: string[] = [];

    constructor(
        inputs: Record<string, unknown>,
        /** Answers requests other than elicitations, e.g. from the spec's `client.sampling`. */
        readonly answer?: AskAnswerer,
    ) {
        this.answers = Object.values(inputs);
    }

    /** The next declared answer, if any is left. */
    take(): unknown {
        return this.answers.shift();
    }
}

type Reply = { result: Record<string, unknown> } | { error: { code: number; message: string } };

/**
 * Answers a request from the server. `scopes` are the calls in flight that declared inputs; an
 * elicitation goes to the oldest one with an answer left, and when none has one it is cancelled
 * and counted against the newest call, which then fails naming the question.
 */
export function answerServerRequest(request: JSONRPCRequest, scopes: readonly InputScope[], roots?: readonly ClientRoot[]): Reply {
    if (request.method === 'ping') return { result: {} };
    const ask = { method: request.method, params: isJsonObject(request.params) ? request.params : {} };
    if (request.method === 'roots/list' && roots) return { result: { roots: [...roots] } };
    if (request.method === 'sampling/createMessage') {
        for (const scope of scopes) {
            const reply = scope.answer?.(ask);
            if (reply !== undefined) return { result: reply };
        }
        scopes.at(-1)?.unanswered.push(describeAsk(ask));
        // -1 is how the specification's clients decline a sampling request.
        return { error: { code: -1, message: 'mcp-check: no client.sampling entry of the spec answers this request' } };
    }
    if (request.method === 'elicitation/create') {
        for (const scope of scopes) {
            const answer = scope.take();
            if (answer !== undefined) return { result: isJsonObject(answer) ? answer : { action: 'accept', content: answer } };
        }
        const message = isJsonObject(request.params) && typeof request.params.message === 'string' ? request.params.message : '';
        scopes.at(-1)?.unanswered.push(`elicitation/create${message ? ` ${JSON.stringify(message)}` : ''}`);
        return { result: { action: 'cancel' } };
    }
    return { error: { code: -32601, message: `Method not found: mcp-check does not answer ${request.method}` } };
}

/**
 * Answers to the questions of an `input_required` result that `inputs` leaves open, from the
 * configured roots and `answer` (2026-07-28 asks for roots and sampling this way).
 */
export function clientAnswers(inputRequests: Record<string, unknown>, inputs: Record<string, unknown>, roots?: readonly ClientRoot[], answer?: AskAnswerer): Record<string, unknown> {
    const replies: Record<string, unknown> = {};
    for (const [name, request] of Object.entries(inputRequests)) {
        if (name in inputs || !isJsonObject(request) || typeof request.method !== 'string') continue;
        const ask = { method: request.method, params: isJsonObject(request.params) ? request.params : {} };
        const reply = ask.method === 'roots/list' && roots ? { roots: [...roots] } : answer?.(ask);
        if (reply !== undefined) replies[name] = reply;
    }
    return replies;
}

// `sampling/createMessage "What is the weather?"`: the method and the first text of the request.
function describeAsk(ask: ServerAsk): string {
    const messages = Array.isArray(ask.params.messages) ? ask.params.messages : [];
    const text = messages.map((m) => (isJsonObject(m) && isJsonObject(m.content) ? m.content.text : undefined)).find((t) => typeof t === 'string');
    return `${ask.method}${typeof text === 'string' ? ` ${JSON.stringify(text.length > 80 ? `${text.slice(0, 79)}…` : text)}` : ''}`;
}

/** The questions of an `input_required` result that `inputs` does not answer, one line each. */
export function unansweredInputs(inputRequests: Record<string, unknown>, inputs: Record<string, unknown>): string[] {
    return Object.entries(inputRequests)
        .filter(([name]) => !(name in inputs))
        .map(([name, request]) => {
            const method = isJsonObject(request) && typeof request.method === 'string' ? request.method : 'request';
            const params = isJsonObject(request) && isJsonObject(request.params) ? request.params : {};
            const message = typeof params.message === 'string' ? ` ${JSON.stringify(params.message)}` : '';
            return `${name} (${method}${message})`;
        });
}
