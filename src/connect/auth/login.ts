/**
 * The interactive authorization code flow with PKCE (OAuth 2.1), run once on a developer's
 * machine to get a refresh token a CI job can use (`auth: { refresh_token, client_id }`). The
 * browser comes back to a one-shot listener on 127.0.0.1 (RFC 8252 loopback redirect). The
 * client is one registered beforehand, one identified by its Client ID Metadata Document (a
 * client id that is a URL, where the authorization server supports them), or else one
 * registered dynamically (RFC 7591) where the authorization server offers registration.
 */
import { createHash, randomBytes } from 'node:crypto';
import { once } from 'node:events';
import http from 'node:http';
import { discover, type Discovered } from './discovery.js';
import { AUTH_REQUEST_TIMEOUT_MS, describeFetchError, fetchJsonDocument, isObject } from './metadata-fetch.js';
import { requestToken } from './token-request.js';
import { AuthError } from './types.js';

export interface LoginOptions {
    /** The MCP server's URL. */
    url: string;
    /**
     * A registered client, or the https URL of a client ID metadata document; without it one is
     * registered, where the authorization server allows it.
     */
    clientId?: string;
    scope?: string;
    /** The callback port on 127.0.0.1; 0 picks a free one. */
    port?: number;
    /** How long to wait for the browser to come back, in ms. */
    timeoutMs: number;
    /** Shows the user where to sign in (the CLI prints it, and may open a browser). */
    showUrl(url: string): void;
}

/** What the flow yields: the refresh token and what a spec needs beside it. */
export interface LoginResult {
    issuer: string;
    clientId: string;
    /** How the client is known: registered by this login (RFC 7591), by its metadata document, or beforehand. */
    client: 'registered' | 'metadata document' | 'given';
    refreshToken: string;
    scope?: string;
    resource: string;
}

/** Runs the whole flow; throws `AuthError` naming the step that failed. */
export async function login(options: LoginOptions): Promise<LoginResult> {
    const server = await discover(options.url, await challengeOf(options.url));
    const resource = server.resource ?? options.url;
    const callback = await listenForCallback(options.port ?? 0);
    try {
        const redirectUri = callback.redirectUri;
        const client = options.clientId === undefined ? 'registered' : isClientIdUrl(options.clientId) ? 'metadata document' : 'given';
        if (client === 'metadata document') await checkClientIdDocument(server, options.clientId!, redirectUri);
        const clientId = options.clientId ?? (await register(server, redirectUri));
        const verifier = randomBytes(32).toString('base64url');
        const state = randomBytes(16).toString('base64url');
        const scope = scopeToAsk(server, options.scope);
        const authorize = new URL(stringField(server.metadata, 'authorization_endpoint', 'metadata'));
        const params = {
            response_type: 'code',
            client_id: clientId,
            redirect_uri: redirectUri,
            state,
            code_challenge: createHash('sha256').update(verifier).digest('base64url'),
            code_challenge_method: 'S256',
            resource,
            ...(scope ? { scope } : {}),
            // OpenID Connect issues a refresh token for offline_access only after consent was asked for.
            ...(scope?.split(' ').includes('offline_access') ? { prompt: 'consent' } : {}),
        };
        for (const [name, value] of Object.entries(params)) authorize.searchParams.set(name, value);
        options.showUrl(authorize.href);
        const code = await callback.code(state, server.issuer, options.timeoutMs);
        const token = await requestToken(server, {
            clientId,
            proof: { none: true },
            params: { grant_type: 'authorization_code', code, redirect_uri: redirectUri, code_verifier: verifier, resource },
        });
        if (!token.refreshToken) {
            throw new AuthError('token request', `${server.issuer} issued no refresh token (does it allow offline_access or the refresh_token grant for client ${clientId}?)`);
        }
        return { issuer: server.issuer, clientId, client, refreshToken: token.refreshToken, resource, ...(token.scope ? { scope: token.scope } : {}) };
    } finally {
        callback.close();
    }
}

/** Whether a client id is a URL, and so names a client ID metadata document rather than a registered client. */
export function isClientIdUrl(clientId: string): boolean {
    return /^[a-z][a-z\d+.-]*:\/\//i.test(clientId);
}

