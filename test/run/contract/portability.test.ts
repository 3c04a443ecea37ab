/**
 * Portability through the CLI against the portability fixture, whose tools each break one rule
 * (docs/portability.md): every rule fires on its tool only, with the clients and blast radii
 * the catalog gives, fix, source and docs; the clean tool loads everywhere; the matrix appears
 * on the console and in the HTML report; levels follow the blast radius; budgets name the
 * biggest contributors; `--clients` replaces the spec's clients.
 */
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ReportJson } from '../../../src/report/json.js';
import { ROOT, runCli, type CliRun } from '../../helpers/cli.js';
import { consoleBlock, junitCase, nodeServer, runSpecCli, writeSpec, type CliOutcome, type WrittenSpec } from './support.js';

const PORTABILITY = join(ROOT, 'fixtures/portability-server.js');
const ALL_API = ['openai', 'openai-strict', 'anthropic', 'anthropic-strict'];
const R = 'request fails';

/** Each rule's planted tool and what it breaks, as `client: blast radius` (in report order). */
const PLANTED: Record<string, { tool: string; breaks: string[] }> = {
    'name-charset': { tool: 'notes.search', breaks: [...ALL_API.map((c) => `${c}: ${R}`), `claude-code: ${R}`] },
    'name-length': { tool: 'summarize_quarterly_revenue_by_region_and_segment_v2', breaks: ['cursor: tool dropped', `claude-code: ${R}`] },
    'root-type-object': { tool: 'no_root_type', breaks: [...ALL_API.map((c) => `${c}: ${R}`), 'cursor: server dropped', 'claude-code: server dropped'] },
    'root-composition': { tool: 'either_id_or_slug', breaks: [`openai-strict: ${R}`, `anthropic: ${R}`, `anthropic-strict: ${R}`, `cursor: ${R}`, 'claude-code: tool dropped'] },
    'nested-composition': { tool: 'search_by_key', breaks: [`cursor: ${R}`] },
    'type-array': { tool: 'set_due_date', breaks: [`gemini: ${R}`] },
    'ref-defs': { tool: 'create_contact', breaks: [`gemini: ${R}`] },
    'schema-key': { tool: 'echo_text', breaks: [`gemini: ${R}`] },
    'openapi-keywords': { tool: 'pin_version', breaks: [`gemini: ${R}`] },
    'enum-strings': { tool: 'set_priority', breaks: [`gemini: ${R}`] },
    'array-items': { tool: 'tag_items', breaks: [`openai: ${R}`, `openai-strict: ${R}`, `gemini: ${R}`, `vscode-copilot: ${R}`] },
    'boolean-schema': { tool: 'store_payload', breaks: [`vscode-copilot: ${R}`, 'claude-code: server dropped'] },
    'required-array': { tool: 'list_everything', breaks: [`anthropic: ${R}`, `anthropic-strict: ${R}`, 'cursor: server dropped', 'claude-code: server dropped'] },
    'strict-closed-objects': { tool: 'lookup_user', breaks: [`openai-strict: ${R}`, `anthropic-strict: ${R}`] },
    'strict-all-required': { tool: 'search_with_limit', breaks: [`openai-strict: ${R}`] },
    'strict-no-bounds': { tool: 'page_results', breaks: [`anthropic-strict: ${R}`] },
    'strict-size': { tool: 'deep_tree', breaks: [`openai-strict: ${R}`] },
    'description-length': { tool: 'long_description', breaks: [] },
};

type CaseJson = ReportJson['suites'][number]['cases'][number];

