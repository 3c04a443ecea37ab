/** Each lint rule against the sloppy fixture's raw tool list, read from a real stdio process. */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { UniversalMCPClient, type ListedTool } from '../../../src/connect/client.js';
import { LINT_RULES, findLintRule, lintTools, type LintFinding } from '../../../src/assert/lint/index.js';
import { ROOT } from '../../helpers/cli.js';

const SLOPPY = join(ROOT, 'fixtures/sloppy-server.js');
const LONG_NAME = 'long_name_' + 'x'.repeat(119);
const NAME_RULE = 'name must be 1–128 characters of A-Z a-z 0-9 _ . -';

let mcp: UniversalMCPClient;
let tools: ListedTool[];

before(async () => {
    mcp = new UniversalMCPClient();
    mcp.addServer('sloppy', { transport: 'stdio', command: process.execPath, args: [SLOPPY], cwd: ROOT, timeoutMs: 15_000 });
    await mcp.connect('sloppy');
    tools = await mcp.listTools('sloppy');
});

after(async () => {
    await mcp.close();
});

/** Runs one rule over the fixture's tools. */
function check(id: string): LintFinding[] {
    const rule = findLintRule(id);
    assert.ok(rule, `rule ${id} exists`);
    return rule.check(tools);
}

/** Findings as `tool → message`, for readable deep-equal failures. */
function byTool(findings: LintFinding[]): Array<[string | undefined, string]> {
    return findings.map((f) => [f.tool, f.message]);
}

test('the fixture lists every sloppy tool, raw, through UniversalMCPClient.listTools', () => {
    assert.deepEqual(
        tools.map((t) => t.name),
        [
            'clean_tool',
            'no_description',
            'array_root',
            'bad_input_schema',
            'bad_output_schema',
            'string_output',
            'bad name!',
            LONG_NAME,
            'dup',
            'dup',
            'missing_required',
            'non_boolean_hint',
        ],
    );
    // Raw, as listed: nothing was validated or dropped.
    assert.deepEqual(tools.find((t) => t.name === 'non_boolean_hint')!.raw.annotations, { readOnlyHint: 'yes' });
});

describe('each rule finds its sloppy tool', () => {
    test('input-schema-compiles', () => {
        const findings = check('input-schema-compiles');
        assert.equal(findings.length, 1);
        assert.equal(findings[0]!.rule, 'input-schema-compiles');
        assert.equal(findings[0]!.tool, 'bad_input_schema');
        assert.match(findings[0]!.message, /^tool "bad_input_schema": inputSchema does not compile: .*properties\/x\/type/);
    });

    test('input-schema-object', () => {
        assert.deepEqual(byTool(check('input-schema-object')), [
            ['array_root', 'tool "array_root": inputSchema root must have type "object", got "array"'],
        ]);
    });

    test('output-schema-valid: one schema that does not compile, one that is not an object schema', () => {
        const findings = check('output-schema-valid');
        assert.deepEqual(
            findings.map((f) => f.tool),
            ['bad_output_schema', 'string_output'],
        );
        assert.match(findings[0]!.message, /^tool "bad_output_schema": outputSchema does not compile: .*properties\/y\/type/);
        assert.equal(findings[1]!.message, 'tool "string_output": outputSchema root must have type "object", got "string"');
    });

    test('tool-name: bad characters and 129 characters', () => {
        assert.deepEqual(byTool(check('tool-name')), [
            ['bad name!', `tool "bad name!": ${NAME_RULE}`],
            [LONG_NAME, `tool "${LONG_NAME}": ${NAME_RULE} (it has 129)`],
        ]);
    });

    test('unique-tool-names: one finding per repeated name', () => {
        assert.deepEqual(byTool(check('unique-tool-names')), [['dup', 'tool "dup": name is listed 2 times']]);
    });

    test('tool-description', () => {
        assert.deepEqual(byTool(check('tool-description')), [['no_description', 'tool "no_description": description is missing']]);
    });

    test('required-declared', () => {
        assert.deepEqual(byTool(check('required-declared')), [
            ['missing_required', 'tool "missing_required": inputSchema requires "missing", which is not declared in its properties'],
        ]);
    });

    test('annotations-boolean', () => {
        assert.deepEqual(byTool(check('annotations-boolean')), [
            ['non_boolean_hint', 'tool "non_boolean_hint": annotations.readOnlyHint must be a boolean, got string "yes"'],
        ]);
    });
});

test('every sloppy tool breaks exactly the rule it was made for, and clean_tool breaks none', () => {
    const results = lintTools(tools, { enabled: true, rules: {} });
    const pairs = results.flatMap((r) => r.findings.map((f) => `${r.rule} ${f.tool}`)).sort();
    assert.deepEqual(
        pairs,
        [
            'annotations-boolean non_boolean_hint',
            'input-schema-compiles bad_input_schema',
            'input-schema-object array_root',
            'output-schema-valid bad_output_schema',
            'output-schema-valid string_output',
            'required-declared missing_required',
            `tool-name ${LONG_NAME}`,
            'tool-name bad name!',
            'tool-description no_description',
            'unique-tool-names dup',
        ].sort(),
    );
});

test('clean_tool alone gives every rule a result with no findings', () => {
    const clean = tools.filter((t) => t.name === 'clean_tool');
    assert.equal(clean.length, 1);
    const results = lintTools(clean, { enabled: true, rules: {} });
    assert.deepEqual(
        results.map((r) => [r.rule, r.findings]),
        LINT_RULES.map((r) => [r.id, []]),
    );
});

test('config overrides levels over the fixture: warn, error and off', () => {
    const results = lintTools(tools, {
        enabled: true,
        rules: { 'tool-name': 'warn', 'tool-description': 'error', 'unique-tool-names': 'off' },
    });
    const levels = Object.fromEntries(results.map((r) => [r.rule, r.level]));
    assert.equal(levels['tool-name'], 'warn');
    assert.equal(levels['tool-description'], 'error');
    assert.equal(levels['input-schema-compiles'], 'error');
    assert.equal('unique-tool-names' in levels, false);
    assert.equal(results.length, LINT_RULES.length - 1);
    // The level changes, the findings do not.
    assert.equal(results.find((r) => r.rule === 'tool-name')!.findings.length, 2);
    assert.deepEqual(results.unknownRules, []);
});

test('lint: false runs nothing, even over the sloppy list', () => {
    const results = lintTools(tools, { enabled: false, rules: { 'tool-name': 'error' } });
    assert.deepEqual([...results], []);
});
