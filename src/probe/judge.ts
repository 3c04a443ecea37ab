/**
 * What one probe call proves. Valid arguments must be answered without a JSON-RPC error and,
 * unless the result is a tool error, with `structuredContent` matching the `outputSchema`.
 * Invalid arguments must be rejected: JSON-RPC -32602 or an `isError` result. Anything that
 * says nothing about the arguments (timeout, server gone) stops probing instead.
 */
import { ErrorCode, McpError, type CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import type { CompiledSchema } from '../assert/json-schema.js';
import { checkOutputSchema } from '../assert/output-schema.js';
import { isLocal } from '../connect/rpc-errors.js';
import { ConnectError, InvalidResultError, ServerGoneError } from '../errors.js';
import { excerptWords } from '../excerpt.js';

/** A call's result, or what it threw. */
export type CallOutcome = { kind: 'result'; result: CallToolResult } | { kind: 'error'; error: unknown };

export type Judgement =
    | { kind: 'pass' }
    | { kind: 'fail'; message: string; details?: string[]; actual?: unknown }
    /** `check`: this check cannot go on (a timeout); `server`: no check on this server can. */
    | { kind: 'stop'; scope: 'check' | 'server'; message: string };

/** A call cut short because the probe was interrupted; it says nothing about the tool. */
export class ProbeInterrupted extends Error {
    override readonly name = 'ProbeInterrupted';
    constructor() {
        super('the probe was interrupted');
    }
}

// The SDK's McpServer reports arguments its own validation rejects as an isError result with this text.
const INPUT_VALIDATION_TEXT = /^MCP error -32602\b/;

/** Judges the answer to arguments that match the tool's inputSchema. */
export function judgeValid(outcome: CallOutcome, outputSchema: CompiledSchema | undefined): Judgement {
    if (outcome.kind === 'error') {
        const trouble = stopFor(outcome.error) ?? malformed(outcome.error);
        if (trouble) return trouble;
        const error = outcome.error as McpError;
        return { kind: 'fail', message: `answered with JSON-RPC error ${error.code}: ${stripPrefix(error.message)}`, actual: error.data };
    }
    const { result } = outcome;
    const text = textOf(result);
    if (result.isError && INPUT_VALIDATION_TEXT.test(text)) {
        return { kind: 'fail', message: `refused as invalid arguments: ${text}` };
    }
    const [problem] = outputSchema ? checkOutputSchema(result, outputSchema) : [];
    if (problem) return { kind: 'fail', message: problem.message, details: problem.details, actual: problem.actual };
    return { kind: 'pass' };
}

/** Judges the answer to arguments that the tool's inputSchema rejects. */
export function judgeInvalid(outcome: CallOutcome): Judgement {
    if (outcome.kind === 'result') {
        if (outcome.result.isError) return { kind: 'pass' };
        const { structuredContent } = outcome.result;
        return {
            kind: 'fail',
            message: 'accepted: no JSON-RPC error and no isError result',
            actual: structuredContent ?? textOf(outcome.result),
        };
    }
    const trouble = stopFor(outcome.error) ?? malformed(outcome.error);
    if (trouble) return trouble;
    const error = outcome.error as McpError;
    if (error.code === ErrorCode.InvalidParams) return { kind: 'pass' };
    return {
        kind: 'fail',
        message: `answered with JSON-RPC error ${error.code} (${stripPrefix(error.message)}), not -32602 Invalid params or an isError result`,
    };
}

/** Errors that are not an answer about the arguments. */
function stopFor(error: unknown): Judgement | undefined {
    if (error instanceof ProbeInterrupted) return { kind: 'stop', scope: 'server', message: error.message };
    if (error instanceof ServerGoneError) return { kind: 'stop', scope: 'server', message: `the server is gone: ${error.reason}` };
    if (error instanceof ConnectError) return { kind: 'stop', scope: 'server', message: error.message };
    if (error instanceof McpError) {
        if (isLocal(error, ErrorCode.ConnectionClosed)) return { kind: 'stop', scope: 'server', message: 'the connection closed' };
        // Shrinking a hang would cost a full timeout per attempt, so the unshrunk arguments are reported.
        if (isLocal(error, ErrorCode.RequestTimeout)) {
            const timeout = (error.data as { timeout?: unknown } | undefined)?.timeout;
            return { kind: 'stop', scope: 'check', message: typeof timeout === 'number' ? `no answer within ${timeout} ms` : 'no answer in time' };
        }
        return undefined;
    }
    return undefined;
}

/** An answer that is not a valid MCP result is a finding; an unknown error stops the check. */
function malformed(error: unknown): Judgement | undefined {
    if (error instanceof McpError) return undefined;
    if (error instanceof InvalidResultError) {
        return { kind: 'fail', message: `the answer is not a valid MCP tool result: ${oneLine(error)}` };
    }
    return { kind: 'stop', scope: 'check', message: `the call failed: ${oneLine(error)}` };
}

function textOf(result: CallToolResult): string {
    return (result.content ?? [])
        .filter((item): item is { type: 'text'; text: string } => item.type === 'text' && typeof item.text === 'string')
        .map((item) => item.text)
        .join('\n');
}

function stripPrefix(message: string): string {
    return message.replace(/^MCP error -?\d+: /, '');
}

function oneLine(error: unknown): string {
    const message = error instanceof Error ? error.message : String(error);
    return excerptWords(message.replace(/\s+/g, ' '), 500);
}
