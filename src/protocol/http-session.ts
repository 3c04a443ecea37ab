/**
 * Fresh 2025-era Streamable HTTP sessions for the rules about sessions and HTTP headers: each
 * rule opens its own with a raw `initialize`, so nothing it does (ending the session, sending
 * odd headers) touches the run's own connection.
 */
import { VERSION } from '../version.js';
import { isJsonObject } from '../connect/json-rpc-message.js';
import type { HttpServerConfig } from '../connect/types.js';
import type { ProbeContext } from './context.js';
import { exchangeHttp, responseOf, type HttpAnswer } from './http-exchange.js';

export interface LegacySession {
    /** The answer to `initialize`. */
    opened: HttpAnswer;
    /** Its result, when it was one. */
    result?: Record<string, unknown>;
    /** The `Mcp-Session-Id` the server assigned, if any. */
    sessionId?: string;
    /** The headers every later request of the session carries. */
    headers: Record<string, string>;
}

export const CLIENT_INFO = { name: 'mcp-check', version: VERSION };

/** A raw HTTP exchange with the server under test, bounded by the probe timeout. */
export function send(probe: ProbeContext, request: { method?: 'POST' | 'DELETE' | 'GET'; body?: unknown; headers?: Record<string, string> }): Promise<HttpAnswer> {
    return exchangeHttp(probe.config as HttpServerConfig, { ...request, timeoutMs: probe.timeoutMs, signal: probe.target.signal });
}

/** Sends `initialize` (and, when it succeeds, `notifications/initialized`) as a new client would. */
export async function openSession(probe: ProbeContext, protocolVersion = probe.revision, headers: Record<string, string> = {}): Promise<LegacySession> {
    const body = { jsonrpc: '2.0', id: 1, method: 'initialize', params: { protocolVersion, capabilities: {}, clientInfo: CLIENT_INFO } };
    const opened = await send(probe, { body, headers });
    const response = responseOf(opened.messages, 1);
    const result = response && isJsonObject(response.result) ? response.result : undefined;
    const sessionId = opened.headers.get('mcp-session-id') ?? undefined;
    const agreed = typeof result?.protocolVersion === 'string' ? result.protocolVersion : protocolVersion;
    const session: LegacySession = {
        opened,
        ...(result ? { result } : {}),
        ...(sessionId !== undefined ? { sessionId } : {}),
        headers: { 'mcp-protocol-version': agreed, ...(sessionId !== undefined ? { 'mcp-session-id': sessionId } : {}) },
    };
    if (result) await send(probe, { body: { jsonrpc: '2.0', method: 'notifications/initialized' }, headers: session.headers }).catch(() => undefined);
    return session;
}

/** Ends a session the server assigned (DELETE); what the server answers is not judged here. */
export async function closeSession(probe: ProbeContext, session: LegacySession): Promise<HttpAnswer | undefined> {
    if (session.sessionId === undefined) return undefined;
    return send(probe, { method: 'DELETE', headers: session.headers }).catch(() => undefined);
}
