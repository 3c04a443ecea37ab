/**
 * Every protocol rule against the protocol-violations fixture, a real server process over
 * stdio and Streamable HTTP in both eras: its well-behaved default passes (or is skipped by)
 * every rule, and each mode fails exactly its own rule, for its own reason, naming the
 * specification section of the revision spoken.
 */
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { MODERN_REVISION, LEGACY_REVISIONS, type Era } from '../../src/connect/protocol.js';
import { PROTOCOL_CATALOG, sectionUrl, type ProtocolRuleInfo } from '../../src/protocol/index.js';
import type { CaseResult, RunResult } from '../../src/run/result.js';
import { ROOT } from '../helpers/cli.js';
import { startListeningFixture, type RunningServer } from '../helpers/servers.js';
import { q } from '../helpers/workspace.js';
import { runSpec, statuses, writeSpec } from '../run/contract/support.js';

const VIOLATIONS = join(ROOT, 'fixtures/protocol-violations.js');
const REVISION: Record<Era, string> = { modern: MODERN_REVISION, legacy: LEGACY_REVISIONS[0] };

/** What each mode's own rule says about it: a fragment of the message. */
/** What each broken mode's own rule must say (every one of them, when several). */
const REASONS: Record<string, string | string[]> = {
    discover: 'capabilities must be an object, got undefined',
    ping: 'ping was answered with a result that is not empty: {"pong":true}',
    'unknown-method': 'mcp-check/no-such-method was answered with',
    'removed-methods': 'ping, which 2026-07-28 removed, sent as a 2026-07-28 request was answered with',
    'client-capabilities': 'server/discover without io.modelcontextprotocol/clientCapabilities in _meta was answered with',
    'unsupported-version': 'data.supported lists nothing, but server/discover lists 2026-07-28',
    'result-type': 'tools/list page 1 has no resultType',
    'cache-hints': 'tools/list pages differ in cacheScope ("public", "private")',
    'pagination-terminates': 'a second time after 2 pages: following it never ends',
    'invalid-cursor': 'with a cursor it never gave ("mcp-check-forged-cursor") was answered with',
    'unknown-tool': 'isError: true} (a tool error is for a tool that ran and failed), not a JSON-RPC error',
    'unknown-resource': 'was answered with empty contents, not a JSON-RPC error',
    'prompt-arguments': 'prompts/get of "greet" without its required arguments was answered with',
    'output-schema': "structuredContent does not match the tool's own outputSchema; (root): must have required property 'text'",
    'initialize-version': 'was answered with that same version',
    'origin-check': 'a request with Origin: http://mcp-check.invalid was answered with HTTP 200, not 403',
    'batch-refused': 'a batch of two requests was answered with HTTP 200 and 2 results, not refused',
    'protocol-version-header': 'MCP-Protocol-Version: 1900-01-01 was answered with HTTP 200, not 400',
    'header-mismatch': 'tools/list with Mcp-Method: prompts/list was answered with HTTP 200',
    'session-id': 'has characters outside visible ASCII (0x21 to 0x7E)',
    'session-delete': 'a request on the session after DELETE ended it was answered with HTTP 200, not 404',
    'no-session': 'was answered with Mcp-Session-Id: mcp-check-session',
    'stdin-close-exit': 'was still running 3 s after its stdin was closed',
    'stdout-clean': 'a line on stdout that is not JSON: "protocol-violations: ready"',
    'list-stable': 'prompts/list listed ["greet","changing-',
    'malformed-params': 'tools/call of "echo" with arguments that are a string, not an object, was answered with',
    completion: 'answered completion.values "Ada, Alan", not a list of strings',
    'logging-level': [
        'logging/setLevel to "emergency" was answered with a result {level: "emergency"}, not an empty result',
        'after logging/setLevel to "emergency", the server sent log messages at level info while answering ping',
    ],
    icons: 'an icon of tool "echo" has src "http://example.com/echo.png", not an https: or data: URI',
    'get-stream': 'a GET with Accept: text/event-stream was answered with HTTP 200 (application/json), not an event stream or 405',
    'no-server-requests': 'the server sent',
    cancellation: 'after notifications/cancelled for a request it never saw,',
    progress: 'a progress notification for token "mcp-check-wrong-token"',
};

interface Variant {
    server: string;
    era: Era;
}

/** Runs the fixture in `mode` on every transport and era `rule` applies to (all of them for the good default). */
async function runFixture(mode: string | undefined, rule?: ProtocolRuleInfo): Promise<{ result: RunResult; variants: Variant[] }> {
    const args = mode ? ['--mode', mode] : [];
    const transports = rule?.transports ?? ['stdio', 'streamable_http'];
    const eras = rule?.eras ?? ['legacy', 'modern'];
    const revisions = eras.map((era) => REVISION[era]).join(', ');
    const lines = ['servers:'];
    let http: RunningServer | undefined;
    if (transports.includes('stdio')) lines.push('  stdio:', `    command: ${q(process.execPath)}`, `    args: [${[VIOLATIONS, ...args].map(q).join(', ')}]`, `    protocol: [${revisions}]`);
    if (transports.includes('streamable_http')) {
        http = await startListeningFixture(VIOLATIONS, [...args, '--http', '0']);
        lines.push('  http:', `    url: ${http.url}`, `    protocol: [${revisions}]`);
    }
    const names = transports.map((t) => (t === 'stdio' ? 'stdio' : 'http'));
    lines.push('tests:', `  - server: [${names.join(', ')}]`, '    lint: false', '    protocol: true');
    try {
        const result = await runSpec(await writeSpec(lines));
        const variants = names.flatMap((name) => eras.map((era) => ({ server: eras.length > 1 ? `${name}@${REVISION[era]}` : name, era })));
        return { result, variants };
    } finally {
        await http?.stop();
    }
}

