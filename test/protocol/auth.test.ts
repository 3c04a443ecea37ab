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

function outcome(cases: CaseResult[], rule: string): string {
    const c = cases.find((x) => x.name === `protocol: ${rule}`)!;
    if (c.status === 'failed') return `failed: ${c.problems.map((p) => p.message).join('; ')}`;
    if (c.status === 'skipped') return `skipped: ${c.reason}`;
    return c.status === 'passed' && c.warnings?.length ? `passed with warnings: ${c.warnings.join('; ')}` : c.status;
}

describe('the well-behaved protected server', () => {
    it('passes every auth rule with client credentials', async () => {
        const cases = await runRules({}, clientCredentials);
        assert.deepEqual(cases.filter((c) => c.status !== 'passed' || c.warnings?.length).map((c) => `${c.name}: ${outcome(cases, c.name.slice(10))}`), []);
    });

    it('with a bearer token, skips only the audience rule, which needs a token for another resource', async () => {
        const cases = await runRules({}, bearer);
        assert.deepEqual(
            cases.filter((c) => c.status !== 'passed').map((c) => `${c.name}: ${outcome(cases, c.name.slice(10))}`),
            ['protocol: auth-audience: skipped: needs client_credentials or refresh_token in auth: to get a token for another resource'],
        );
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

    it('auth-query-token: a server that takes a token in the query string', async () => {
        const cases = await runRules({ broken: 'query-token' }, clientCredentials);
        assert.match(outcome(cases, 'auth-query-token'), /^failed: a request with the run's own valid token in the query string \(access_token=…\) and none in the header was answered with HTTP 200, not 401: the server took it/);
    });
});

describe('on 2026-07-28 (a stateless server on the v2 SDK)', () => {
    it('the well-behaved server passes every auth rule with client credentials', async () => {
        const cases = await runRules({ modern: true }, clientCredentials);
        assert.deepEqual(cases.filter((c) => c.status !== 'passed' || c.warnings?.length).map((c) => `${c.name}: ${outcome(cases, c.name.slice(10))}`), []);
    });

    for (const [mode, rule, failure] of [
        ['no-challenge', 'auth-challenge', /^failed: the 401 to a request without a token has no WWW-Authenticate: Bearer challenge/],
        ['wrong-resource', 'auth-resource-metadata', /^failed: the protected resource metadata at \S+ names resource http:\/\/127\.0\.0\.1:\d+\/elsewhere, not the server's URL/],
        ['wrong-issuer', 'auth-server-metadata', /^failed: http:\/\/127\.0\.0\.1:\d+\/\.well-known\/oauth-authorization-server names issuer "http:\/\/127\.0\.0\.1:\d+", not http:\/\/127\.0\.0\.1:\d+ \(https:/],
        ['any-token', 'auth-invalid-token', /^failed: a request with a token that is not one \(garbage\) was answered with HTTP 200, not 401: the server took it/],
        ['any-audience', 'auth-audience', /^failed: a request with a token issued for another resource \(\S+\) was answered with HTTP 200, not 401: the server took it/],
        ['query-token', 'auth-query-token', /^failed: a request with the run's own valid token in the query string \(access_token=…\) and none in the header was answered with HTTP 200, not 401: the server took it/],
    ] as const) {
        it(`${rule}: the --broken ${mode} server fails it`, async () => {
            // A server whose discovery is broken is reached with a token obtained beforehand.
            const discoveryBroken = ['no-challenge', 'wrong-resource', 'wrong-issuer'].includes(mode);
            const cases = await runRules({ modern: true, broken: mode }, discoveryBroken ? bearer : clientCredentials);
            assert.match(outcome(cases, rule), failure);
        });
    }
});
