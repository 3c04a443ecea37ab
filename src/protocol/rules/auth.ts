/**
 * Rules about the server's own authorization (the specification's Authorization section):
 * how it answers no token, a token that is not one, a token for another resource, a token in
 * the query string, an expired token and a token without the scope a tool needs, and whether
 * its metadata leads a client to the right authorization server. Each request is raw HTTP,
 * sent without the run's token unless a rule adds one.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import type { JSONRPCMessage } from '@modelcontextprotocol/sdk/types.js';
import { authenticatorFor } from '../../connect/auth/authorized-fetch.js';
import { discover, firstAuthorizationServer, protectedResourceMetadata, resourceMetadataUrl } from '../../connect/auth/discovery.js';
import { authErrorOf } from '../../connect/auth/types.js';
import { requestHeaders } from '../../connect/stateless-http-transport.js';
import type { HttpServerConfig } from '../../connect/types.js';
import type { ProbeContext } from '../context.js';
import { exchangeHttp, type HttpAnswer } from '../http-exchange.js';
import { CLIENT_INFO } from '../http-session.js';
import { PASS, found, type ProtocolFinding, type ProtocolRule, type RuleOutcome } from '../types.js';

/** A value no authorization server issues. */
const GARBAGE_TOKEN = 'mcp-check-not-a-token';

export const authChallenge: ProtocolRule = {
    id: 'auth-challenge',
    check: async (probe) => {
        const answer = await challenge(probe);
        if (answer.status !== 401) return found([`a request without a token was answered with HTTP ${answer.status}, not 401`]);
        const header = answer.headers.get('www-authenticate');
        if (!header || !/^\s*Bearer\b/i.test(header)) return found([`the 401 to a request without a token has no WWW-Authenticate: Bearer challenge${header ? ` (it has ${header})` : ''}`]);
        if (resourceMetadataUrl(answer.headers)) return PASS;
        const metadata = await protectedResourceMetadata(serverUrl(probe), undefined).catch(() => undefined);
        if (metadata && 'document' in metadata) {
            return found([`the 401's WWW-Authenticate names no resource_metadata (clients find the metadata at ${metadata.url.href})`], true);
        }
        return found(["the 401's WWW-Authenticate names no resource_metadata, and there is no protected resource metadata at the well-known URL either"]);
    },
};

export const authResourceMetadata: ProtocolRule = {
    id: 'auth-resource-metadata',
    check: async (probe) => {
        let metadata;
        try {
            metadata = await protectedResourceMetadata(serverUrl(probe), (await challenge(probe)).headers);
        } catch (error) {
            return found([authErrorOf(error)?.message ?? String(error)]);
        }
        if ('tried' in metadata) return found([`no protected resource metadata at ${metadata.tried.map((u) => u.href).join(' or ')}`]);
        const { url, document } = metadata;
        const resource = document['resource'];
        return found([
            !firstAuthorizationServer(document) && `the protected resource metadata at ${url.href} lists no authorization_servers`,
            typeof resource !== 'string'
                ? `the protected resource metadata at ${url.href} names no resource`
                : !sameUrl(resource, serverUrl(probe)) && `the protected resource metadata at ${url.href} names resource ${resource}, not the server's URL ${serverUrl(probe)}`,
        ]);
    },
};

export const authServerMetadata: ProtocolRule = {
    id: 'auth-server-metadata',
    check: async (probe) => {
        const authenticator = authenticatorFor(probe.config as HttpServerConfig)!;
        let server = authenticator.discovered();
        try {
            server ??= await discover(serverUrl(probe), (await challenge(probe)).headers);
        } catch (error) {
            const failure = authErrorOf(error);
            if (failure?.step === 'metadata') return found([failure.message.replace(/^authentication failed at metadata: /, '')]);
            return { skip: `the authorization server cannot be found: ${failure?.message ?? String(error)}` };
        }
        const methods = server.metadata['code_challenge_methods_supported'];
        const grants = server.metadata['grant_types_supported'];
        const method = (probe.config as HttpServerConfig).auth!.method;
        return found([
            !(Array.isArray(methods) && methods.includes('S256')) && `the metadata of ${server.issuer} does not list S256 in code_challenge_methods_supported (clients must refuse to authorize without PKCE)`,
            method !== 'bearer' && Array.isArray(grants) && !grants.includes(method) && `the metadata of ${server.issuer} does not list ${method} in grant_types_supported, though it issued a token by it`,
        ]);
    },
};

export const authInvalidToken: ProtocolRule = {
    id: 'auth-invalid-token',
    check: async (probe) => refusal(await attempt(probe, { authorization: `Bearer ${GARBAGE_TOKEN}` }), 'a token that is not one (garbage)'),
};

