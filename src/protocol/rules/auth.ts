/**
 * Rules about the server's own authorization (the specification's Authorization section):
 * how it answers no token, a token that is not one, a token for another resource and a token
 * in the query string, and whether its metadata leads a client to the right authorization
 * server. Each request is raw HTTP, sent without the run's token unless a rule adds one.
 */
import { authenticatorFor } from '../../connect/auth/authorized-fetch.js';
import { discover, firstAuthorizationServer, protectedResourceMetadata, resourceMetadataUrl } from '../../connect/auth/discovery.js';
import { authErrorOf } from '../../connect/auth/types.js';
import { requestHeaders } from '../../connect/stateless-http-transport.js';
import type { HttpServerConfig } from '../../connect/types.js';
import type { ProbeContext } from '../context.js';
import { exchangeHttp, type HttpAnswer } from '../http-exchange.js';
import { CLIENT_INFO } from '../http-session.js';
import { PASS, found, type ProtocolRule, type RuleOutcome } from '../types.js';

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
            token = await authenticatorFor(probe.config as HttpServerConfig)!.tokenForOtherResource(other);
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

/** The answer to a request without any token, shared by the rules that read the challenge. */
function challenge(probe: ProbeContext): Promise<HttpAnswer> {
    return probe.once('auth-challenge', () => attempt(probe, {}));
}

function refusal(answer: HttpAnswer, what: string): RuleOutcome {
    if (answer.status === 401) return PASS;
    const took = answer.status < 300 ? ': the server took it' : '';
    return found([`a request with ${what} was answered with HTTP ${answer.status}, not 401${took}`]);
}

/**
 * The era's first request (`server/discover`, or `initialize` on the 2025 era), sent with the
 * given Authorization (or none) and to the given URL. A 2025 server that took it opened a
 * session: that session is ended, with the run's token, so nothing is left open.
 */
async function attempt(probe: ProbeContext, how: { authorization?: string; url?: string }): Promise<HttpAnswer> {
    const config = probe.config as HttpServerConfig;
    const options = { timeoutMs: probe.timeoutMs, signal: probe.target.signal };
    const body =
        probe.era === 'modern'
            ? { jsonrpc: '2.0' as const, id: 1, method: 'server/discover', params: { _meta: probe.meta() } }
            : { jsonrpc: '2.0' as const, id: 1, method: 'initialize', params: { protocolVersion: probe.revision, capabilities: {}, clientInfo: CLIENT_INFO } };
    const headers = requestHeaders(config, body);
    headers.delete('authorization');
    if (how.authorization) headers.set('authorization', how.authorization);
    const answer = await exchangeHttp(config, { body, headers, url: how.url, unauthenticated: true, ...options });
    const sessionId = answer.headers.get('mcp-session-id');
    if (sessionId && answer.status < 300) {
        await exchangeHttp(config, { method: 'DELETE', headers: { 'mcp-session-id': sessionId, 'mcp-protocol-version': probe.revision }, ...options }).catch(() => undefined);
    }
    return answer;
}

function serverUrl(probe: ProbeContext): string {
    return (probe.config as HttpServerConfig).url;
}

function sameUrl(a: string, b: string): boolean {
    return a.replace(/\/$/, '') === b.replace(/\/$/, '');
}
