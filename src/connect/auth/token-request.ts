/**
 * Token requests (RFC 6749 §3.2) with the client's proof of identity and the resource
 * indicator (RFC 8707). A refusal carries the authorization server's `error` and
 * `error_description`, which say what to fix (`invalid_client`, `invalid_scope`, ...).
 */
import { readFile } from 'node:fs/promises';
import { createPrivateKeyJwtAuth } from '@modelcontextprotocol/sdk/client/auth-extensions.js';
import { jwtExpiry } from './expiry.js';
import { rememberIssued } from './issued.js';
import { AUTH_REQUEST_TIMEOUT_MS, describeFetchError, isObject } from './metadata-fetch.js';
import type { Discovered } from './discovery.js';
import { AuthError, type ClientProof } from './types.js';

/** An access token and what came with it. */
export interface IssuedToken {
    accessToken: string;
    /** Granted scopes, as the response listed them. */
    scope?: string;
    refreshToken?: string;
    /** When it expires, in ms since the epoch: its JWT `exp`, else the response's `expires_in` from when it came. */
    expiresAt?: number;
}

/** What to ask for: the grant's own parameters (grant_type, refresh_token, scope, resource). */
export interface TokenRequest {
    clientId: string;
    proof: ClientProof;
    params: Record<string, string | undefined>;
}

/** Asks the discovered authorization server for a token; throws `AuthError` (step `token request`) when refused. */
export async function requestToken(server: Discovered, request: TokenRequest): Promise<IssuedToken> {
    const body = new URLSearchParams();
    for (const [name, value] of Object.entries(request.params)) if (value !== undefined && value !== '') body.set(name, value);
    const headers = new Headers({ 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' });
    await proveClient(request, server, headers, body);
    let response: Response;
    try {
        response = await fetch(server.tokenEndpoint, { method: 'POST', headers, body, redirect: 'manual', signal: AbortSignal.timeout(AUTH_REQUEST_TIMEOUT_MS) });
    } catch (error) {
        throw new AuthError('token request', `cannot reach ${server.tokenEndpoint}: ${describeFetchError(error)}`);
    }
    const received = Date.now();
    const answer: unknown = await response.json().catch(() => undefined);
    if (!response.ok || !isObject(answer) || typeof answer['access_token'] !== 'string') {
        throw new AuthError('token request', `${server.tokenEndpoint} refused (HTTP ${response.status}): ${describeRefusal(answer)}`);
    }
    // Everything the server handed out is a credential, even what mcp-check does not use.
    for (const key of ['access_token', 'refresh_token', 'id_token']) rememberIssued(typeof answer[key] === 'string' ? answer[key] : undefined);
    const expiresIn = answer['expires_in'];
    const expiresAt = jwtExpiry(answer['access_token']) ?? (typeof expiresIn === 'number' ? received + expiresIn * 1000 : undefined);
    return {
        accessToken: answer['access_token'],
        ...(typeof answer['scope'] === 'string' ? { scope: answer['scope'] } : {}),
        ...(typeof answer['refresh_token'] === 'string' ? { refreshToken: answer['refresh_token'] } : {}),
        ...(expiresAt !== undefined ? { expiresAt } : {}),
    };
}

function describeRefusal(answer: unknown): string {
    if (!isObject(answer) || typeof answer['error'] !== 'string') return 'no OAuth error in the answer';
    const description = typeof answer['error_description'] === 'string' ? ` (${answer['error_description']})` : '';
    return `${answer['error']}${description}`;
}

/**
 * Adds the client's proof: a secret by HTTP Basic unless the server supports only
 * `client_secret_post` (RFC 8414's default is Basic); a signed assertion for private_key_jwt;
 * for a public client, just its id.
 */
async function proveClient(request: TokenRequest, server: Discovered, headers: Headers, body: URLSearchParams): Promise<void> {
    const { clientId, proof } = request;
    if ('secret' in proof) {
        const methods = server.metadata['token_endpoint_auth_methods_supported'];
        const postOnly = Array.isArray(methods) && methods.includes('client_secret_post') && !methods.includes('client_secret_basic');
        if (postOnly) {
            body.set('client_id', clientId);
            body.set('client_secret', proof.secret);
        } else {
            // RFC 6749 §2.3.1: both parts are form-encoded before they are joined.
            headers.set('authorization', `Basic ${Buffer.from(`${formEncode(clientId)}:${formEncode(proof.secret)}`).toString('base64')}`);
        }
        return;
    }
    body.set('client_id', clientId);
    if ('privateKeyJwt' in proof) {
        const { keyFile, alg } = proof.privateKeyJwt;
        let privateKey: string;
        try {
            privateKey = await readFile(keyFile, 'utf8');
        } catch (error) {
            throw new AuthError('token request', `cannot read the private key ${keyFile}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
        }
        rememberIssued(privateKey.trim());
        // RFC 7523: the assertion's audience is the authorization server (its issuer).
        const sign = createPrivateKeyJwtAuth({ issuer: clientId, subject: clientId, privateKey, alg, audience: server.issuer });
        try {
            await sign(headers, body, server.tokenEndpoint);
        } catch (error) {
            throw new AuthError('token request', `cannot sign the client assertion with ${keyFile} (${alg}): ${error instanceof Error ? error.message : String(error)}`);
        }
        rememberIssued(body.get('client_assertion') ?? undefined);
    }
}

function formEncode(value: string): string {
    return new URLSearchParams({ v: value }).toString().slice(2);
}
