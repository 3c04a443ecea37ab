/** A token that expires mid-run is replaced: the server's 401 gets a new token and the request is sent again. */
import { it } from 'node:test';
import assert from 'node:assert/strict';
import { runCli } from '../../helpers/cli.js';
import { CLIENT_SECRET, startProtectedServer } from '../../helpers/auth.js';
import { Workspace, q } from '../../helpers/workspace.js';

it('a token that expires between two calls is renewed and the run passes', async () => {
    // Tokens live 2 s; `wait` outlasts one, so the second call carries an expired token.
    const [server, ws] = await Promise.all([startProtectedServer({ tokenTtlSeconds: 2 }), Workspace.create()]);
    try {
        const spec = await ws.write('spec.yaml', [
            'servers:',
            '  api:',
            `    url: ${q(server.url)}`,
            '    auth:',
            '      client_credentials: { client_id: ci-secret, client_secret: "${CLIENT_SECRET}", scope: mcp:read }',
            'tests:',
            '  - server: api',
            '    calls:',
            '      - { tool: whoami, expect: { text: "client ci-secret; scope mcp:read" } }',
            '      - { tool: wait, args: { ms: 2500 } }',
            '      - { tool: whoami, expect: { text: "client ci-secret; scope mcp:read" } }',
        ].join('\n'));
        const run = await runCli([spec], { env: { CLIENT_SECRET } });
        assert.equal(run.code, 0, run.stdout + run.stderr);
        assert.match(run.stdout, /auth client_credentials via \S+, scopes mcp:read, \d+ tokens \(renewed after expiry\)/);
        assert.ok(new Set(await server.acceptedTokens()).size >= 2, 'the server saw only one token');
    } finally {
        await Promise.all([server.stop(), ws.remove()]);
    }
});
