/**
 * `mcp-check check-protocol` as users run it: a command after --, a URL, or a spec file; each
 * era a server speaks; exit codes, the console, JUnit, --grep, --list-rules and usage errors.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ROOT, runCli, type CliRun } from '../helpers/cli.js';
import { JUNIT_XSD, validateJUnit } from '../helpers/junit.js';
import { parseJUnit, type JUnitDocument } from '../helpers/junit-xml.js';
import { startListeningFixture, type RunningServer } from '../helpers/servers.js';
import { Workspace, q } from '../helpers/workspace.js';

const VIOLATIONS = join(ROOT, 'fixtures/protocol-violations.js');
const node = process.execPath;

describe('mcp-check check-protocol', { concurrency: true }, () => {
    let workspace: Workspace;
    let sessions: RunningServer;

    before(async () => {
        workspace = await Workspace.create();
        sessions = await startListeningFixture(VIOLATIONS, ['--mode', 'session-delete', '--http', '0']);
    });

    after(async () => {
        await sessions.stop();
        await workspace.remove();
    });

    /** Runs the CLI with a JUnit report in the workspace; returns the run and the parsed report. */
    async function withJUnit(args: string[], name: string): Promise<{ run: CliRun; junit: JUnitDocument; file: string }> {
        const file = join(workspace.dir, `${name}.xml`);
        const run = await runCli(['check-protocol', '--junit', file, ...args], { cwd: ROOT });
        const xml = await readFile(file, 'utf8').catch(() => assert.fail(`no JUnit report: ${run.stdout}\n${run.stderr}`));
        return { run, junit: parseJUnit(xml), file };
    }

    it('checks a command after -- in every era it speaks, one JUnit case per rule, and exits 0 when no rule fails', async () => {
        const { run, junit, file } = await withJUnit(['--', node, VIOLATIONS], 'good');
        assert.equal(run.code, 0, run.stdout + run.stderr);
        const suites = junit.suites.map((s) => s.attrs.name);
        assert.deepEqual(suites.sort(), [`${node} ${VIOLATIONS} › protocol-violations@2025-11-25`, `${node} ${VIOLATIONS} › protocol-violations@2026-07-28`].sort());
        const modern = junit.suites.find((s) => s.attrs.name!.endsWith('@2026-07-28'))!;
        assert.ok(modern.cases.every((c) => c.attrs.name!.startsWith('protocol: ') && c.attrs.classname === 'protocol-violations@2026-07-28.protocol'));
        assert.ok(modern.cases.some((c) => c.attrs.name === 'protocol: discover'));
        assert.match(run.stdout, /^ {2}✓ protocol: initialize-version /m);
        if (existsSync(JUNIT_XSD)) assert.doesNotThrow(() => validateJUnit(file));
    });

    it('fails with exit 1 on a rule the server breaks, naming the specification section, and nothing else', async () => {
        const { run, junit } = await withJUnit(['--protocol', '2026-07-28', '--', node, VIOLATIONS, '--mode', 'stdout-clean'], 'stdout');
        assert.equal(run.code, 1, run.stdout + run.stderr);
        const failed = junit.suites.flatMap((s) => s.cases).filter((c) => c.failure);
        assert.deepEqual(
            failed.map((c) => c.attrs.name),
            ['protocol: stdout-clean'],
        );
        assert.equal(failed[0]!.failure!.attrs.type, 'protocol');
        assert.match(failed[0]!.failure!.body, /a line on stdout that is not JSON: "protocol-violations: ready" \(https:\/\/modelcontextprotocol\.io\/specification\/2026-07-28\/basic\/transports\/stdio\)/);
    });

    it('reports what the specification only recommends as a warning, and exits 0', async () => {
        const run = await runCli(['check-protocol', '--protocol', '2025-11-25', '--grep', 'cursor', '--', node, VIOLATIONS, '--mode', 'invalid-cursor']);
        assert.equal(run.code, 0, run.stdout + run.stderr);
        assert.match(run.stdout, /^ {2}✓ protocol: invalid-cursor .*\n {6}warning: tools\/list with a cursor it never gave/m);
        assert.match(run.stdout, /- protocol: ping skipped: not selected by --grep cursor/);
    });

    it('checks a URL: the 2025 session rules over Streamable HTTP', async () => {
        const run = await runCli(['check-protocol', sessions.url, '--name', 'sessions', '--protocol', '2025-11-25']);
        assert.equal(run.code, 1, run.stdout + run.stderr);
        assert.match(run.stdout, /› sessions \(streamable_http: .*, protocol 2025-11-25\)/);
        assert.match(run.stdout, /^ {2}✗ protocol: session-delete .*\n {6}http:\/\/127\.0\.0\.1:\d+\/mcp: a request on the session after DELETE ended it was answered with HTTP 200, not 404/m);
        assert.match(run.stdout, /^ {2}✓ protocol: session-id /m);
    });

    it('checks every server of a spec with the levels its protocol: settings give, and nothing else of the spec', async () => {
        await workspace.write(
            'spec.yaml',
            [
                'servers:',
                '  noisy:',
                `    command: ${q(node)}`,
                `    args: [${q(VIOLATIONS)}, --mode, stdout-clean]`,
                '    protocol: 2025-11-25',
                'tests:',
                '  - server: noisy',
                '    protocol: { rules: { stdout-clean: warn, ping: off } }',
                '    calls:',
                '      - { tool: echo, args: { text: hi }, expect: { text: bye } }',
            ].join('\n'),
        );
        const run = await runCli(['check-protocol', 'spec.yaml'], { cwd: workspace.dir });
        assert.equal(run.code, 0, run.stdout + run.stderr);
        assert.match(run.stdout, /✓ protocol: stdout-clean .*\n {6}warning: a line on stdout/);
        assert.doesNotMatch(run.stdout, /protocol: ping|echo|lint:|tool input schemas/);
    });

    it('lists every lint and protocol rule with its level and specification section', async () => {
        const [listed, root] = await Promise.all([runCli(['check-protocol', '--list-rules']), runCli(['--list-rules'])]);
        assert.equal(listed.code, 0, listed.stderr);
        assert.equal(root.stdout, listed.stdout);
        assert.match(listed.stdout, /^ {2}tool-description +warn +every tool has a non-empty description$/m);
        assert.match(listed.stdout, /^ {2}session-delete +error +after DELETE ends a session, a request with its id is answered 404 \[2025, Streamable HTTP\]$/m);
        assert.match(listed.stdout, /^ +https:\/\/modelcontextprotocol\.io\/specification\/2026-07-28\/server\/discover$/m);
    });

    it('exits 2 when it has nothing to check, or two targets without --', async () => {
        const [none, two] = await Promise.all([runCli(['check-protocol']), runCli(['check-protocol', 'a.yaml', 'b.yaml'])]);
        assert.equal(none.code, 2);
        assert.match(none.stderr, /name what to check: mcp-check check-protocol <spec \| url>, or mcp-check check-protocol -- <command>/);
        assert.equal(two.code, 2);
        assert.match(two.stderr, /give one spec file or URL \(got 2 arguments\); a server command goes after --/);
    });
});
