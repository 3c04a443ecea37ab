/** No token, secret or refresh token appears in any output, even when the server echoes the token back. */
import { it } from 'node:test';
import assert from 'node:assert/strict';
import { runCli } from '../../helpers/cli.js';
import { CLIENT_SECRET, startProtectedServer } from '../../helpers/auth.js';
import { Workspace, q } from '../../helpers/workspace.js';

it('console, JSON, JUnit and HTML reports hold no issued token, secret or refresh token', async () => {
    const [server, ws] = await Promise.all([startProtectedServer({ refreshToken: true }), Workspace.create()]);
    try {
        const spec = await ws.write('spec.yaml', [
            'servers:',
            '  cc:',
            `    url: ${q(server.url)}`,
            '    auth:',
            '      client_credentials: { client_id: ci-secret, client_secret: "${CLIENT_SECRET}" }',
            '  rt:',
            `    url: ${q(server.url)}`,
            '    auth: { refresh_token: "${REFRESH}", client_id: ci-login }',
            'tests:',
            '  - server: [cc, rt]',
            '    calls:',
            // The server answers with the Authorization header it got; the failure quotes it.
            '      - { tool: echo_authorization, expect: { text: "no token here" } }',
        ].join('\n'));
        const run = await runCli(
            [spec, '--reporter', 'console', '--reporter', `json:${ws.path('report.json')}`, '--reporter', `junit:${ws.path('report.xml')}`, '--reporter', `html:${ws.path('report.html')}`],
            { env: { CLIENT_SECRET, REFRESH: server.refreshToken } },
        );
        assert.equal(run.code, 1, run.stdout + run.stderr);
        const outputs = { stdout: run.stdout, stderr: run.stderr, json: await ws.read('report.json'), junit: await ws.read('report.xml'), html: await ws.read('report.html') };
        const tokens = await server.acceptedTokens();
        assert.ok(tokens.length >= 2, 'the server accepted no tokens');
        for (const [name, text] of Object.entries(outputs)) {
            for (const secret of [...tokens, CLIENT_SECRET, server.refreshToken!]) {
                assert.ok(!text.includes(secret), `${name} shows a secret (${secret.slice(0, 12)}…)`);
            }
        }
        // The echo is there, redacted: the test above did not pass by showing nothing.
        assert.ok(outputs.stdout.includes('Bearer ***'), outputs.stdout);
        assert.ok(outputs.json.includes('Bearer ***'));
    } finally {
        await Promise.all([server.stop(), ws.remove()]);
    }
});
