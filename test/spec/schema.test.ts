import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { parse } from 'yaml';
import { SCHEMA_URL, specSchema } from '../../src/spec/schema.js';

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
