/** `auth:` reaches a server protected by a real authorization server, by each method, through the CLI. */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { runCli } from '../../helpers/cli.js';
import { CLIENT_SECRET, fetchToken, startProtectedServer, type ProtectedServer } from '../../helpers/auth.js';
import { Workspace, q } from '../../helpers/workspace.js';

let server: ProtectedServer;
let ws: Workspace;

before(async () => {
    [server, ws] = await Promise.all([startProtectedServer({ refreshToken: true }), Workspace.create()]);
});
after(async () => {
    await server.stop();
    await ws.remove();
});

/** A spec with one server `api` at the fixture, with `auth` as given, that calls `whoami`. */
function specWith(auth: string[]): Promise<string> {
    return ws.write(`spec-${Math.random().toString(36).slice(2)}.yaml`, [
        'servers:',
        '  api:',
        `    url: ${q(server.url)}`,
        '    auth:',
        ...auth.map((line) => `      ${line}`),
        'tests:',
        '  - server: api',
        '    calls:',
        '      - tool: whoami',
        '        expect: { text: { contains: "client " } }',
    ].join('\n'));
}

describe('each method reaches the protected server', () => {
    it('client_credentials with a secret: the run passes and names method, issuer and scopes', async () => {
        const spec = await specWith(['client_credentials:', '  client_id: ci-secret', '  client_secret: ${CLIENT_SECRET}', '  scope: mcp:read']);
        const run = await runCli([spec], { env: { CLIENT_SECRET } });
        assert.equal(run.code, 0, run.stdout + run.stderr);
        assert.ok(run.stdout.includes(`auth client_credentials via ${server.issuer}, scopes mcp:read`), run.stdout);
    });

    it('client_credentials with private_key_jwt: the run passes', async () => {
        const spec = await specWith(['client_credentials:', '  client_id: ci-jwt', `  private_key_jwt: { key: ${q(server.keyFile)}, alg: RS256 }`, '  scope: mcp:read mcp:write']);
        const run = await runCli([spec]);
        assert.equal(run.code, 0, run.stdout + run.stderr);
        assert.ok(run.stdout.includes('scopes mcp:read mcp:write'), run.stdout);
    });

    it('a refresh token with its client id: the run passes', async () => {
        const spec = await specWith(['refresh_token: ${REFRESH}', 'client_id: ci-login']);
        const run = await runCli([spec], { env: { REFRESH: server.refreshToken } });
        assert.equal(run.code, 0, run.stdout + run.stderr);
        assert.ok(run.stdout.includes(`auth refresh_token via ${server.issuer}`), run.stdout);
    });

    it('a bearer token obtained beforehand: the run passes', async () => {
        const spec = await specWith(['bearer: ${MCP_TOKEN}']);
        const run = await runCli([spec], { env: { MCP_TOKEN: await fetchToken(server) } });
        assert.equal(run.code, 0, run.stdout + run.stderr);
        assert.ok(run.stdout.includes('auth bearer)'), run.stdout);
    });
});

describe('an authentication failure is one error naming the step', () => {
    it('a wrong client secret: the token request, with the authorization server\'s error and description', async () => {
        const spec = await specWith(['client_credentials:', '  client_id: ci-secret', '  client_secret: not-the-secret-at-all', '  scope: mcp:read']);
        const run = await runCli([spec]);
        assert.equal(run.code, 1);
        assert.match(run.stdout, /authentication failed at token request: .*\/token refused \(HTTP 401\): invalid_client \(client authentication failed\)/);
    });

    it('a bearer token for another resource: the MCP server refusing the token', async () => {
        const spec = await specWith(['bearer: ${MCP_TOKEN}']);
        const other = new URL('/other', server.url).href;
        const run = await runCli([spec], { env: { MCP_TOKEN: await fetchToken(server, other) } });
        assert.equal(run.code, 1);
        assert.match(run.stdout, /authentication failed at token refused: the MCP server refused the bearer token \(HTTP 401, WWW-Authenticate: Bearer resource_metadata="[^"]+", error="invalid_token"\)/);
    });

    it('an issuer the spec does not allow: discovery, before any credential is sent', async () => {
        const spec = await specWith(['client_credentials:', '  client_id: ci-secret', '  client_secret: ${CLIENT_SECRET}', '  issuer: https://login.example.com']);
        const run = await runCli([spec], { env: { CLIENT_SECRET } });
        assert.equal(run.code, 1);
        assert.ok(run.stdout.includes(`authentication failed at discovery: the MCP server names the authorization server ${server.issuer}, but auth.issuer allows only https://login.example.com`), run.stdout);
    });

    it('a refresh token the authorization server does not know: the token request, invalid_grant', async () => {
        const spec = await specWith(['refresh_token: unknown-refresh-token-value', 'client_id: ci-login']);
        const run = await runCli([spec]);
        assert.equal(run.code, 1);
        assert.match(run.stdout, /authentication failed at token request: .* invalid_grant \(grant request is invalid\)/);
    });
});
