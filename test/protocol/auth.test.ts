/**
 * The auth rules against the protected fixture and a real authorization server: the
 * well-behaved server passes every one, and each broken mode fails its own rule, saying why.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { PROTOCOL_CATALOG } from '../../src/protocol/index.js';
import type { CaseResult, RunResult } from '../../src/run/result.js';
import { CLIENT_SECRET, fetchToken, startProtectedServer, type ProtectedOptions, type ProtectedServer } from '../helpers/auth.js';
import { q } from '../helpers/workspace.js';
import { runSpec, statuses, writeSpec } from '../run/contract/support.js';

const AUTH_RULES = PROTOCOL_CATALOG.filter((r) => r.needsAuth).map((r) => `protocol: ${r.id}`);

/** Runs the auth rules against a fixture started with `options`, authenticated by `auth` (YAML lines, given the server). */
async function runRules(options: ProtectedOptions, auth: (server: ProtectedServer) => Promise<string[]>): Promise<CaseResult[]> {
    const server = await startProtectedServer(options);
    try {
        const lines = ['servers:', '  api:', `    url: ${q(server.url)}`, '    auth:', ...(await auth(server)).map((l) => `      ${l}`)];
        if (options.modern) lines.push('    protocol: 2026-07-28');
        lines.push('tests:', '  - server: api', '    lint: false', '    protocol: true');
        const result: RunResult = await runSpec(await writeSpec(lines));
        const cases = result.suites.flatMap((s) => s.cases).filter((c) => AUTH_RULES.includes(c.name));
        assert.deepEqual(cases.map((c) => c.name).sort(), [...AUTH_RULES].sort(), statuses(result));
        return cases;
    } finally {
        await server.stop();
    }
}

const clientCredentials = async (): Promise<string[]> => ['client_credentials:', '  client_id: ci-secret', `  client_secret: ${q(CLIENT_SECRET)}`];
const bearer = async (server: ProtectedServer): Promise<string[]> => [`bearer: ${q(await fetchToken(server))}`];
/** The fixture's `save_note` needs mcp:write. */
const TOOL_SCOPES = 'tool_scopes: { save_note: mcp:write }';
const scopedClientCredentials = async (): Promise<string[]> => [...(await clientCredentials()), TOOL_SCOPES];

function outcome(cases: CaseResult[], rule: string): string {
    const c = cases.find((x) => x.name === `protocol: ${rule}`)!;
    if (c.status === 'failed') return `failed: ${c.problems.map((p) => p.message).join('; ')}`;
    if (c.status === 'skipped') return `skipped: ${c.reason}`;
    return c.status === 'passed' && c.warnings?.length ? `passed with warnings: ${c.warnings.join('; ')}` : c.status;
}

/** The cases that did not simply pass, with their outcomes. */
function notPassed(cases: CaseResult[]): string[] {
    return cases.filter((c) => c.status !== 'passed' || c.warnings?.length).map((c) => `${c.name}: ${outcome(cases, c.name.slice(10))}`);
}

