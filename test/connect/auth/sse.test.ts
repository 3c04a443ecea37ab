/** `auth:` over legacy SSE: the event stream and the message posts both carry the token, and no output shows it. */
import { after, before, it } from 'node:test';
import assert from 'node:assert/strict';
import { runCli } from '../../helpers/cli.js';
import { CLIENT_SECRET, fetchToken, startProtectedServer, type ProtectedServer } from '../../helpers/auth.js';
import { Workspace, q } from '../../helpers/workspace.js';

let server: ProtectedServer;
let ws: Workspace;

before(async () => {
    [server, ws] = await Promise.all([startProtectedServer({ sse: true }), Workspace.create()]);
});
after(async () => {
    await server.stop();
    await ws.remove();
});

/** A spec with one SSE server `api` at the fixture, with `auth` as given, that calls `whoami` and `echo_authorization`. */
function specWith(auth: string): Promise<string> {
    return ws.write(`spec-${Math.random().toString(36).slice(2)}.yaml`, [
        'servers:',
        '  api:',
        `    url: ${q(server.url)}`,
        '    transport: sse',
        `    auth: ${auth}`,
        'tests:',
        '  - server: api',
        '    calls:',
        '      - { tool: whoami, expect: { text: "client ci-secret; scope mcp:read" } }',
        // The server answers with the Authorization header it got; the failure quotes it.
        '      - { tool: echo_authorization, expect: { text: "no token here" } }',
    ].join('\n'));
}

/** Runs the spec with every reporter and returns the run and what each output holds. */
async function runAll(spec: string, env: Record<string, string>) {
    const reports = [`json:${ws.path('report.json')}`, `junit:${ws.path('report.xml')}`, `html:${ws.path('report.html')}`];
    const run = await runCli([spec, '--reporter', 'console', ...reports.flatMap((r) => ['--reporter', r])], { env });
    const outputs = { stdout: run.stdout, stderr: run.stderr, json: await ws.read('report.json'), junit: await ws.read('report.xml'), html: await ws.read('report.html') };
    return { run, outputs };
}

function assertNoSecret(outputs: Record<string, string>, secrets: string[]): void {
    for (const [name, text] of Object.entries(outputs)) {
        for (const secret of secrets) assert.ok(!text.includes(secret), `${name} shows a secret (${secret.slice(0, 12)}…)`);
    }
}

it('client_credentials over SSE: the calls reach the server, the report names the method, no output shows a token', async () => {
    const { run, outputs } = await runAll(await specWith('{ client_credentials: { client_id: ci-secret, client_secret: "${CLIENT_SECRET}", scope: mcp:read } }'), { CLIENT_SECRET });
    // Only the echo fails: it quotes the header, redacted.
    assert.equal(run.code, 1, run.stdout + run.stderr);
    assert.match(run.stdout, /✓ whoami/);
    assert.ok(run.stdout.includes(`auth client_credentials via ${server.issuer}, scopes mcp:read`), run.stdout);
    assert.ok(run.stdout.includes('Bearer ***'), run.stdout);
    const tokens = await server.acceptedTokens();
    assert.ok(tokens.length >= 1, 'the server accepted no token');
    assertNoSecret(outputs, [...tokens, CLIENT_SECRET]);
});

it('a bearer token over SSE: the calls reach the server and no output shows the token', async () => {
    const token = await fetchToken(server);
    const { run, outputs } = await runAll(await specWith('{ bearer: "${MCP_TOKEN}" }'), { MCP_TOKEN: token });
    assert.equal(run.code, 1, run.stdout + run.stderr);
    assert.match(run.stdout, /✓ whoami/);
    assert.ok(run.stdout.includes('auth bearer)'), run.stdout);
    assert.ok(run.stdout.includes('Bearer ***'), run.stdout);
    assert.ok((await server.acceptedTokens()).includes(token), 'the server never took the token');
    assertNoSecret(outputs, [token]);
});