export const authAudience: ProtocolRule = {
    id: 'auth-audience',
    check: async (probe) => {
        const other = new URL('/mcp-check-other-resource', serverUrl(probe)).href;
        let token: string | undefined;
        try {
            token = (await authenticatorFor(probe.config as HttpServerConfig)!.extraToken({ resource: other }))?.accessToken;
        } catch (error) {
            return { skip: `the authorization server issues no token for another resource (${other}): ${authErrorOf(error)?.message ?? String(error)}` };
        }
        if (!token) return { skip: 'needs client_credentials or refresh_token in auth: to get a token for another resource' };
        return refusal(await attempt(probe, { authorization: `Bearer ${token}` }), `a token issued for another resource (${other})`);
    },
};

export const authQueryToken: ProtocolRule = {
    id: 'auth-query-token',
    check: async (probe) => {
        const token = authenticatorFor(probe.config as HttpServerConfig)!.currentToken();
        if (!token) return { skip: 'no token was obtained for the server yet' };
        const url = new URL(serverUrl(probe));
        url.searchParams.set('access_token', token);
        return refusal(await attempt(probe, { url: url.href }), 'the run\'s own valid token in the query string (access_token=…) and none in the header');
    },
};

/**
 * How long the expired-token rule waits at most for a token to expire: longer-lived tokens
 * are used only once the run has seen one expire (and renewed it).
 */
const MAX_EXPIRY_WAIT_MS = 15_000;
/**
 * How long after its expiry a token is sent: the authorization server's clock and this one
 * may differ by a little, and a token the server still holds valid by its clock proves nothing.
 */
const EXPIRY_MARGIN_MS = 2_000;

export const authExpiredToken: ProtocolRule = {
    id: 'auth-expired-token',
    // The wait for a token to expire starts as soon as the server is connected, beside the calls.
    prepare: (probe) => void expiredToken(probe).catch(() => undefined),
    check: async (probe) => {
        let expired = await expiredToken(probe);
        // A token may have expired (and been renewed) since the wait was planned.
        if ('skip' in expired) expired = await waitForExpiry(probe);
        if ('skip' in expired) return expired;
        const answer = await attempt(probe, { authorization: `Bearer ${expired.token}` });
        const what = `an access token that expired ${Math.round((Date.now() - expired.expiresAt) / 1000)} s before`;
        if (answer.status !== 401) return refusal(answer, what, 401, ' (a clock-skew leeway, if the server allows one, is longer than that)');
        return challengeError(answer, 'invalid_token', what);
    },
};

export const authInsufficientScope: ProtocolRule = {
    id: 'auth-insufficient-scope',
    check: async (probe) => {
        const config = probe.config as HttpServerConfig;
        const toolScopes = Object.entries(config.auth!.toolScopes ?? {});
        if (toolScopes.length === 0) return { skip: 'auth.tool_scopes names no tool and the scope it needs' };
        if (config.auth!.method === 'bearer') return { skip: 'needs client_credentials or refresh_token in auth: to get a token without the scope a tool needs' };
        const findings: ProtocolFinding[] = [];
        const skipped: string[] = [];
        for (const [tool, scope] of toolScopes) {
            const outcome = await withoutScope(probe, tool, scope.split(/\s+/).filter(Boolean));
            if ('skip' in outcome) skipped.push(outcome.skip);
            else findings.push(...outcome.findings);
        }
        // Every tool skipped: the rule is; some skipped: the others' verdict stands and says which were not checked.
        if (skipped.length === toolScopes.length) return { skip: skipped.join('; ') };
        return { findings, ...(skipped.length ? { notes: skipped } : {}) };
    },
};