describe('the well-behaved protected server', () => {
    it('passes every auth rule with client credentials, tool scopes and tokens short-lived enough to see expire', async () => {
        const cases = await runRules({ tokenTtlSeconds: 2 }, scopedClientCredentials);
        assert.deepEqual(notPassed(cases), []);
    });

    it('with a refresh token, passes the expired-token and scope rules (the narrower token comes from the refresh token grant)', async () => {
        const refresh = async (server: ProtectedServer): Promise<string[]> => [`refresh_token: ${q(server.refreshToken!)}`, 'client_id: ci-login', TOOL_SCOPES];
        const cases = await runRules({ refreshToken: true, tokenTtlSeconds: 2 }, refresh);
        // The refresh token's grant is for the server's resource alone, so the audience rule gets no other token.
        assert.deepEqual(notPassed(cases).map((c) => c.replace(/: skipped: .*/, ': skipped')), ['protocol: auth-audience: skipped']);
    });

    it('with a bearer token, skips the rules that need a token of its own, and the expired-token rule for a token that lives long', async () => {
        const cases = await runRules({}, async (server) => [...(await bearer(server)), TOOL_SCOPES]);
        assert.deepEqual(notPassed(cases).map((c) => c.replace(/expires in \d+ s/, 'expires in N s')), [
            'protocol: auth-audience: skipped: needs client_credentials or refresh_token in auth: to get a token for another resource',
            'protocol: auth-expired-token: skipped: no token expired during the run and the current one expires in N s, later than mcp-check waits (15 s): give the test client a token lifetime of 15 s or less at the authorization server to run this rule',
            'protocol: auth-insufficient-scope: skipped: needs client_credentials or refresh_token in auth: to get a token without the scope a tool needs',
        ]);
    });

    it('auth-insufficient-scope is skipped without tool_scopes, and for a tool the server does not list', async () => {
        const none = await runRules({}, clientCredentials);
        const unknown = await runRules({}, async () => [...(await clientCredentials()), 'tool_scopes: { no_such_tool: mcp:write }']);
        assert.equal(outcome(none, 'auth-insufficient-scope'), 'skipped: auth.tool_scopes names no tool and the scope it needs');
        assert.equal(outcome(unknown, 'auth-insufficient-scope'), 'skipped: auth.tool_scopes names no_such_tool, which the server does not list');
    });
});