/**
 * What is wrong with a client ID metadata document URL, if anything: the specification asks
 * for https with a path. Plain http is allowed on 127.0.0.1 only, for documents served while
 * developing a client (authorization servers normally refuse them).
 */
export function clientIdUrlProblem(clientId: string): string | undefined {
    let url: URL;
    try {
        url = new URL(clientId);
    } catch {
        return 'it is not a valid URL';
    }
    if (url.protocol !== 'https:' && !(url.protocol === 'http:' && url.hostname === '127.0.0.1')) return 'it must be an https:// URL';
    if (url.pathname === '/') return 'it must have a path (e.g. https://example.com/client.json)';
    if (url.hash) return 'it must not have a fragment';
    return undefined;
}

/**
 * Before the browser opens: the authorization server must say it fetches client ID metadata
 * documents, and the document must name itself and allow the loopback callback, or the
 * sign-in would fail in the browser with less to go on.
 */
async function checkClientIdDocument(server: Discovered, clientId: string, redirectUri: string): Promise<void> {
    if (server.metadata['client_id_metadata_document_supported'] !== true) {
        const instead = typeof server.metadata['registration_endpoint'] === 'string' ? 'give a client ID registered with it, or none to register one' : 'give a client ID registered with it';
        throw new AuthError('metadata', `${server.issuer} does not support client ID metadata documents (its metadata has no client_id_metadata_document_supported: true): ${instead}`);
    }
    const url = new URL(clientId);
    const document = await fetchJsonDocument(url, 'metadata');
    if (!document) throw new AuthError('metadata', `no client ID metadata document at ${url.href} (HTTP 404)`);
    // The specification asks for an exact match: the document's id is the string sent as client_id.
    if (document['client_id'] !== clientId) {
        throw new AuthError('metadata', `the client ID metadata document at ${url.href} names client_id ${JSON.stringify(document['client_id'])}, not its own URL`);
    }
    const redirects = Array.isArray(document['redirect_uris']) ? document['redirect_uris'] : [];
    if (!redirects.some((uri) => typeof uri === 'string' && fitsCallback(uri, redirectUri))) {
        const port = new URL(redirectUri).port;
        throw new AuthError('metadata', `the client ID metadata document at ${url.href} lists no redirect URI for the callback: add http://127.0.0.1/callback (any port), or http://127.0.0.1:<port>/callback and pass --port <port> (now ${port})`);
    }
}

/** RFC 8252 §7.3: a loopback redirect URI without a port stands for any port. */
function fitsCallback(listed: string, redirectUri: string): boolean {
    try {
        const uri = new URL(listed);
        const callback = new URL(redirectUri);
        return uri.protocol === 'http:' && uri.hostname === callback.hostname && uri.pathname === callback.pathname && (uri.port === '' || uri.port === callback.port);
    } catch {
        return false;
    }
}

/** The headers of the server's answer to a request without a token: its 401 names the metadata. */
async function challengeOf(url: string): Promise<Headers | undefined> {
    try {
        const response = await fetch(url, {
            method: 'POST',
            headers: { 'content-type': 'application/json', accept: 'application/json, text/event-stream' },
            body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { protocolVersion: '2025-11-25', capabilities: {}, clientInfo: { name: 'mcp-check', version: '0' } } }),
            redirect: 'manual',
            signal: AbortSignal.timeout(AUTH_REQUEST_TIMEOUT_MS),
        });
        await response.body?.cancel();
        return response.status === 401 ? response.headers : undefined;
    } catch (error) {
        throw new AuthError('discovery', `cannot reach ${url}: ${describeFetchError(error)}`);
    }
}

/** offline_access (which asks for a refresh token) is added when the server lists it. */
function scopeToAsk(server: Discovered, scope: string | undefined): string | undefined {
    const supported = server.metadata['scopes_supported'];
    const scopes = new Set((scope ?? '').split(' ').filter(Boolean));
    if (Array.isArray(supported) && supported.includes('offline_access')) scopes.add('offline_access');
    return scopes.size ? [...scopes].join(' ') : undefined;
}

