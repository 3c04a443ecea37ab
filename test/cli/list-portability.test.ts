/** `mcp-check list --clients` and `mcp-check list --list-rules`, as a user runs them. */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { ROOT, runCli } from '../helpers/cli.js';
import { Workspace, q } from '../helpers/workspace.js';

const FIXTURE = join(ROOT, 'fixtures/portability-server.js');

describe('list --clients and --list-rules', { concurrency: true }, () => {
    let ws: Workspace;
    let specFile: string;

    before(async () => {
        ws = await Workspace.create();
        specFile = await ws.write('spec.yaml', ['servers:', '  portability:', `    command: ${q(process.execPath)}`, `    args: [${q(FIXTURE)}]`, 'tests:', '  - server: portability'].join('\n'));
    });

    after(() => ws.remove());

    test('--clients adds each finding with its fix and the tool × client matrix under the server', async () => {
        const run = await runCli(['list', '--spec', specFile, '--clients', 'gemini,cursor']);
        assert.equal(run.code, 0, run.stderr);
        assert.match(run.stdout, /\n {2}portability \(\d+ findings\):\n/);
        assert.match(run.stdout, /\n {4}type-array: tool "set_due_date" at \/inputSchema\/properties\/due\/type: type is a list \["string","null"\]; breaks gemini \(request fails\)\n {8}fix: use one type/);
        assert.match(run.stdout, /\n {6}tool +gemini {2}cursor\n/);
        assert.match(run.stdout, /\n {6}search_by_key +✓ {7}✗R\n/);
    });

    test('--clients with --json adds findings and matrix to each server', async () => {
        const run = await runCli(['list', '--spec', specFile, '--clients', 'all', '--json']);
        const doc = JSON.parse(run.stdout) as { servers: { portability: { findings: { rule: string }[]; matrix: { clients: string[]; rows: unknown[] } } }[] };
        const { findings, matrix } = doc.servers[0]!.portability;
        assert.equal(matrix.clients.length, 8);
        assert.equal(matrix.rows.length, 19);
        assert.ok(findings.some((f) => f.rule === 'strict-size'));
    });

    test('--list-rules prints every rule with its clients, blast radius, fix, sources and date, and connects to nothing', async () => {
        const run = await runCli(['list', '--list-rules']);
        assert.equal(run.code, 0, run.stderr);
        assert.match(run.stdout, /^General lint rules \(always on\):\n {2}input-schema-compiles \[error\]/);
        assert.match(run.stdout, /\n {2}required-array \[error\]: required, where present, is an array of strings \(never null\)\n {4}breaks: anthropic \(request fails\), anthropic-strict \(request fails\), cursor \(server dropped\), claude-code \(server dropped\)\n {4}fix: /);
        assert.match(run.stdout, /\n {6}https:\/\/github\.com\/MervinPraison\/PraisonAI\/issues\/3111 \[cursor\] — /);
        assert.match(run.stdout, /sources \(verified 2026-12-05\):/);
        assert.match(run.stdout, /thin evidence: Cursor: no Cursor documentation/);
    });

    test('--list-rules --clients keeps the rules that protect those clients, with the level they get', async () => {
        const run = await runCli(['list', '--list-rules', '--clients', 'cursor']);
        assert.doesNotMatch(run.stdout, /General lint rules|type-array/);
        assert.match(run.stdout, /\n {2}name-length \[warn\]: .*\n {4}breaks: cursor \(tool dropped\)\n/);
    });

    test('an unknown client is a usage error', async () => {
        const run = await runCli(['list', '--list-rules', '--clients', 'copilot']);
        assert.equal(run.code, 2);
        assert.match(run.stderr, /unknown client "copilot" \(expected all, or some of: openai, /);
    });
});