describe('each broken server fails its own rule', () => {
    it('auth-challenge: a 401 without WWW-Authenticate', async () => {
        const cases = await runRules({ broken: 'no-challenge' }, bearer);
        assert.match(outcome(cases, 'auth-challenge'), /^failed: the 401 to a request without a token has no WWW-Authenticate: Bearer challenge \(https:\/\/modelcontextprotocol\.io\/specification\/2025-11-25\/basic\/authorization#authorization-server-location\)$/);
    });

    it('auth-resource-metadata: metadata naming another resource than the server', async () => {
        const cases = await runRules({ broken: 'wrong-resource' }, bearer);
        assert.match(outcome(cases, 'auth-resource-metadata'), /^failed: the protected resource metadata at \S+ names resource http:\/\/127\.0\.0\.1:\d+\/elsewhere, not the server's URL http:\/\/127\.0\.0\.1:\d+\/mcp/);
    });

    it('auth-server-metadata: an authorization server whose metadata names another issuer', async () => {
        const cases = await runRules({ broken: 'wrong-issuer' }, bearer);
        assert.match(outcome(cases, 'auth-server-metadata'), /^failed: http:\/\/127\.0\.0\.1:\d+\/\.well-known\/oauth-authorization-server names issuer "http:\/\/127\.0\.0\.1:\d+", not http:\/\/127\.0\.0\.1:\d+ \(https:/);
    });

    it('auth-invalid-token: a server that takes any token', async () => {
        const cases = await runRules({ broken: 'any-token' }, clientCredentials);
        assert.match(outcome(cases, 'auth-invalid-token'), /^failed: a request with a token that is not one \(garbage\) was answered with HTTP 200, not 401: the server took it/);
    });

    it('auth-audience: a server that takes tokens for another resource', async () => {
        const cases = await runRules({ broken: 'any-audience' }, clientCredentials);
        assert.match(outcome(cases, 'auth-audience'), /^failed: a request with a token issued for another resource \(http:\/\/127\.0\.0\.1:\d+\/mcp-check-other-resource\) was answered with HTTP 200, not 401: the server took it/);
    });

    it('auth-expired-token: a server that takes an expired token', async () => {
        const cases = await runRules({ broken: 'expired-token', tokenTtlSeconds: 2 }, clientCredentials);
        assert.match(outcome(cases, 'auth-expired-token'), /^failed: a request with an access token that expired \d+ s before was answered with HTTP 200, not 401: the server took it \(a clock-skew leeway, if the server allows one, is longer than that\) \(https:\/\/modelcontextprotocol\.io\/specification\/2025-11-25\/basic\/authorization#token-handling\)$/);
    });

    it('auth-insufficient-scope: a server that serves a scoped tool to a token without its scope', async () => {
        const cases = await runRules({ broken: 'no-scope-check' }, scopedClientCredentials);
        assert.match(outcome(cases, 'auth-insufficient-scope'), /^failed: a request with a token without mcp:write \(the scope save_note needs, per auth\.tool_scopes\) calling save_note was answered with HTTP 200, not 403: the server took it \(https:\/\/modelcontextprotocol\.io\/specification\/2025-11-25\/basic\/authorization#error-handling\)$/);
    });

    it('a 401 to an expired token without error="invalid_token", and a 403 without scope=, are warnings', async () => {
        const cases = await runRules({ broken: 'terse-challenges', tokenTtlSeconds: 2 }, scopedClientCredentials);
        assert.match(outcome(cases, 'auth-expired-token'), /^passed with warnings: the 401 to an access token that expired \d+ s before has WWW-Authenticate without an error, not error="invalid_token" \(https:/);
        assert.match(outcome(cases, 'auth-insufficient-scope'), /^passed with warnings: the 403 to a token without mcp:write \(the scope save_note needs, per auth\.tool_scopes\) calling save_note names no scope in WWW-Authenticate \(clients ask for the scopes it names\) \(https:/);
    });

    it('auth-query-token: a server that takes a token in the query string', async () => {
        const cases = await runRules({ broken: 'query-token' }, clientCredentials);
        assert.match(outcome(cases, 'auth-query-token'), /^failed: a request with the run's own valid token in the query string \(access_token=…\) and none in the header was answered with HTTP 200, not 401: the server took it/);
    });
});

describe('on 2026-07-28 (a stateless server on the v2 SDK)', () => {
    it('the well-behaved server passes every auth rule with client credentials, tool scopes and short-lived tokens', async () => {
        const cases = await runRules({ modern: true, tokenTtlSeconds: 2 }, scopedClientCredentials);
        assert.deepEqual(notPassed(cases), []);
    });

    for (const [mode, rule, failure] of [
        ['no-challenge', 'auth-challenge', /^failed: the 401 to a request without a token has no WWW-Authenticate: Bearer challenge/],
        ['wrong-resource', 'auth-resource-metadata', /^failed: the protected resource metadata at \S+ names resource http:\/\/127\.0\.0\.1:\d+\/elsewhere, not the server's URL/],
        ['wrong-issuer', 'auth-server-metadata', /^failed: http:\/\/127\.0\.0\.1:\d+\/\.well-known\/oauth-authorization-server names issuer "http:\/\/127\.0\.0\.1:\d+", not http:\/\/127\.0\.0\.1:\d+ \(https:/],
        ['any-token', 'auth-invalid-token', /^failed: a request with a token that is not one \(garbage\) was answered with HTTP 200, not 401: the server took it/],
        ['any-audience', 'auth-audience', /^failed: a request with a token issued for another resource \(\S+\) was answered with HTTP 200, not 401: the server took it/],
        ['query-token', 'auth-query-token', /^failed: a request with the run's own valid token in the query string \(access_token=…\) and none in the header was answered with HTTP 200, not 401: the server took it/],
        ['expired-token', 'auth-expired-token', /^failed: a request with an access token that expired \d+ s before was answered with HTTP 200, not 401: the server took it/],
        ['no-scope-check', 'auth-insufficient-scope', /^failed: a request with a token without mcp:write \(the scope save_note needs, per auth\.tool_scopes\) calling save_note was answered with HTTP 200, not 403: the server took it/],
    ] as const) {
        it(`${rule}: the --broken ${mode} server fails it`, async () => {
            // A server whose discovery is broken is reached with a token obtained beforehand.
            const discoveryBroken = ['no-challenge', 'wrong-resource', 'wrong-issuer'].includes(mode);
            const auth = discoveryBroken ? bearer : mode === 'no-scope-check' ? scopedClientCredentials : clientCredentials;
            const cases = await runRules({ modern: true, broken: mode, ...(mode === 'expired-token' ? { tokenTtlSeconds: 2 } : {}) }, auth);
            assert.match(outcome(cases, rule), failure);
        });
    }
});
