/**
 * Portability rules over hand-written tool lists: the limits the fixture does not reach
 * (64/128-character names, Gemini's first letter, Copilot's 128 tools, numeric bounds as
 * Gemini sees them), which clients a finding keeps, and the catalog's promises.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ROOT } from '../../helpers/cli.js';
import type { ListedTool } from '../../../src/connect/client.js';
import { lintTools } from '../../../src/assert/lint/index.js';
import { CLIENT_IDS, parseClientList, type ClientId } from '../../../src/assert/lint/portability/clients.js';
import { PORTABILITY_CATALOG, portabilityLevel, targetsOf, VERIFIED } from '../../../src/assert/lint/portability/catalog.js';
import { lintPortability, portabilityMatrix } from '../../../src/assert/lint/portability/index.js';
import type { LintFinding } from '../../../src/assert/lint/types.js';

const CLOSED = { type: 'object', properties: { x: { type: 'string' } }, required: ['x'], additionalProperties: false };

function tool(name: string, inputSchema: unknown = CLOSED, extra: Record<string, unknown> = {}): ListedTool {
    return { name, raw: { name, description: 'Does things.', inputSchema, ...extra } };
}

/** The findings of one rule for these clients (server "srv"). */
function findings(rule: string, tools: ListedTool[], clients: readonly ClientId[] = CLIENT_IDS, budget = {}): LintFinding[] {
    return lintPortability(tools, { rules: {}, clients: [...clients], budget }, 'srv').find((r) => r.rule === rule)?.findings ?? [];
}

const broken = (f: LintFinding | undefined) => f?.clients?.map((c) => `${c.client}:${c.blast}`);

test('every rule has targets or is a budget, a fix, sources over https, and today\'s verification date', () => {
    for (const rule of PORTABILITY_CATALOG) {
        assert.ok(rule.kind === 'budget' || targetsOf(rule).length > 0, rule.id);
        assert.ok(rule.fix.length > 0 && rule.summary.length > 0, rule.id);
        assert.ok(rule.sources.length > 0 && rule.sources.every((s) => s.url.startsWith('https://')), rule.id);
        assert.equal(rule.verified, VERIFIED, rule.id);
    }
    assert.equal(VERIFIED, '2026-12-05');
});

test('a blast radius sets the default level: a dropped tool warns, a dropped server or failed request fails', () => {
    const nameLength = PORTABILITY_CATALOG.find((r) => r.id === 'name-length')!;
    assert.equal(portabilityLevel(nameLength, ['cursor']), 'warn');
    assert.equal(portabilityLevel(nameLength, ['cursor', 'claude-code']), 'error');
    const required = PORTABILITY_CATALOG.find((r) => r.id === 'required-array')!;
    assert.equal(portabilityLevel(required, ['cursor']), 'error');
});

test('name-length: 64 characters for OpenAI and Gemini, 128 for the Claude API, prefixes for Cursor and Claude Code', () => {
    const at64 = 'a'.repeat(64);
    assert.deepEqual(findings('name-length', [tool(at64)], ['openai', 'gemini', 'anthropic']), []);
    assert.deepEqual(broken(findings('name-length', [tool(`${at64}b`)], ['openai', 'gemini', 'anthropic'])[0]), ['openai:request fails', 'gemini:request fails']);
    assert.deepEqual(broken(findings('name-length', [tool('a'.repeat(129))], ['anthropic'])[0]), ['anthropic:request fails']);
    // "srv" + 57 = 60 fits Cursor; mcp__srv__ + 54 = 64 fits Claude Code.
    assert.deepEqual(findings('name-length', [tool('c'.repeat(54))], ['cursor', 'claude-code']), []);
    const [over] = findings('name-length', [tool('c'.repeat(58))], ['cursor', 'claude-code']);
    assert.deepEqual(broken(over), ['cursor:tool dropped', 'claude-code:request fails']);
    assert.match(over!.message, /server name "srv" \+ tool name make 61 characters, over Cursor's 60; Claude Code's name mcp__srv__… has 68 characters, over 64/);
});

test('name-charset: Gemini takes dots but wants a letter or "_" first; the APIs want neither dots nor spaces', () => {
    assert.deepEqual(broken(findings('name-charset', [tool('a.b')])[0]), [
        'openai:request fails',
        'openai-strict:request fails',
        'anthropic:request fails',
        'anthropic-strict:request fails',
        'claude-code:request fails',
    ]);
    const [digit] = findings('name-charset', [tool('1st_tool')]);
    assert.deepEqual(broken(digit), ['gemini:request fails']);
    assert.match(digit!.message, /starts with "1", not a letter or "_"/);
    assert.deepEqual(findings('name-charset', [tool('a.b')], ['gemini']), [], 'a dot is fine for Gemini alone');
});