/** Calls `tool` with a token the authorization server issued without `needed`, and judges the refusal. */
async function withoutScope(probe: ProbeContext, tool: string, needed: string[]): Promise<RuleOutcome> {
    if (needed.length === 0) return { skip: `auth.tool_scopes names no scope for ${tool}` };
    if (!probe.target.listedTools.some((t) => t.name === tool)) return { skip: `auth.tool_scopes names ${tool}, which the server does not list` };
    const authenticator = authenticatorFor(probe.config as HttpServerConfig)!;
    const base = authenticator.askedScope()?.split(/\s+/) ?? (await scopesSupported(probe));
    const ask = base.filter((s) => s && !needed.includes(s));
    if (ask.length === 0) {
        return { skip: `no scope to ask for without ${needed.join(' ')} (the one ${tool} needs): auth's scope and the protected resource metadata's scopes_supported name no other` };
    }
    let token;
    try {
        token = await authenticator.extraToken({ scope: ask.join(' ') });
    } catch (error) {
        return { skip: `the authorization server issues no token with scope "${ask.join(' ')}": ${authErrorOf(error)?.message ?? String(error)}` };
    }
    if (!token) return { skip: 'the authorization server was not discovered: no token was obtained for the server yet' };
    const granted = (token.scope ?? ask.join(' ')).split(/\s+/);
    const extra = needed.filter((s) => granted.includes(s));
    if (extra.length) return { skip: `the authorization server granted ${extra.join(' ')} though mcp-check asked for "${ask.join(' ')}" only` };
    const answer = await callTool(probe, `Bearer ${token.accessToken}`, tool);
    const what = `a token without ${needed.join(' ')} (the scope${needed.length > 1 ? 's' : ''} ${tool} needs, per auth.tool_scopes) calling ${tool}`;
    if (answer.status !== 403) return refusal(answer, what, 403);
    const { findings } = challengeError(answer, 'insufficient_scope', what);
    const named = bearerParam(answer, 'scope')?.split(/\s+/) ?? [];
    const missing = needed.filter((s) => !named.includes(s));
    if (findings.length === 0 && missing.length) {
        findings.push({ message: `the 403 to ${what} names ${named.length ? `scope="${named.join(' ')}", without ${missing.join(' ')}` : 'no scope'} in WWW-Authenticate (clients ask for the scopes it names)`, recommended: true });
    }
    return { findings };
}

/** The scopes the protected resource metadata lists as supported (what a client asks for when told nothing else). */
async function scopesSupported(probe: ProbeContext): Promise<string[]> {
    const metadata = await protectedResourceMetadata(serverUrl(probe), (await challenge(probe)).headers).catch(() => undefined);
    const scopes = metadata && 'document' in metadata ? metadata.document['scopes_supported'] : undefined;
    return Array.isArray(scopes) ? scopes.filter((s): s is string => typeof s === 'string') : [];
}

/**
 * A token of the server that has expired, by at least the margin: the one the run renewed,
 * else the one in use once it expires, when that is soon enough to wait for. Shared by the
 * rule's preparation and its check.
 */
function expiredToken(probe: ProbeContext): Promise<{ token: string; expiresAt: number } | { skip: string }> {
    return probe.once('auth-expired-token', () => waitForExpiry(probe));
}

async function waitForExpiry(probe: ProbeContext): Promise<{ token: string; expiresAt: number } | { skip: string }> {
    const authenticator = authenticatorFor(probe.config as HttpServerConfig)!;
    const timed = authenticator.expiringToken();
    if (!timed) {
        if (!authenticator.currentToken()) return { skip: 'no token was obtained for the server yet' };
        if ((probe.config as HttpServerConfig).auth!.method === 'bearer') {
            return { skip: 'the bearer token is not a JWT with an exp claim, so mcp-check cannot tell when it expires; use client_credentials or refresh_token with a short token lifetime' };
        }
        return { skip: "the authorization server's tokens are not JWTs with an exp claim and come without expires_in, so mcp-check cannot tell when one expires" };
    }
    const remaining = timed.expiresAt - Date.now();
    if (remaining > MAX_EXPIRY_WAIT_MS) {
        return {
            skip: `no token expired during the run and the current one expires in ${Math.round(remaining / 1000)} s, later than mcp-check waits (${MAX_EXPIRY_WAIT_MS / 1000} s): give the test client a token lifetime of ${MAX_EXPIRY_WAIT_MS / 1000} s or less at the authorization server to run this rule`,
        };
    }
    if (remaining + EXPIRY_MARGIN_MS > 0) await sleep(remaining + EXPIRY_MARGIN_MS, undefined, { signal: probe.target.signal });
    return timed;
}

/**
 * Judges a refusal's `WWW-Authenticate`: RFC 6750 §3 asks (SHOULD) that a refused token's
 * challenge says why, with `error`; a missing or other code is a warning.
 */
function challengeError(answer: HttpAnswer, error: string, what: string): { findings: ProtocolFinding[] } {
    const header = answer.headers.get('www-authenticate');
    if (!header || !/^\s*Bearer\b/i.test(header)) return found([`the ${answer.status} to ${what} has no WWW-Authenticate: Bearer challenge with error="${error}"`], true);
    const given = bearerParam(answer, 'error');
    if (given === error) return found([]);
    return found([`the ${answer.status} to ${what} has WWW-Authenticate ${given === undefined ? 'without an error' : `with error="${given}"`}, not error="${error}"`], true);
}

/** One parameter of the answer's `WWW-Authenticate: Bearer` challenge. */
function bearerParam(answer: HttpAnswer, name: string): string | undefined {
    const header = answer.headers.get('www-authenticate') ?? '';
    const match = new RegExp(`(?:^Bearer\\s+|,\\s*)${name}\\s*=\\s*(?:"([^"]*)"|([^\\s,]+))`, 'i').exec(header.trim());
    return match?.[1] ?? match?.[2];
}

