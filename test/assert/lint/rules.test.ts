/** The lint registry, config handling and rule edge cases, over hand-written tool lists. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { ListedTool } from '../../../src/connect/client.js';
import { LINT_CATALOG } from '../../../src/assert/lint/catalog.js';
import { LINT_RULES, findLintRule, lintTools, unknownLintRules } from '../../../src/assert/lint/index.js';

const OBJECT = { type: 'object', properties: { x: { type: 'string' } } };

/** A tool that breaks no rule, with `overrides` applied (an `undefined` value removes the key). */
function tool(overrides: Record<string, unknown> = {}): ListedTool {
    const raw: Record<string, unknown> = { name: 'ok_tool', description: 'Does things.', inputSchema: OBJECT, ...overrides };
    for (const [key, value] of Object.entries(raw)) if (value === undefined) delete raw[key];
    return { name: String(raw.name), raw };
}

function messages(id: string, tools: ListedTool[]): string[] {
    const rule = findLintRule(id);
    assert.ok(rule, `rule ${id} exists`);
    return rule.check(tools).map((f) => f.message);
}

test('the registry has the eight rules with stable ids and default levels', () => {
    assert.deepEqual(
        LINT_RULES.map((r) => [r.id, r.defaultLevel]),
        [
            ['input-schema-compiles', 'error'],
            ['input-schema-object', 'error'],
            ['output-schema-valid', 'error'],
            ['tool-name', 'error'],
            ['unique-tool-names', 'error'],
            ['tool-description', 'warn'],
            ['required-declared', 'error'],
            ['annotations-boolean', 'error'],
        ],
    );
    for (const rule of LINT_RULES) assert.ok(rule.description.length > 0, rule.id);
    assert.ok(Object.isFrozen(LINT_RULES));
});

test('the catalog used for planning lists the same rules, levels and order as the registry', () => {
    assert.deepEqual(
        LINT_CATALOG.map((r) => [r.id, r.defaultLevel]),
        LINT_RULES.map((r) => [r.id, r.defaultLevel]),
    );
});

test('a well-formed tool passes every rule', () => {
    const good = tool({
        outputSchema: { type: 'object', properties: { y: { type: 'number' } }, required: ['y'] },
        annotations: { readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: false, title: 'x' },
    });
    for (const rule of LINT_RULES) assert.deepEqual(rule.check([good]), [], rule.id);
});

test('defaults: one result per rule, in registry order, with the default level', () => {
    const results = lintTools([tool()], { enabled: true, rules: {} });
    assert.deepEqual(
        results.map((r) => [r.rule, r.level, r.findings.length]),
        LINT_RULES.map((r) => [r.id, r.defaultLevel, 0]),
    );
    assert.deepEqual(results.unknownRules, []);
});

test('a configured level overrides the default; off drops the rule', () => {
    const sloppy = [tool({ description: undefined })];
    const warn = lintTools(sloppy, { enabled: true, rules: { 'tool-description': 'error', 'tool-name': 'warn' } });
    assert.equal(warn.find((r) => r.rule === 'tool-description')!.level, 'error');
    assert.equal(warn.find((r) => r.rule === 'tool-description')!.findings.length, 1);
    assert.equal(warn.find((r) => r.rule === 'tool-name')!.level, 'warn');

    const off = lintTools(sloppy, { enabled: true, rules: { 'tool-description': 'off' } });
    assert.equal(off.some((r) => r.rule === 'tool-description'), false);
    assert.equal(off.length, LINT_RULES.length - 1);
});

test('unknown rule ids are returned, not thrown, even with lint disabled', () => {
    const rules = { 'tool-nmae': 'warn', 'tool-name': 'off', bogus: 'error' } as const;
    assert.deepEqual(lintTools([tool()], { enabled: true, rules }).unknownRules, ['tool-nmae', 'bogus']);
    assert.deepEqual(lintTools([tool()], { enabled: false, rules }).unknownRules, ['tool-nmae', 'bogus']);
    assert.deepEqual(unknownLintRules(rules), ['tool-nmae', 'bogus']);
    assert.deepEqual(unknownLintRules({}), []);
});

test('no tools, no findings', () => {
    for (const result of lintTools([], { enabled: true, rules: {} })) assert.deepEqual(result.findings, [], result.rule);
});

test('input-schema-compiles: a missing or non-object inputSchema', () => {
    assert.deepEqual(messages('input-schema-compiles', [tool({ inputSchema: undefined })]), ['tool "ok_tool": inputSchema is missing']);
    assert.deepEqual(messages('input-schema-compiles', [tool({ inputSchema: [] })]), [
        'tool "ok_tool": inputSchema does not compile: schema must be an object, got array',
    ]);
    // The dialect follows $schema; draft-07 schemas compile.
    assert.deepEqual(messages('input-schema-compiles', [tool({ inputSchema: { ...OBJECT, $schema: 'http://json-schema.org/draft-07/schema#' } })]), []);
});

