/**
 * Rules about Streamable HTTP itself: origins, batches, the headers that mirror the body, and
 * (2025 era) sessions. Requests here are raw HTTP; 2025-era rules open sessions of their own.
 */
import { isJsonObject } from '../../connect/json-rpc-message.js';
import { ModernErrorCode } from '../../connect/protocol.js';
import type { HttpServerConfig } from '../../connect/types.js';
import { describeExchange, errorOf, type ProbeContext } from '../context.js';
import type { HttpAnswer } from '../http-exchange.js';
import { closeSession, openSession, send } from '../http-session.js';
import { PASS, found, type ProtocolRule, type RuleOutcome } from '../types.js';

const FOREIGN_ORIGIN = 'http://mcp-check.invalid';
const LOCAL_HOSTS = ['localhost', '127.0.0.1', '[::1]'];

export const originCheck: ProtocolRule = {
    id: 'origin-check',
    check: async (probe) => {
        const host = new URL((probe.config as HttpServerConfig).url).hostname;
        if (!LOCAL_HOSTS.includes(host)) return { skip: `the server is not local (${host}): which origins it accepts is its own policy` };
        const origin = { origin: FOREIGN_ORIGIN };
        let status: number | undefined;
        if (probe.era === 'modern') {
            status = (await probe.request('server/discover', {}, { headers: origin })).status;
        } else {
            const session = await openSession(probe, probe.revision, origin);
            status = session.opened.status;
            await closeSession(probe, session);
        }
        return found([status !== 403 && `a request with Origin: ${FOREIGN_ORIGIN} was answered with HTTP ${status}, not 403 (Forbidden)`]);
    },
};

export const batchRefused: ProtocolRule = {
    id: 'batch-refused',
    check: async (probe) => {
        if (probe.era === 'modern') {
            const meta = probe.meta();
            const batch = ['server/discover', 'server/discover'].map((method, i) => ({ jsonrpc: '2.0', id: i + 1, method, params: { _meta: meta } }));
            return judgeBatch(await send(probe, { body: batch, headers: { 'mcp-protocol-version': probe.revision, 'mcp-method': 'server/discover' } }));
        }
        const session = await openSession(probe);
        try {
            const batch = [1, 2].map((id) => ({ jsonrpc: '2.0', id, method: 'ping' }));
            return judgeBatch(await send(probe, { body: batch, headers: session.headers }));
        } finally {
            await closeSession(probe, session);
        }
    },
};

/** A batch is refused by an HTTP error, or by one JSON-RPC error for the whole body. */
function judgeBatch(answer: HttpAnswer): RuleOutcome {
    if (answer.status >= 400) return PASS;
    const answered = answer.messages.flatMap((m) => (Array.isArray(m) ? m : [m])).filter((m) => isJsonObject(m) && 'result' in m);
    if (answered.length === 0) return PASS;
    return found([`a batch of two requests was answered with HTTP ${answer.status} and ${answered.length} result${answered.length === 1 ? '' : 's'}, not refused`]);
}

export const protocolVersionHeader: ProtocolRule = {
    id: 'protocol-version-header',
    check: async (probe) => {
        const session = await openSession(probe);
        try {
            const answer = await send(probe, { body: { jsonrpc: '2.0', id: 2, method: 'ping' }, headers: { ...session.headers, 'mcp-protocol-version': '1900-01-01' } });
            return found([answer.status !== 400 && `a request with MCP-Protocol-Version: 1900-01-01 was answered with HTTP ${answer.status}, not 400 (Bad Request)`]);
        } finally {
            await closeSession(probe, session);
        }
    },
};

export const headerMismatch: ProtocolRule = {
    id: 'header-mismatch',
    check: async (probe) => {
        const method = await probe.request('tools/list', {}, { headers: { 'mcp-method': 'prompts/list' } });
        const name = await probe.request('tools/call', { name: 'mcp-check-no-such-tool', arguments: {} }, { headers: { 'mcp-name': 'mcp-check-other-tool' } });
        return found([mismatchProblem('tools/list with Mcp-Method: prompts/list', method), mismatchProblem('tools/call of one tool with Mcp-Name naming another', name)]);
    },
};

function mismatchProblem(what: string, exchange: Awaited<ReturnType<ProbeContext['request']>>): string | undefined {
    const refused = exchange.status === 400 && errorOf(exchange)?.code === ModernErrorCode.HeaderMismatch;
    return refused ? undefined : `${what} was answered with ${describeExchange(exchange)}, not HTTP 400 with -32020 (header mismatch)`;
}

export const noSession: ProtocolRule = {
    id: 'no-session',
    check: async (probe) => {
        const exchange = await probe.request('server/discover', {}, { headers: { 'mcp-session-id': 'mcp-check-session' } });
        const returned = exchange.headers?.get('mcp-session-id');
        return found([returned != null && `server/discover sent with Mcp-Session-Id was answered with Mcp-Session-Id: ${returned}; 2026-07-28 has no sessions`]);
    },
};

export const sessionId: ProtocolRule = {
    id: 'session-id',
    check: async (probe) => {
        const session = await openSession(probe);
        await closeSession(probe, session);
        const id = session.sessionId;
        if (id === undefined) return { skip: 'the server assigns no session ids' };
        return found([!/^[\x21-\x7e]+$/.test(id) && `the session id ${JSON.stringify(id)} has characters outside visible ASCII (0x21 to 0x7E)`]);
    },
};

export const sessionDelete: ProtocolRule = {
    id: 'session-delete',
    check: async (probe) => {
        const session = await openSession(probe);
        if (session.sessionId === undefined) return { skip: 'the server assigns no session ids' };
        const ended = await closeSession(probe, session);
        if (ended?.status === 405) return { skip: 'the server does not let clients end sessions (DELETE was answered 405, as the specification allows)' };
        if (!ended || ended.status >= 300) return found([`DELETE of the session was answered with ${ended ? `HTTP ${ended.status}` : 'nothing'}, not a success`]);
        const after = await send(probe, { body: { jsonrpc: '2.0', id: 2, method: 'ping' }, headers: session.headers });
        return found([after.status !== 404 && `a request on the session after DELETE ended it was answered with HTTP ${after.status}, not 404 (Not Found)`]);
    },
};

export const getStream: ProtocolRule = {
    id: 'get-stream',
    check: async (probe) => {
        const session = await openSession(probe);
        try {
            const answer = await send(probe, { method: 'GET', headers: { ...session.headers, accept: 'text/event-stream' } });
            const type = answer.headers.get('content-type') ?? '';
            const streams = answer.status === 200 && type.startsWith('text/event-stream');
            return found([!streams && answer.status !== 405 && `a GET with Accept: text/event-stream was answered with HTTP ${answer.status}${type ? ` (${type})` : ''}, not an event stream or 405 (Method Not Allowed)`]);
        } finally {
            await closeSession(probe, session);
        }
    },
};
