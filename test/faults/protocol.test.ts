/** Servers that break the protocol's handshake or transport rules: each is named for what it did. */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { ROOT, runCli } from '../helpers/cli.js';
import { startListeningFixture, type RunningServer } from '../helpers/servers.js';
import { Workspace, q } from '../helpers/workspace.js';

const PROTOCOL_FAULTS = join(ROOT, 'fixtures/protocol-faults.js');

const ECHO_CHECKS = ['tests:', '  - server: s', '    lint: false', '    protocol: false', '    calls:', '      - { name: echo one, tool: echo, args: { text: one }, expect: { text: one } }', '      - { name: echo two, tool: echo, args: { text: two }, expect: { text: two } }'];

describe('protocol faults', () => {
    let workspace: Workspace;

    before(async () => {
        workspace = await Workspace.create();
    });

    after(() => workspace.remove());

    async function runAgainst(server: string[]) {
        const spec = await workspace.write(`spec-${Math.random().toString(36).slice(2)}.yaml`, ['servers:', '  s:', ...server, '    timeout: 10s', ...ECHO_CHECKS].join('\n'));
        return runCli([spec]);
    }

    const stdioMode = (mode: string) => [`    command: ${q(process.execPath)}`, `    args: [${q(PROTOCOL_FAULTS)}, --mode, ${mode}]`];

    it('a server answering initialize with a version mcp-check does not speak: both versions are named', async () => {
        const run = await runAgainst(stdioMode('unknown-version'));
        assert.equal(run.code, 1);
        assert.match(run.stdout, /the server answered initialize with 1999-01-01, mcp-check asked for 2025-11-25 and speaks 2025-11-25, 2025-06-18/);
        assert.doesNotMatch(run.stdout, /exited/);
    });

    it('a server that lists tools without declaring the tools capability passes, with a note saying so', async () => {
        const run = await runAgainst(stdioMode('undeclared-tools'));
        assert.equal(run.code, 0, run.stdout);
        assert.match(run.stdout, /note: the server lists tools but did not declare the tools capability/);
    });

    describe('over HTTP', () => {
        let expiring: RunningServer;
        let hugeHeaders: RunningServer;

        before(async () => {
            [expiring, hugeHeaders] = await Promise.all([
                startListeningFixture(PROTOCOL_FAULTS, ['--mode', 'expiring-session', '--http', '0']),
                startListeningFixture(PROTOCOL_FAULTS, ['--mode', 'huge-headers', '--http', '0']),
            ]);
        });

        after(async () => {
            await Promise.all([expiring?.stop(), hugeHeaders?.stop()]);
        });

        it('an expired 2025 session (404) is replaced by a new one, the request sent again, and the report says so', async () => {
            const run = await runAgainst([`    url: ${q(expiring.url)}`]);
            assert.equal(run.code, 0, run.stdout);
            assert.match(run.stdout, /note: the server no longer knew the session \(HTTP 404 on tools\/call\); mcp-check started a new session and sent it again \(2 times\)/);
        });

        it('response headers too large for Node.js are named as the cause, not "fetch failed"', async () => {
            const run = await runAgainst([`    url: ${q(hugeHeaders.url)}`]);
            assert.equal(run.code, 1);
            assert.match(run.stdout, /the server's response headers are larger than Node\.js accepts/);
        });
    });
});
