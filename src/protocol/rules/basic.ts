/** Rules of the base protocol, both eras: `ping` and unknown methods. */
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
