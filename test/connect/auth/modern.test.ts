/**
 * `auth:` on the 2026-07-28 revision, against a stateless server on the v2 SDK behind a real
 * authorization server: every request carries the token, not only `server/discover`.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { runCli } from '../../helpers/cli.js';
import { CLIENT_SECRET, startProtectedServer, type ProtectedServer } from '../../helpers/auth.js';
import { Workspace, q } from '../../helpers/workspace.js';

let ws: Workspace;
before(async () => {
    ws = await Workspace.create();
});
after(() => ws.remove());

/** A spec pinning server `api` at `url` to 2026-07-28, with `auth` as given, running `calls`. */
function modernSpec(url: string, auth: string, calls: string[]): Promise<string> {
    return ws.write(`spec-${Math.random().toString(36).slice(2)}.yaml`, [
        'servers:',
        '  api:',
        `    url: ${q(url)}`,
        '    protocol: 2026-07-28',
        `    auth: ${auth}`,
        'tests:',
        '  - server: api',
        '    calls:',
        ...calls.map((call) => `      - ${call}`),
    ].join('\n'));
}

describe('a 2026-07-28 server behind OAuth', () => {
    let server: ProtectedServer;
    before(async () => {
        server = await startProtectedServer({ modern: true, refreshToken: true });
    });
    after(() => server.stop());

    it('client_credentials: the calls pass on 2026-07-28 and the report names method, issuer and scopes', async () => {
        const spec = await modernSpec(server.url, '{ client_credentials: { client_id: ci-secret, client_secret: "${CLIENT_SECRET}", scope: mcp:read } }', [
            '{ tool: whoami, expect: { text: "client ci-secret; scope mcp:read" } }',
        ]);
        const run = await runCli([spec], { env: { CLIENT_SECRET } });
        assert.equal(run.code, 0, run.stdout + run.stderr);
        assert.ok(run.stdout.includes('protocol 2026-07-28'), run.stdout);
        assert.ok(run.stdout.includes(`auth client_credentials via ${server.issuer}, scopes mcp:read`), run.stdout);
    });

    it('refresh_token: the calls pass on 2026-07-28', async () => {
        const spec = await modernSpec(server.url, '{ refresh_token: "${REFRESH}", client_id: ci-login }', ['{ tool: whoami, expect: { text: "client ci-login; scope mcp:read" } }']);
        const run = await runCli([spec], { env: { REFRESH: server.refreshToken } });
        assert.equal(run.code, 0, run.stdout + run.stderr);
        assert.ok(run.stdout.includes('protocol 2026-07-28'), run.stdout);
        assert.ok(run.stdout.includes(`auth refresh_token via ${server.issuer}`), run.stdout);
    });
});

describe('a token that expires mid-run on 2026-07-28', () => {
    let server: ProtectedServer;
    before(async () => {
        // Tokens live 2 s; `wait` outlasts one, so the call after it carries an expired token.
        server = await startProtectedServer({ modern: true, refreshToken: true, tokenTtlSeconds: 2 });
    });
    after(() => server.stop());

    const calls = (client: string) => [
        `{ tool: whoami, expect: { text: "client ${client}; scope mcp:read" } }`,
        '{ tool: wait, args: { ms: 2500 } }',
        `{ tool: whoami, expect: { text: "client ${client}; scope mcp:read" } }`,
    ];

    it('client_credentials: the expired token is renewed and the run passes', async () => {
        const before = new Set(await server.acceptedTokens());
        const spec = await modernSpec(server.url, '{ client_credentials: { client_id: ci-secret, client_secret: "${CLIENT_SECRET}", scope: mcp:read } }', calls('ci-secret'));
        const run = await runCli([spec], { env: { CLIENT_SECRET } });
        assert.equal(run.code, 0, run.stdout + run.stderr);
        assert.match(run.stdout, /auth client_credentials via \S+, scopes mcp:read, \d+ tokens \(renewed after expiry\)/);
        const fresh = (await server.acceptedTokens()).filter((t) => !before.has(t));
        assert.ok(new Set(fresh).size >= 2, 'the server saw only one token');
    });

    it('refresh_token: the expired token is renewed from the refresh token and the run passes', async () => {
        const spec = await modernSpec(server.url, '{ refresh_token: "${REFRESH}", client_id: ci-login }', calls('ci-login'));
        const run = await runCli([spec], { env: { REFRESH: server.refreshToken } });
        assert.equal(run.code, 0, run.stdout + run.stderr);
        assert.match(run.stdout, /auth refresh_token via \S+, scopes mcp:read, \d+ tokens \(renewed after expiry\)/);
    });
});