test('findings keep only the named clients, and a rule whose clients are not named does not run', () => {
    const [f] = findings('array-items', [tool('t', { ...CLOSED, properties: { a: { type: 'array' } }, required: ['a'] })], ['vscode-copilot', 'cursor']);
    assert.deepEqual(broken(f), ['vscode-copilot:request fails']);
    assert.equal(f!.pointer, '/inputSchema/properties/a');
    const results = lintPortability([tool('t')], { rules: {}, clients: ['cursor'], budget: {} }, 'srv').map((r) => r.rule);
    assert.ok(!results.includes('type-array') && results.includes('required-array'));
});

test('no clients and no budget: lint runs the general rules only', () => {
    const rules = lintTools([tool('a.b')], { enabled: true, rules: {} }).map((r) => r.rule);
    assert.deepEqual(rules, ['input-schema-compiles', 'input-schema-object', 'output-schema-valid', 'tool-name', 'unique-tool-names', 'tool-description', 'required-declared', 'annotations-boolean']);
});

test('tool-count: over 128 breaks VS Code Copilot; a budget of its own counts without clients', () => {
    const many = Array.from({ length: 129 }, (_, i) => tool(`t${i}`));
    assert.deepEqual(broken(findings('tool-count', many, ['vscode-copilot'])[0]), ['vscode-copilot:request fails']);
    assert.deepEqual(findings('tool-count', many.slice(0, 128), ['vscode-copilot']), []);
    const [budget] = findings('tool-count', many.slice(0, 5), [], { tools: 4 });
    assert.match(budget!.message, /^the tool list: the server lists 5 tools, over the budget of 4$/);
    assert.deepEqual(budget!.clients, []);
});

test('openapi-keywords: numeric exclusiveMinimum is flagged, OpenAPI 3.0\'s boolean form is not', () => {
    const schema = (bound: unknown) => ({ ...CLOSED, properties: { n: { type: 'number', minimum: 0, exclusiveMinimum: bound } }, required: ['n'] });
    assert.equal(findings('openapi-keywords', [tool('t', schema(0))], ['gemini'])[0]?.pointer, '/inputSchema/properties/n/exclusiveMinimum');
    assert.deepEqual(findings('openapi-keywords', [tool('t', schema(true))], ['gemini']), []);
});

test('boolean-schema and required-array also read output schemas, for the MCP clients only', () => {
    const out = { type: 'object', properties: { data: true }, required: null };
    const list = [tool('t', CLOSED, { outputSchema: out })];
    assert.deepEqual(broken(findings('boolean-schema', list)[0]), ['claude-code:server dropped']);
    assert.deepEqual(broken(findings('required-array', list)[0]), ['cursor:server dropped', 'claude-code:server dropped']);
    assert.equal(findings('required-array', list)[0]!.pointer, '/outputSchema/required');
    // additionalProperties: false is how objects close, not a stray boolean schema.
    assert.deepEqual(findings('boolean-schema', [tool('t')]), []);
});

test('pointers escape "/" and "~" in property names', () => {
    const schema = { ...CLOSED, properties: { 'a/b~c': { type: ['string', 'null'] } }, required: ['a/b~c'] };
    assert.equal(findings('type-array', [tool('t', schema)], ['gemini'])[0]!.pointer, '/inputSchema/properties/a~1b~0c/type');
});

test('the matrix has a row per tool, the worst blast radius per client, and a (tool list) row for list problems', () => {
    const tools = [tool('ok'), tool('a.b'), ...Array.from({ length: 128 }, (_, i) => tool(`t${i}`))];
    const clients: ClientId[] = ['openai', 'vscode-copilot'];
    const all = lintPortability(tools, { rules: {}, clients, budget: {} }, 'srv').flatMap((r) => r.findings);
    const matrix = portabilityMatrix(tools, clients, all);
    assert.deepEqual(matrix.rows.find((r) => r.tool === 'ok')!.cells, {});
    assert.deepEqual(matrix.rows.find((r) => r.tool === 'a.b')!.cells, { openai: 'request fails' });
    assert.deepEqual(matrix.rows.at(-1), { tool: '(tool list)', cells: { 'vscode-copilot': 'request fails' } });
});

test('--clients takes ids or all, and names the first unknown id', () => {
    assert.deepEqual(parseClientList('cursor, gemini'), ['gemini', 'cursor']);
    assert.deepEqual(parseClientList('all'), [...CLIENT_IDS]);
    assert.equal(parseClientList('gemini,copilot'), 'unknown client "copilot" (expected all, or some of: openai, openai-strict, anthropic, anthropic-strict, gemini, vscode-copilot, cursor, claude-code)');
});

test('docs/portability.md has a section for every rule, with each of its sources and the verification date', async () => {
    const docs = await readFile(join(ROOT, 'docs/portability.md'), 'utf8');
    for (const rule of PORTABILITY_CATALOG) {
        const start = docs.indexOf(`### \`${rule.id}\``);
        assert.ok(start >= 0, `no section for ${rule.id}`);
        const section = docs.slice(start, docs.indexOf('\n### ', start + 1));
        assert.ok(section.includes(`verified ${rule.verified}`), rule.id);
        for (const source of rule.sources) assert.ok(section.includes(source.url), `${rule.id}: ${source.url}`);
        if (rule.thin) assert.ok(section.includes('Thin evidence'), rule.id);
    }
});