describe('portability lint against the portability fixture, through the CLI', () => {
    let spec: WrittenSpec;
    let plain: WrittenSpec;
    let cli: CliOutcome;
    let report: ReportJson;
    let html: string;
    let cursorOnly: CliRun;
    let fromFlag: CliOutcome;
    let budgets: CliOutcome;
    let copilot: CliOutcome;

    const lintCase = (name: string): CaseJson => {
        const found = report.suites[0]!.cases.filter((c) => c.name === `lint: ${name}`);
        assert.equal(found.length, 1, `one case lint: ${name}`);
        return found[0]!;
    };

    before(async () => {
        spec = await writeSpec(['servers:', ...nodeServer('portability', PORTABILITY), 'tests:', '  - server: portability', '    lint: { clients: all }']);
        plain = await writeSpec(['servers:', ...nodeServer('portability', PORTABILITY), 'tests:', '  - server: portability']);
        const cursor = await writeSpec(['servers:', ...nodeServer('portability', PORTABILITY), 'tests:', '  - server: portability', '    lint: { clients: [cursor] }']);
        const budget = await writeSpec(['servers:', ...nodeServer('portability', PORTABILITY), 'tests:', '  - server: portability', '    lint: { budget: { tokens: 500, tools: 10 } }']);
        const many = await writeSpec(['servers:', ...nodeServer('portability', PORTABILITY, ['--extra-tools', '110']), 'tests:', '  - server: portability', '    lint: { clients: [vscode-copilot] }']);
        const reports = ['--reporter', 'console', '--reporter', `json:${join(spec.dir, 'r.json')}`, '--reporter', `html:${join(spec.dir, 'r.html')}`];
        [cli, cursorOnly, fromFlag, budgets, copilot] = await Promise.all([
            runSpecCli(spec, reports),
            runCli([cursor.file, '--grep', '^lint: name-length$']),
            runSpecCli(plain, ['--clients', 'gemini']),
            runSpecCli(budget),
            runSpecCli(many),
        ]);
        report = JSON.parse(await readFile(join(spec.dir, 'r.json'), 'utf8')) as ReportJson;
        html = await readFile(join(spec.dir, 'r.html'), 'utf8');
    });

    for (const [rule, planted] of Object.entries(PLANTED)) {
        it(`${rule} fires on ${planted.tool} only, breaking ${planted.breaks.join(', ') || 'no client (a budget)'}`, () => {
            const c = lintCase(rule);
            assert.equal(c.status, 'failed');
            assert.deepEqual([...new Set(c.findings!.map((f) => f.tool))], [planted.tool]);
            for (const finding of c.findings!) {
                assert.deepEqual(finding.clients!.map((b) => `${b.client}: ${b.blast}`), planted.breaks);
                assert.ok(finding.fix && finding.sources!.length > 0 && finding.verified === '2026-12-05', JSON.stringify(finding));
                assert.equal(finding.docs, `docs/portability.md#${rule}`);
                assert.ok(finding.pointer!.startsWith('/'), finding.pointer);
            }
        });
    }

    it('finds one problem per tool × pointer (ref-defs has two pointers in create_contact)', () => {
        assert.deepEqual(lintCase('ref-defs').findings!.map((f) => f.pointer), ['/inputSchema/$defs', '/inputSchema/properties/address/$ref']);
        assert.equal(lintCase('type-array').findings!.length, 1);
    });

    it('reports nothing on the clean tool, and the budgets that are not exceeded pass', () => {
        const all = report.suites[0]!.cases.flatMap((c) => c.findings ?? []);
        assert.ok(!all.some((f) => f.tool === 'clean_tool'));
        assert.equal(lintCase('tools-list-size').status, 'passed');
        assert.equal(lintCase('tool-count').status, 'passed');
    });

    it('prints a failed rule with the tool, pointer, clients and blast radius, then the fix, source and docs', () => {
        const block = consoleBlock(cli.run.stdout, 'lint: type-array').join('\n');
        assert.match(block, /type-array: tool "set_due_date" at \/inputSchema\/properties\/due\/type: type is a list \["string","null"\]; breaks gemini \(request fails\)/);
        assert.match(block, /- fix: use one type and make the property optional instead of nullable/);
        assert.match(block, /- source: https:\/\/github\.com\/n8n-io\/n8n\/issues\/15553 .* \(verified 2026-12-05\)/);
        assert.match(block, /- rule: docs\/portability\.md#type-array/);
    });

    it('prints the tool × client matrix after the run, ✓ where a tool loads and ✗ with the blast radius', () => {
        const lines = cli.run.stdout.split('\n');
        const head = lines.findIndex((l) => l.startsWith('Portability of portability ('));
        assert.ok(head >= 0, cli.run.stdout);
        assert.match(lines[head]!, /17 of 19 rows break a client — ✓ loads · ✗T tool dropped · ✗S server dropped · ✗R request fails/);
        assert.match(lines[head + 1]!, /^ {4}tool +openai {2}openai-strict {2}anthropic {2}anthropic-strict {2}gemini {2}vscode-copilot {2}cursor {2}claude-code$/);
        const row = (tool: string) => lines.slice(head).find((l) => l.startsWith(`    ${tool} `))!.trim().split(/\s+/).slice(1);
        assert.deepEqual(row('clean_tool'), ['✓', '✓', '✓', '✓', '✓', '✓', '✓', '✓']);
        assert.deepEqual(row('set_due_date'), ['✓', '✓', '✓', '✓', '✗R', '✓', '✓', '✓']);
        assert.deepEqual(row('list_everything'), ['✓', '✓', '✗R', '✗R', '✓', '✓', '✗S', '✗S']);
        assert.deepEqual(row('summarize_quarterly_revenue_by_region_a…'), ['✓', '✓', '✓', '✓', '✓', '✓', '✗T', '✗R']);
        assert.ok(lines.findIndex((l) => l.startsWith('Tests:')) > head, 'the matrix comes after the run, before the totals');
    });

    it('puts the same matrix in the JSON and HTML reports, with the rules in each ✗ cell and linked sources', () => {
        const matrix = report.suites[0]!.portability!;
        assert.equal(matrix.rows.length, 19);
        assert.deepEqual(matrix.rows.find((r) => r.tool === 'store_payload')!.cells, { 'vscode-copilot': 'request fails', 'claude-code': 'server dropped' });
        assert.match(html, /<section class="matrices portability" id="portability"/);
        const row = html.match(/<tr class="matrix-row[^"]*"><th scope="row"><span class="check-name">set_due_date<\/span><\/th>(.*?)<\/tr>/)?.[1] ?? '';
        const cells = [...row.matchAll(/<td class="cell (s-\w+)"[^>]*>.*?<\/span> ([^<]+)<\/td>/g)].map((m) => `${m[1]} ${m[2]}`);
        assert.deepEqual(cells, [...Array(4).fill('s-passed loads'), 's-failed request fails', ...Array(3).fill('s-passed loads')]);
        assert.match(row, /title="type-array"/);
        assert.match(html, /<a href="https:\/\/github\.com\/n8n-io\/n8n\/issues\/15553" rel="noreferrer noopener">/);
    });

    it('lets the blast radius set the level: a tool dropped by Cursor alone is a warning', () => {
        assert.equal(cursorOnly.code, 0, cursorOnly.stdout);
        const block = consoleBlock(cursorOnly.stdout, 'lint: name-length').join('\n');
        assert.match(block, /^ {2}✓ lint: name-length/);
        assert.match(block, /warning: name-length: tool "summarize_quarterly_revenue_by_region_and_segment_v2" at \/name: .*over Cursor's 60; breaks cursor \(tool dropped\) — fix: shorten the tool name/);
    });

    it('--clients replaces the spec\'s clients: only the rules that protect those clients are planned', () => {
        const names = fromFlag.junit.suites.flatMap((s) => s.cases).map((c) => c.attrs.name ?? '');
        assert.ok(names.includes('lint: type-array') && names.includes('lint: array-items'));
        assert.ok(!names.includes('lint: strict-no-bounds') && !names.includes('lint: boolean-schema'), names.join('\n'));
        assert.ok(junitCase(fromFlag.junit, 'lint: type-array').failure);
    });

    it('turns an exceeded budget into a failure naming the biggest tools, and counts tools against lint.budget.tools', () => {
        const size = junitCase(budgets.junit, 'lint: tools-list-size').failure?.body ?? '';
        assert.match(size, /tools-list-size: the tool list: tools\/list is [\d,]+ bytes \(≈ [\d,]+ tokens, over the budget of 500\); biggest: long_description \([\d,]+ bytes, \d+%\), deep_tree/);
        const count = junitCase(budgets.junit, 'lint: tool-count').failure?.body ?? '';
        assert.match(count, /tool-count: the tool list: the server lists 19 tools, over the budget of 10/);
        assert.ok(!budgets.junit.suites.flatMap((s) => s.cases).some((c) => c.attrs.name === 'lint: type-array'), 'budgets alone bring no client rule');
    });

    it('fails a list of more than 128 tools for VS Code Copilot, as a (tool list) row of the matrix', () => {
        const count = junitCase(copilot.junit, 'lint: tool-count').failure?.body ?? '';
        assert.match(count, /the server lists 129 tools, over the 128 VS Code Copilot takes in one request; breaks vscode-copilot \(request fails\)/);
        assert.match(copilot.run.stdout, /\n {4}\(tool list\) +✗R\n/);
    });

    it('plans no portability case when the spec names no client', async () => {
        const run = await runSpecCli(plain, ['--grep', '^lint: ']);
        const names = run.junit.suites.flatMap((s) => s.cases).filter((c) => c.attrs.classname === 'portability.lint').map((c) => c.attrs.name);
        assert.equal(names.length, 8, names.join('\n'));
        assert.doesNotMatch(run.run.stdout, /Portability of/);
    });
});
