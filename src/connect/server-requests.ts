/**
 * Requests a 2025-era server sends to the client in the middle of a call: `ping`, and the
 * `elicitation/create` that 2026-07-28 replaced with `input_required` results. One spec serves
 * both eras, so a call's `inputs:` answer either: here, in the order they are declared.
 */
import type { JSONRPCRequest } from '@modelcontextprotocol/sdk/types.js';
import { isJsonObject } from './json-rpc-message.js';

/** The answers one call declared, and the questions it could not answer. */
export class InputScope {
    private readonly answers: unknown[];
    readonly unanswered: string[] = [];

    constructor(inputs: Record<string, unknown>) {
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
export function answerServerRequest(request: JSONRPCRequest, scopes: readonly InputScope[]): Reply {
    if (request.method === 'ping') return { result: {} };
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
