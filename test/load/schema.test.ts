import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { parse } from 'yaml';
import { MATCHER_NAMES } from '../../src/load/matcher.js';
import { SCHEMA_URL, specSchema } from '../../src/load/schema.js';

test('the schema is draft 2020-12 with an $id and a description on every property', async () => {
    const schema = JSON.parse(await readFile(SCHEMA_URL, 'utf8')) as Record<string, unknown>;
    assert.equal(schema['$schema'], 'https://json-schema.org/draft/2020-12/schema');
    assert.equal(typeof schema['$id'], 'string');
    const undocumented: string[] = [];
    const visit = (node: unknown, where: string): void => {
        if (typeof node !== 'object' || node === null) return;
        const properties = (node as { properties?: Record<string, Record<string, unknown>> }).properties ?? {};
        for (const [key, property] of Object.entries(properties)) {
            // A bare `$ref` inherits the title and description of its definition.
            if (!('$ref' in property) && !(property['title'] && property['description'])) undocumented.push(`${where}.${key}`);
        }
        // `allOf` holds the server's cross-field rules: they restate properties, not define them.
        for (const [key, child] of Object.entries(node)) if (key !== 'allOf') visit(child, `${where}.${key}`);
    };
    visit(schema, '#');
    assert.deepEqual(undocumented, []);
});

test('the schema accepts un-interpolated ${VAR}s, as editors see them', () => {
    const raw = parse(
        [
            'servers:',
            '  remote:',
            '    url: ${MCP_URL}',
            '    timeout: ${TIMEOUT:-30s}',
            '  local:',
            '    url: http://127.0.0.1:${PORT:-8931}/mcp',
            'tests:',
            '  - server: remote',
        ].join('\n'),
    ) as unknown;
    const { validate } = specSchema();
    assert.equal(validate(raw), true, JSON.stringify(validate.errors));
});

test('the schema offers exactly the matcher names the loader knows', async () => {
    const schema = JSON.parse(await readFile(SCHEMA_URL, 'utf8')) as {
        $defs: { matcherObject: { properties: object }; matcher: { if: { anyOf: { required: string[] }[] } } };
    };
    assert.deepEqual(Object.keys(schema.$defs.matcherObject.properties), [...MATCHER_NAMES]);
    assert.deepEqual(
        schema.$defs.matcher.if.anyOf.map((branch) => branch.required[0]),
        [...MATCHER_NAMES],
    );
});

test('the schema accepts the whole contract language, as editors see it', () => {
    const raw = parse(
        [
            'servers:',
            '  notes: { command: node }',
            'tests:',
            '  - server: notes',
            '    defaults: { maxDuration: 1s }',
            '    lint: { rules: { tool-description: warn } }',
            '    calls:',
            '      - tool: add_note',
            '        capture: { noteId: "$.structuredContent.id" }',
            '        retry: { count: 5, interval: 200ms }',
            '        expect:',
            '          isError: false',
            '          maxDuration: 250ms',
            '          json: { $.title: hello, $.tags: { length: { gte: 1 } }, $.id: { type: string, matches: "^n-" }, $.x: { a: 1 } }',
            '          schema: ./schemas/note.json',
            '          content: [{ type: text, text: { startsWith: Created } }]',
            '          text: { contains: x, not: { any: [a, { endsWith: b }] } }',
            '      - tool: add_note',
            '        expect: { rejects: true, maxDuration: 1s }',
            '    resources:',
            '      include: ["notes://index"]',
            '      read: [{ uri: "notes://${{ captures.noteId }}", expect: { mimeType: application/json, blobSize: { lt: 1000 } } }]',
            '    prompts:',
            '      exclude: [old_prompt]',
            '      get: [{ prompt: summarize, args: { n: 3 }, expect: { messages: { length: { gte: 1 } } } }]',
            '  - server: notes',
            '    lint: false',
        ].join('\n'),
    ) as unknown;
    const { validate } = specSchema();
    assert.equal(validate(raw), true, JSON.stringify(validate.errors));
});

test('the schema accepts `$import` and the selection keys, as editors see them', () => {
    const raw = parse(
        [
            'servers:',
            '  $import: [.cursor/mcp.json, .vscode/mcp.json]',
            '  local: { command: node }',
            'tests:',
            '  - server: local',
            '    tags: [smoke, area:notes]',
            '    only: true',
            '    calls: [{ tool: t, tags: [slow], skip: flaky }]',
            '    resources: { read: [{ uri: "notes://x", skip: true }] }',
            '    prompts: { get: [{ prompt: p, only: false, tags: [x.y] }] }',
        ].join('\n'),
    ) as unknown;
    const { validate } = specSchema();
    assert.equal(validate(raw), true, JSON.stringify(validate.errors));
    assert.equal(validate({ servers: { $imports: { command: 'x' }, s: { command: 'x' } }, tests: [{ server: 's' }] }), false);
});

test('the schema accepts server lists, groups, `snapshot` and `probe`, and flags repeated servers, for editors', () => {
    const raw = parse(
        [
            'servers:',
            '  stdio: { command: node, group: builds }',
            '  http: { url: "http://127.0.0.1:${PORT:-8931}/mcp", group: builds }',
            'tests:',
            '  - server: [stdio, http]',
            '    snapshot: __snapshots__/notes.json',
            '    probe: true',
            '  - server: builds',
            '    probe: { tools: [add_note], runs: 100, seed: 42 }',
        ].join('\n'),
    ) as unknown;
    const { validate } = specSchema();
    assert.equal(validate(raw), true, JSON.stringify(validate.errors));
    assert.equal(validate({ servers: { s: { command: 'x' } }, tests: [{ server: ['s', 's'] }] }), false);
});

test('the schema flags, for editors, matchers mixed with other keys and `rejects` with result checks', () => {
    const { validate } = specSchema();
    const spec = (expect: unknown) => ({ servers: { s: { command: 'x' } }, tests: [{ server: 's', calls: [{ tool: 't', expect }] }] });
    assert.equal(validate(spec({ json: { '$.a': { type: 'text', text: 'x' } } })), false);
    assert.equal(validate(spec({ text: { matches: 5 } })), false);
    assert.equal(validate(spec({ rejects: true, text: 'x' })), false);
    assert.equal(validate(spec({ rejects: false, text: 'x' })), true);
});

test('the spec schema is itself valid JSON Schema 2020-12 (start-up skips this check)', async () => {
    const { Ajv2020 } = await import('ajv/dist/2020.js');
    const schema = JSON.parse(await readFile(SCHEMA_URL, 'utf8')) as object;
    const ajv = new Ajv2020({ strict: false });
    assert.equal(ajv.validateSchema(schema), true, JSON.stringify(ajv.errors));
});