function protocolCases(result: RunResult, server: string): CaseResult[] {
    const cases = result.suites.filter((s) => s.server === server).flatMap((s) => s.cases.filter((c) => c.kind === 'protocol'));
    assert.ok(cases.length > 0, `no protocol cases on ${server}:\n${statuses(result)}`);
    return cases;
}

/** What a case says: its problems if it failed, its warnings if it passed with some. */
function findingsOf(c: CaseResult): string[] {
    if (c.status === 'failed') return c.problems.map((p) => p.message);
    return c.status === 'passed' ? (c.warnings ?? []) : [];
}

/** The case passed with nothing to say, or was skipped. */
function isQuiet(c: CaseResult): boolean {
    return c.status === 'skipped' || (c.status === 'passed' && !c.warnings?.length);
}

describe('protocol rules against the well-behaved fixture', () => {
    let run: Awaited<ReturnType<typeof runFixture>>;
    before(async () => {
        run = await runFixture(undefined);
    });

    it('passes or skips every rule on stdio and Streamable HTTP, in 2026-07-28 and 2025-11-25', () => {
        for (const { server } of run.variants) {
            const loud = protocolCases(run.result, server).filter((c) => !isQuiet(c));
            assert.deepEqual(loud.map((c) => `${c.name}: ${c.status} ${findingsOf(c).join('; ')}`), [], server);
        }
    });

    it('runs every rule somewhere: none is skipped on every server', () => {
        const passed = new Set(run.variants.flatMap(({ server }) => protocolCases(run.result, server).filter((c) => c.status === 'passed').map((c) => c.name)));
        assert.deepEqual(
            // The auth rules need a protected server: test/protocol/auth.test.ts runs them.
            PROTOCOL_CATALOG.filter((r) => !r.needsAuth)
                .map((r) => `protocol: ${r.id}`)
                .filter((name) => !passed.has(name)),
            [],
        );
    });

    it('plans no rule of another transport, nor of the other era for a pinned revision', () => {
        const names = protocolCases(run.result, 'stdio@2026-07-28').map((c) => c.name);
        assert.ok(!names.includes('protocol: origin-check'), 'an HTTP rule on a stdio server');
        assert.ok(!names.includes('protocol: ping'), 'a 2025 rule on a 2026-07-28 server');
    });

    it('skips a rule of the other era on a server whose revision is found on connecting, saying why', async () => {
        const spec = await writeSpec(['servers:', '  auto:', `    command: ${q(process.execPath)}`, `    args: [${q(VIOLATIONS)}]`, 'tests:', '  - server: auto', '    lint: false', '    protocol: true']);
        const ping = protocolCases(await runSpec(spec), 'auto').find((c) => c.name === 'protocol: ping')!;
        assert.deepEqual(ping.status === 'skipped' && ping.reason, 'a 2025-era rule: this server is spoken to in 2026-07-28 (2026-07-28 removed ping)');
    });
});

for (const rule of PROTOCOL_CATALOG.filter((r) => !r.needsAuth)) {
    describe(`protocol-violations --mode ${rule.id}`, () => {
        let run: Awaited<ReturnType<typeof runFixture>>;
        before(async () => {
            run = await runFixture(rule.id, rule);
        });

        it(`breaks ${rule.id} on every server it applies to, saying why and where the specification says so`, () => {
            for (const { server, era } of run.variants) {
                const own = protocolCases(run.result, server).find((c) => c.name === `protocol: ${rule.id}`)!;
                // 2025 revisions only recommend an error for an unknown resource: a warning there.
                const warns = rule.defaultLevel === 'warn' || (rule.id === 'unknown-resource' && era === 'legacy');
                assert.equal(own.status, warns ? 'passed' : 'failed', `${server}: ${own.status} ${findingsOf(own).join('; ')}`);
                const findings = findingsOf(own);
                assert.ok(findings.length > 0, `${server}: no finding`);
                for (const reason of [REASONS[rule.id]!].flat()) assert.ok(findings.some((m) => m.includes(reason)), `${server}: ${reason}\n${findings.join('; ')}`);
                for (const message of findings) assert.ok(message.endsWith(`(${sectionUrl(rule, era, REVISION[era])})`), `${server}: ${message}`);
            }
        });

        it('breaks no other rule', () => {
            for (const { server } of run.variants) {
                const others = protocolCases(run.result, server).filter((c) => c.name !== `protocol: ${rule.id}` && !isQuiet(c));
                assert.deepEqual(others.map((c) => `${c.name}: ${findingsOf(c).join('; ')}`), [], server);
            }
        });
    });
}


describe('protocol-violations --mode cancellation, a request cancelled in flight', () => {
    it('warns when the answer to a list cancelled as soon as it was sent comes after the answer to the next request', async () => {
        const stdio2025 = { ...PROTOCOL_CATALOG.find((r) => r.id === 'cancellation')!, transports: ['stdio' as const], eras: ['legacy' as const] };
        const { result } = await runFixture('cancellation', stdio2025);
        const own = protocolCases(result, 'stdio').find((c) => c.name === 'protocol: cancellation')!;
        const expected = 'tools/list, cancelled as soon as it was sent, was still answered after the server had answered the ping sent after the cancellation';
        assert.ok(findingsOf(own).some((m) => m.includes(expected)), findingsOf(own).join('; '));
    });
});
