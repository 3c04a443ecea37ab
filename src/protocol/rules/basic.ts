/** Rules of the base protocol: `ping`, unknown methods (and on 2026-07-28 the removed ones), cancellation. */
import { ErrorCode } from '@modelcontextprotocol/sdk/types.js';
import { isJsonObject } from '../../connect/json-rpc-message.js';
import { describeExchange, errorOf, preview, resultOf, wrongStatus } from '../context.js';
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
    ['initialize', { protocolVersion: '2025-11-25', capabilities: {}, clientInfo: { name: 'mcp-check', version: '0' } }],
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

export const cancellation: ProtocolRule = {
    id: 'cancellation',
    check: async (probe) => {
        const notice = await probe.notify('notifications/cancelled', { requestId: UNKNOWN_REQUEST_ID, reason: 'mcp-check: a request this server never saw' });
        // Answering a notification (with anything but 202 or 200 over HTTP) or falling silent afterwards are both wrong.
        const after = await probe.request(probe.era === 'modern' ? 'server/discover' : 'ping');
        const answered = resultOf(after) !== undefined;
        return found([
            notice.failure !== undefined && `notifications/cancelled for a request it never saw was refused: ${notice.failure}`,
            notice.status !== undefined && notice.status !== 202 && notice.status !== 200 && `notifications/cancelled for a request it never saw was answered with HTTP ${notice.status}, not 202 (Accepted)`,
            !answered && `after notifications/cancelled for a request it never saw, ${probe.era === 'modern' ? 'server/discover' : 'ping'} was answered with ${describeExchange(after)}`,
        ]);
    },
};
