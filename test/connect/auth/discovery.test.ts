/** Discovery failures against real listeners: each names the step and the URL it tried. */
import { after, before, it } from 'node:test';
import assert from 'node:assert/strict';
import { runCli } from '../../helpers/cli.js';
import { CLIENT_SECRET, startProtectedServer, type ProtectedServer } from '../../helpers/auth.js';
import { HTTP_FAULTS, freePort, startListeningFixture, type RunningServer } from '../../helpers/servers.js';
import { Workspace, q } from '../../helpers/workspace.js';

let ws: Workspace;
before(async () => {
    ws = await Workspace.create();
});
after(() => ws.remove());

function spec(url: string): Promise<string> {
    return ws.write(`spec-${Math.random().toString(36).slice(2)}.yaml`, [
        'servers:',
        '  api:',
        `    url: ${q(url)}`,
        '    auth:',
        '      client_credentials: { client_id: ci-secret, client_secret: "${CLIENT_SECRET}" }',
        'tests:',
        '  - server: api',
        '    tools: { include: [whoami] }',
    ].join('\n'));
}

it('a server whose 401 names no metadata and that serves none: discovery, with the well-known URLs tried', async () => {
    const faults: RunningServer = await startListeningFixture(HTTP_FAULTS, ['--mode', '401', '--port', '0']);
    try {
        const run = await runCli([await spec(faults.url)], { env: { CLIENT_SECRET } });
        assert.equal(run.code, 1);
        const wellKnown = new URL('/.well-known/oauth-protected-resource/mcp', faults.url).href;
        assert.ok(run.stdout.includes(`authentication failed at discovery: ${wellKnown} answered HTTP 401`), run.stdout);
    } finally {
        await faults.stop();
    }
});

it('metadata naming an authorization server that is not there: the metadata step, with the URL tried', async () => {
    const nowhere = `http://127.0.0.1:${await freePort()}/nowhere`;
    const server: ProtectedServer = await startProtectedServer({ authorizationServer: nowhere });
    try {
        const run = await runCli([await spec(server.url)], { env: { CLIENT_SECRET } });
        assert.equal(run.code, 1);
        const tried = new URL('/.well-known/oauth-authorization-server/nowhere', nowhere).href;
        assert.ok(run.stdout.includes(`authentication failed at metadata: cannot fetch ${tried}: connection refused`), run.stdout);
    } finally {
        await server.stop();
    }
});
