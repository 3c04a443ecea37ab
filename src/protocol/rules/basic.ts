/** Rules of the base protocol: `ping`, unknown methods (and on 2026-07-28 the removed ones), cancellation. */
import { ErrorCode } from '@modelcontextprotocol/sdk/types.js';
import { isJsonObject } from '../../connect/json-rpc-message.js';
import { describeExchange, errorOf, preview, resultOf, wrongStatus, type ProbeContext } from '../context.js';
import { CLIENT_INFO } from '../http-session.js';
import { PASS, found, type ProtocolRule } from '../types.js';

/** A method no revision defines, so no server can know it. */
export const UNKNOWN_METHOD = 'mcp-check/no-such-method';

export const ping: ProtocolRule = {
    id: 'ping',
    check: async (probe) => {
        const exchange = await probe.request('ping');
        const result = resultOf(exchange);
        if (!isJsonObject(result)) return found([`ping was answered with ${describeExchange(exchange)}, not an empty result`]);
        const extra = Object.keys(result).filter((key) => key !== '_meta');
        return extra.length ? found([`ping was answered with a result that is not empty: ${preview(result)}`]) : PASS;
    },
};

export const unknownMethod: ProtocolRule = {
    id: 'unknown-method',
    check: async (probe) => {
        const exchange = await probe.request(UNKNOWN_METHOD);
        const error = errorOf(exchange);
        return found([
            error?.code !== ErrorCode.MethodNotFound && `${UNKNOWN_METHOD} was answered with ${describeExchange(exchange)}, not -32601 (Method not found)`,
            error?.code === ErrorCode.MethodNotFound && wrongStatus(probe, exchange, 404),
        ]);
    },
};

/** A request id mcp-check never uses. */
const UNKNOWN_REQUEST_ID = 987654321;

/** Methods of the 2025 revisions that 2026-07-28 removed: in a 2026-07-28 request they are unknown. */
const REMOVED_METHODS: readonly [string, Record<string, unknown>][] = [
    ['initialize', { protocolVersion: '2025-11-25', capabilities: {}, clientInfo: CLIENT_INFO }],
    ['ping', {}],
    ['logging/setLevel', { level: 'info' }],
];

export const removedMethods: ProtocolRule = {
    id: 'removed-methods',
    check: async (probe) => {
        const findings: (string | false)[] = [];
        for (const [method, params] of REMOVED_METHODS) {
            const exchange = await probe.request(method, params);
            const error = errorOf(exchange);
            findings.push(
                error?.code !== ErrorCode.MethodNotFound && `${method}, which 2026-07-28 removed, sent as a 2026-07-28 request was answered with ${describeExchange(exchange)}, not -32601 (Method not found)`,
                error?.code === ErrorCode.MethodNotFound && wrongStatus(probe, exchange, 404),
            );
        }
        return found(findings, true);
    },
};

/** How long after the next answer an answer to a cancelled request is waited for (when it has not come before). */
const LATE_ANSWER_WINDOW_MS = 150;

export const cancellation: ProtocolRule = {
    id: 'cancellation',
    check: async (probe) => {
        const next = probe.era === 'modern' ? 'server/discover' : 'ping';
        const notice = await probe.notify('notifications/cancelled', { requestId: UNKNOWN_REQUEST_ID, reason: 'mcp-check: a request this server never saw' });
        // Answering a notification (with anything but 202 or 200 over HTTP) or falling silent afterwards are both wrong.
        const after = await probe.request(next);
        const answered = resultOf(after) !== undefined;
        return found([
            notice.failure !== undefined && `notifications/cancelled for a request it never saw was refused: ${notice.failure}`,
            notice.status !== undefined && notice.status !== 202 && notice.status !== 200 && `notifications/cancelled for a request it never saw was answered with HTTP ${notice.status}, not 202 (Accepted)`,
            !answered && `after notifications/cancelled for a request it never saw, ${next} was answered with ${describeExchange(after)}`,
            await answeredOnceCancelled(probe, next),
        ]);
    },
};

/**
 * Cancels a list request as soon as it is sent, then sends `next`. A server may answer the
 * cancelled request before the cancellation reaches it; an answer that comes after `next`'s
 * was sent once the server had the cancellation, which it should have honoured. Only where
 * answers come in the order the server sent them, on one stream (stdio, SSE): over Streamable
 * HTTP each answer comes on its own POST's response, and those may overtake each other.
 */
async function answeredOnceCancelled(probe: ProbeContext, next: string): Promise<string | false> {
    if (probe.config.transport === 'streamable_http') return false;
    const { mcp, server } = probe.target;
    const method = probe.declaredLists()[0] ?? next;
    const abort = new AbortController();
    const cancelled = mcp.rawRequest(server, method, {}, { signal: abort.signal, timeoutMs: probe.timeoutMs }).catch(() => undefined);
    const answers = mcp.answersSeen(server);
    const before = answers.afterCancel.length;
    abort.abort('mcp-check: cancelled as soon as it was sent');
    await cancelled;
    await probe.request(next);
    const throughNext = answers.taken;
    // Most servers answer a quick request before they read its cancellation: nothing to wait for then.
    if (answers.afterCancel.length === before) await new Promise((resolve) => setTimeout(resolve, LATE_ANSWER_WINDOW_MS));
    const late = answers.afterCancel.slice(before).some((taken) => taken >= throughNext);
    return late && `${method}, cancelled as soon as it was sent, was still answered after the server had answered the ${next} sent after the cancellation`;
}
