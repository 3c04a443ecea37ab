/** `auth:` in a spec: its typed form, its secrets, and which keys go together, each mistake named at its place. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { loadSpec } from '../../src/load/load.js';
import type { HttpServerConfig } from '../../src/connect/types.js';
import { specErrors, writeSpecs, yaml } from './helpers.js';

/** A spec whose one HTTP server `api` has the given `auth:` lines (indented under it). */
function specWithAuth(...auth: string[]): string {
    return yaml('servers:', '  api:', '    url: http://127.0.0.1:8931/mcp', '    auth:', ...auth.map((l) => `      ${l}`), 'tests:', '  - server: api', '    tools: { include: [whoami] }');
}

async function load(text: string, env: Record<string, string> = {}) {
    const dir = await writeSpecs({ 'specs/api.yaml': text });
    return { dir, suite: await loadSpec(join(dir, 'specs/api.yaml'), env) };
}

test('client_credentials with a key file: typed, the key path resolved against the spec folder', async () => {
    const { dir, suite } = await load(specWithAuth('client_credentials:', '  client_id: ci', '  private_key_jwt: { key: keys/ci.pem, alg: ES256 }', '  scope: mcp:read'));
    assert.deepEqual((suite.servers['api']!.config as HttpServerConfig).auth, {
        method: 'client_credentials',
        clientId: 'ci',
        proof: { privateKeyJwt: { keyFile: join(dir, 'specs/keys/ci.pem'), alg: 'ES256' } },
        scope: 'mcp:read',
    });
});

test('a refresh token without a secret is a public client', async () => {
    const { suite } = await load(specWithAuth('refresh_token: ${REFRESH}', 'client_id: ci-login'), { REFRESH: 'refresh-token-value' });
    assert.deepEqual((suite.servers['api']!.config as HttpServerConfig).auth, { method: 'refresh_token', refreshToken: 'refresh-token-value', clientId: 'ci-login', proof: { none: true } });
});

test('bearer tokens, client secrets and refresh tokens are in the redaction set; a key path is not', async () => {
    const bearer = await load(specWithAuth('bearer: ${TOKEN}'), { TOKEN: 'bearer-token-value' });
    const credentials = await load(specWithAuth('client_credentials: { client_id: ci, client_secret: "${SECRET}" }'), { SECRET: 'client-secret-value' });
    const refresh = await load(specWithAuth('refresh_token: refresh-token-value', 'client_id: ci', 'client_secret: other-secret-value'));
    const keyed = await load(specWithAuth('client_credentials: { client_id: ci, private_key_jwt: { key: keys/ci.pem } }'));
    assert.deepEqual(bearer.suite.secrets, ['bearer-token-value']);
    assert.deepEqual(credentials.suite.secrets, ['client-secret-value']);
    assert.deepEqual(refresh.suite.secrets.sort(), ['other-secret-value', 'refresh-token-value']);
    assert.deepEqual(keyed.suite.secrets, []);
});

test('two methods at once: one error naming both', async () => {
    const errors = await specErrors(load(specWithAuth('bearer: abcdefgh', 'refresh_token: ijklmnop', 'client_id: ci')));
    assert.deepEqual(errors.map(tail), ['servers.api.auth: use one method, not "bearer" and "refresh_token"']);
});

test('no method: one error listing the three', async () => {
    const errors = await specErrors(load(specWithAuth('scope: mcp:read')));
    assert.ok(errors.some((e) => e.endsWith('servers.api.auth: needs one of "bearer", "client_credentials" or "refresh_token"')), errors.join('\n'));
});

test('a refresh token without its client id', async () => {
    const errors = await specErrors(load(specWithAuth('refresh_token: abcdefgh')));
    assert.deepEqual(errors.map(tail), ['servers.api.auth: "refresh_token" needs "client_id" (the client the refresh token was issued to)']);
});

test('a scope beside client_credentials is pointed at, and told where it belongs', async () => {
    const errors = await specErrors(load(specWithAuth('client_credentials: { client_id: ci, client_secret: abcdefgh }', 'scope: mcp:read')));
    assert.deepEqual(errors.map(tail), ['servers.api.auth: "scope" belongs inside "client_credentials"']);
    assert.match(errors[0]!, /api\.yaml:6:7: /, "points at the scope key");
});

test('client credentials with neither or both of a secret and a key', async () => {
    const neither = await specErrors(load(specWithAuth('client_credentials: { client_id: ci }')));
    const both = await specErrors(load(specWithAuth('client_credentials: { client_id: ci, client_secret: abcdefgh, private_key_jwt: { key: k.pem } }')));
    assert.deepEqual(neither.map(tail), ['servers.api.auth.client_credentials: needs "client_secret" or "private_key_jwt" (how the client proves who it is)']);
    assert.deepEqual(both.map(tail), ['servers.api.auth.client_credentials: use "client_secret" or "private_key_jwt", not both']);
});

test('tool_scopes: the scope each tool needs, beside any method', async () => {
    const { suite } = await load(specWithAuth('bearer: abcdefgh', 'tool_scopes: { save_note: mcp:write, purge: "admin mcp:write" }'));
    assert.deepEqual((suite.servers['api']!.config as HttpServerConfig).auth, { method: 'bearer', token: 'abcdefgh', toolScopes: { save_note: 'mcp:write', purge: 'admin mcp:write' } });
});

test('tool_scopes with an empty scope is pointed at', async () => {
    const errors = await specErrors(load(specWithAuth('bearer: abcdefgh', 'tool_scopes: { save_note: "" }')));
    assert.equal(errors.length, 1, errors.join('\n'));
    assert.match(errors[0]!, /api\.yaml:6:\d+: servers\.api\.auth\.tool_scopes\.save_note: must not be empty$/);
});

test('auth on a stdio server', async () => {
    const errors = await specErrors(load(yaml('servers:', '  s:', '    command: node', '    auth: { bearer: abcdefgh }', 'tests:', '  - server: s', '    tools: { include: [x] }')));
    assert.deepEqual(errors.map(tail), ['servers.s: "auth" only applies to HTTP servers (sse / streamable_http), but this server uses stdio']);
});

/** An error without its `file:line:col: ` prefix. */
function tail(error: string): string {
    return error.replace(/^.*?:\d+:\d+: /, '');
}
