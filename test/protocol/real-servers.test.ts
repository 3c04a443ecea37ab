/**
 * The protocol rules against servers built on the official SDKs, as found: calc-server (v2
 * SDK, both eras, stdio and Streamable HTTP) and server-everything (v1 SDK, 2025 era, stdio
 * and Streamable HTTP). What these servers really do wrong is pinned here, each with why; no
 * rule errors (every one could run).
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import type { CaseResult, RunResult } from '../../src/run/result.js';
import { ROOT } from '../helpers/cli.js';
import { EVERYTHING, startEverything, startListeningFixture, type RunningServer } from '../helpers/servers.js';
import { q } from '../helpers/workspace.js';
import { runSpec, statuses, writeSpec } from '../run/contract/support.js';

const CALC = join(ROOT, 'fixtures/calc-server.js');

/** What each server is found to break (failed) and to fall short of (warnings), by rule. */
const FOUND: Record<string, { failed: string[]; warned: string[] }> = {
    // The v2 SDK's stdio server stops checking the protocol version once it has served a request
    // on the connection: a later request naming 1900-01-01 is answered as if it named 2026-07-28.
    // No SDK server refuses a cursor it never gave: it starts the list over.
    'calc@2026-07-28': { failed: ['unsupported-version'], warned: ['invalid-cursor'] },
    'calc@2025-11-25': { failed: [], warned: ['invalid-cursor'] },
    // Neither SDK checks Origin unless the server turns that on; the v2 SDK's stateless 2025 mode
    // answers batches request by request.
    'calc-http@2026-07-28': { failed: ['origin-check'], warned: ['invalid-cursor'] },
    'calc-http@2025-11-25': { failed: ['origin-check'], warned: ['invalid-cursor', 'batch-refused'] },
    // The v1 SDK answers a call of an unknown tool with a tool result (isError: true).
    // The v1 SDK answers arguments that fail its schema with -32603 (Internal error), not -32602.
    everything: { failed: [], warned: ['invalid-cursor', 'unknown-tool', 'malformed-params', 'logging-level'] },
    // server-everything answers a request on a deleted session with 400, not 404.
    'everything-http': { failed: ['origin-check', 'session-delete'], warned: ['invalid-cursor', 'unknown-tool', 'malformed-params', 'logging-level', 'batch-refused'] },
};

describe('protocol rules against calc-server and server-everything', () => {
    let calcHttp: RunningServer;
    let everythingHttp: RunningServer;
    let result: RunResult;

    before(async () => {
        [calcHttp, everythingHttp] = await Promise.all([startListeningFixture(CALC, ['--http', '0']), startEverything('streamableHttp')]);
        const both = '    protocol: [2026-07-28, 2025-11-25]';
        const spec = await writeSpec([
            'servers:',
            '  calc:',
            `    command: ${q(process.execPath)}`,
            `    args: [${q(CALC)}]`,
            both,
            '  calc-http:',
            `    url: ${calcHttp.url}`,
            both,
            '  everything:',
            `    command: ${q(process.execPath)}`,
            `    args: [${q(EVERYTHING)}, stdio]`,
            '  everything-http:',
            `    url: ${everythingHttp.url}`,
            'tests:',
            '  - server: [calc, calc-http, everything, everything-http]',
            '    lint: false',
            '    protocol: true',
        ]);
        result = await runSpec(spec);
    });

    after(async () => {
        await Promise.all([calcHttp?.stop(), everythingHttp?.stop()]);
    });

    const protocolCases = (server: string): CaseResult[] => result.suites.filter((s) => s.server === server).flatMap((s) => s.cases.filter((c) => c.kind === 'protocol'));
    const rules = (cases: CaseResult[]) => cases.map((c) => c.name.replace('protocol: ', ''));

    for (const [server, found] of Object.entries(FOUND)) {
        it(`${server}: fails ${found.failed.join(', ') || 'nothing'}; warns about ${found.warned.join(', ')}`, () => {
            const cases = protocolCases(server);
            assert.ok(cases.length > 0, statuses(result));
            assert.deepEqual(rules(cases.filter((c) => c.status === 'errored')), [], statuses(result));
            assert.deepEqual(rules(cases.filter((c) => c.status === 'failed')), found.failed, statuses(result));
            assert.deepEqual(rules(cases.filter((c) => c.status === 'passed' && c.warnings?.length)), found.warned, statuses(result));
        });
    }
});