/** The answer to a request without any token, shared by the rules that read the challenge. */
function challenge(probe: ProbeContext): Promise<HttpAnswer> {
    return probe.once('auth-challenge', () => attempt(probe, {}));
}

/** A finding unless the request with `what` was refused with `expected`; `why` follows "the server took it". */
function refusal(answer: HttpAnswer, what: string, expected = 401, why = ''): { findings: ProtocolFinding[] } {
    if (answer.status === expected) return found([]);
    const took = answer.status < 300 ? `: the server took it${why}` : '';
    return found([`a request with ${what} was answered with HTTP ${answer.status}, not ${expected}${took}`]);
}

/**
 * The era's first request (`server/discover`, or `initialize` on the 2025 era), sent with the
 * given Authorization (or none) and to the given URL. A 2025 server that took it opened a
 * session: that session is ended, with the run's token, so nothing is left open.
 */
async function attempt(probe: ProbeContext, how: { authorization?: string; url?: string }): Promise<HttpAnswer> {
    const body =
        probe.era === 'modern'
            ? { jsonrpc: '2.0' as const, id: 1, method: 'server/discover', params: { _meta: probe.meta() } }
            : { jsonrpc: '2.0' as const, id: 1, method: 'initialize', params: { protocolVersion: probe.revision, capabilities: {}, clientInfo: CLIENT_INFO } };
    const answer = await sendAs(probe, how.authorization, body, {}, how.url);
    await endSession(probe, answer, undefined);
    return answer;
}

/**
 * Calls `tool` (without arguments) carrying `authorization`: over 2026-07-28 one POST; on
 * the 2025 era in a session of its own, opened with the same token, whose first refusal is
 * the answer. The session is ended with that token.
 */
async function callTool(probe: ProbeContext, authorization: string, tool: string): Promise<HttpAnswer> {
    const call = { jsonrpc: '2.0' as const, id: 2, method: 'tools/call', params: { name: tool, arguments: {}, ...(probe.era === 'modern' ? { _meta: probe.meta() } : {}) } };
    if (probe.era === 'modern') return sendAs(probe, authorization, call);
    const init = { jsonrpc: '2.0' as const, id: 1, method: 'initialize', params: { protocolVersion: probe.revision, capabilities: {}, clientInfo: CLIENT_INFO } };
    const opened = await sendAs(probe, authorization, init);
    if (opened.status >= 300) return opened;
    const sessionId = opened.headers.get('mcp-session-id');
    const session: Record<string, string> = { 'mcp-protocol-version': probe.revision, ...(sessionId ? { 'mcp-session-id': sessionId } : {}) };
    try {
        await sendAs(probe, authorization, { jsonrpc: '2.0' as const, method: 'notifications/initialized' }, session);
        return await sendAs(probe, authorization, call, session);
    } finally {
        await endSession(probe, opened, authorization);
    }
}

/** One raw request with `authorization` (or none) in place of the run's token. */
function sendAs(probe: ProbeContext, authorization: string | undefined, body: JSONRPCMessage, headers: Record<string, string> = {}, url?: string): Promise<HttpAnswer> {
    const config = probe.config as HttpServerConfig;
    const sent = requestHeaders(config, body);
    sent.delete('authorization');
    for (const [name, value] of Object.entries(headers)) sent.set(name, value);
    if (authorization) sent.set('authorization', authorization);
    return exchangeHttp(config, { body, headers: sent, url, unauthenticated: true, timeoutMs: probe.timeoutMs, signal: probe.target.signal });
}

/** Ends the 2025 session a successful `opened` started, with `authorization`, else the run's token. */
async function endSession(probe: ProbeContext, opened: HttpAnswer, authorization: string | undefined): Promise<void> {
    const sessionId = opened.headers.get('mcp-session-id');
    if (!sessionId || opened.status >= 300) return;
    const headers = { 'mcp-session-id': sessionId, 'mcp-protocol-version': probe.revision, ...(authorization ? { authorization } : {}) };
    const options = { method: 'DELETE' as const, headers, unauthenticated: authorization !== undefined, timeoutMs: probe.timeoutMs, signal: probe.target.signal };
    await exchangeHttp(probe.config as HttpServerConfig, options).catch(() => undefined);
}

function serverUrl(probe: ProbeContext): string {
    return (probe.config as HttpServerConfig).url;
}

function sameUrl(a: string, b: string): boolean {
    return a.replace(/\/$/, '') === b.replace(/\/$/, '');
}