/** Registers a public native client for the loopback redirect (RFC 7591). */
async function register(server: Discovered, redirectUri: string): Promise<string> {
    const endpoint = server.metadata['registration_endpoint'];
    if (typeof endpoint !== 'string') {
        throw new AuthError('metadata', `${server.issuer} offers no dynamic client registration (no registration_endpoint): give --client-id`);
    }
    const metadata = {
        client_name: 'mcp-check',
        application_type: 'native',
        redirect_uris: [redirectUri],
        grant_types: ['authorization_code', 'refresh_token'],
        response_types: ['code'],
        token_endpoint_auth_method: 'none',
    };
    let response: Response;
    try {
        response = await fetch(endpoint, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(metadata), signal: AbortSignal.timeout(AUTH_REQUEST_TIMEOUT_MS) });
    } catch (error) {
        throw new AuthError('token request', `cannot reach ${endpoint}: ${describeFetchError(error)}`);
    }
    const answer: unknown = await response.json().catch(() => undefined);
    if (!response.ok || !isObject(answer) || typeof answer['client_id'] !== 'string') {
        const why = isObject(answer) && typeof answer['error'] === 'string' ? `${answer['error']}${typeof answer['error_description'] === 'string' ? ` (${answer['error_description']})` : ''}` : 'no client_id in the answer';
        throw new AuthError('token request', `client registration at ${endpoint} failed (HTTP ${response.status}): ${why}`);
    }
    return answer['client_id'];
}

function stringField(document: Record<string, unknown>, key: string, step: 'metadata'): string {
    const value = document[key];
    if (typeof value !== 'string') throw new AuthError(step, `the authorization server's metadata names no ${key}`);
    return value;
}

interface Callback {
    redirectUri: string;
    /** The authorization code the browser brings back with `state` (from `issuer`); throws on an error or after `timeoutMs`. */
    code(state: string, issuer: string, timeoutMs: number): Promise<string>;
    close(): void;
}

/** A listener on 127.0.0.1 for the one redirect that ends the flow. */
async function listenForCallback(port: number): Promise<Callback> {
    let deliver: (query: URLSearchParams) => void = () => {};
    const arrived = new Promise<URLSearchParams>((resolve) => (deliver = resolve));
    const server = http.createServer((req, res) => {
        const url = new URL(req.url ?? '/', 'http://127.0.0.1');
        if (url.pathname !== '/callback') {
            res.writeHead(404).end();
            return;
        }
        const failed = url.searchParams.has('error');
        res.writeHead(failed ? 400 : 200, { 'content-type': 'text/plain; charset=utf-8' });
        res.end(failed ? 'mcp-check: sign-in failed; see the terminal.\n' : 'mcp-check: signed in. You can close this tab and go back to the terminal.\n');
        deliver(url.searchParams);
    });
    server.listen(port, '127.0.0.1');
    await once(server, 'listening');
    const { port: bound } = server.address() as { port: number };
    return {
        redirectUri: `http://127.0.0.1:${bound}/callback`,
        code: async (state, issuer, timeoutMs) => {
            let timer: NodeJS.Timeout | undefined;
            const late = new Promise<never>((_, reject) => {
                timer = setTimeout(() => reject(new AuthError('token request', `the browser did not come back within ${Math.round(timeoutMs / 1000)} s`)), timeoutMs);
            });
            const query = await Promise.race([arrived, late]).finally(() => clearTimeout(timer));
            if (query.get('error')) {
                const description = query.get('error_description');
                throw new AuthError('token request', `the authorization server refused: ${query.get('error')}${description ? ` (${description})` : ''}`);
            }
            if (query.get('state') !== state) throw new AuthError('token request', 'the callback carried another state than the one sent (a forged or stale redirect)');
            // RFC 9207: a server that names itself must be the one asked (mix-up attacks).
            const from = query.get('iss');
            if (from !== null && from !== issuer) throw new AuthError('token request', `the callback came from issuer ${from}, not ${issuer}`);
            const code = query.get('code');
            if (!code) throw new AuthError('token request', 'the callback carried no authorization code');
            return code;
        },
        close: () => {
            server.close();
            server.closeAllConnections();
        },
    };
}