test('input-schema-object: no type, a type list, and a missing schema left to input-schema-compiles', () => {
    assert.deepEqual(messages('input-schema-object', [tool({ inputSchema: { properties: {} } })]), [
        'tool "ok_tool": inputSchema root must have type "object", got no type',
    ]);
    assert.deepEqual(messages('input-schema-object', [tool({ inputSchema: { type: ['object', 'null'] } })]), [
        'tool "ok_tool": inputSchema root must have type "object", got ["object","null"]',
    ]);
    assert.deepEqual(messages('input-schema-object', [tool({ inputSchema: undefined })]), []);
});

test('output-schema-valid: absent is fine; null and a non-object root are not', () => {
    assert.deepEqual(messages('output-schema-valid', [tool()]), []);
    assert.deepEqual(messages('output-schema-valid', [tool({ outputSchema: null })]), [
        'tool "ok_tool": outputSchema does not compile: schema must be an object, got null',
    ]);
    assert.deepEqual(messages('output-schema-valid', [tool({ outputSchema: { type: 'array', items: {} } })]), [
        'tool "ok_tool": outputSchema root must have type "object", got "array"',
    ]);
});

test('tool-name: limits, characters and names that are not strings', () => {
    const rule = 'name must be 1–128 characters of A-Z a-z 0-9 _ . -';
    assert.deepEqual(messages('tool-name', [tool({ name: 'a'.repeat(128) }), tool({ name: 'A-z_0.9' })]), []);
    assert.deepEqual(messages('tool-name', [tool({ name: '' })]), [`tool "": ${rule} (it is empty)`]);
    assert.deepEqual(messages('tool-name', [tool({ name: 'notes/add' })]), [`tool "notes/add": ${rule}`]);
    assert.deepEqual(messages('tool-name', [tool({ name: 'café' })]), [`tool "café": ${rule}`]);
    assert.deepEqual(messages('tool-name', [tool({ name: 42 })]), ['tool with name number 42: name must be a string, got number 42']);
    assert.deepEqual(messages('tool-name', [tool({ name: undefined })]), ['a tool without a name: name is missing']);
});

test('findings carry the tool name only when it is a string', () => {
    const [finding] = findLintRule('tool-name')!.check([tool({ name: 42 })]);
    assert.equal(finding!.tool, undefined);
    assert.equal(finding!.rule, 'tool-name');
    const [named] = findLintRule('tool-name')!.check([tool({ name: 'a b' })]);
    assert.equal(named!.tool, 'a b');
});

test('unique-tool-names: counts every repeat, once per name', () => {
    const list = [tool({ name: 'a' }), tool({ name: 'b' }), tool({ name: 'a' }), tool({ name: 'a' }), tool({ name: 'b' })];
    assert.deepEqual(messages('unique-tool-names', list), ['tool "a": name is listed 3 times', 'tool "b": name is listed 2 times']);
});

test('tool-description: empty, blank and non-string descriptions', () => {
    assert.deepEqual(messages('tool-description', [tool({ description: '' })]), ['tool "ok_tool": description is empty']);
    assert.deepEqual(messages('tool-description', [tool({ description: '  \n' })]), ['tool "ok_tool": description is empty']);
    assert.deepEqual(messages('tool-description', [tool({ description: 7 })]), ['tool "ok_tool": description must be a string, got number 7']);
});

test('required-declared: output schemas too; patternProperties count; no properties means no check', () => {
    assert.deepEqual(
        messages('required-declared', [tool({ outputSchema: { type: 'object', properties: {}, required: ['a', 'b'] } })]),
        [
            'tool "ok_tool": outputSchema requires "a", which is not declared in its properties',
            'tool "ok_tool": outputSchema requires "b", which is not declared in its properties',
        ],
    );
    const patterned = { type: 'object', properties: {}, patternProperties: { '^x_': {} }, required: ['x_1', 'y'] };
    assert.deepEqual(messages('required-declared', [tool({ inputSchema: patterned })]), [
        'tool "ok_tool": inputSchema requires "y", which is not declared in its properties',
    ]);
    assert.deepEqual(messages('required-declared', [tool({ inputSchema: { type: 'object', required: ['anything'] } })]), []);
    // `toString` is not a declared property just because objects inherit it.
    assert.deepEqual(messages('required-declared', [tool({ inputSchema: { type: 'object', properties: {}, required: ['toString'] } })]), [
        'tool "ok_tool": inputSchema requires "toString", which is not declared in its properties',
    ]);
});

test('annotations-boolean: every hint, null, and annotations that are not an object', () => {
    assert.deepEqual(
        messages('annotations-boolean', [tool({ annotations: { readOnlyHint: 1, destructiveHint: null, idempotentHint: 'no', openWorldHint: {} } })]),
        [
            'tool "ok_tool": annotations.readOnlyHint must be a boolean, got number 1',
            'tool "ok_tool": annotations.destructiveHint must be a boolean, got null',
            'tool "ok_tool": annotations.idempotentHint must be a boolean, got string "no"',
            'tool "ok_tool": annotations.openWorldHint must be a boolean, got object',
        ],
    );
    assert.deepEqual(messages('annotations-boolean', [tool({ annotations: ['readOnlyHint'] })]), [
        'tool "ok_tool": annotations must be an object, got array',
    ]);
    // Other annotation keys are not this rule's business.
    assert.deepEqual(messages('annotations-boolean', [tool({ annotations: { title: 5, custom: 'x' } })]), []);
});
