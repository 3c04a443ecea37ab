/**
 * `expect.schema`: inline or from a file next to the spec, 2020-12 unless `$schema` says
 * draft-07, and every Ajv error listed with its instance path.
 */
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import type { RunResult } from '../../../src/run/result.js';
import {
    assertPassed,
    caseNamed,
    consoleBlock,
    locate,
    NOTES,
    onlyProblem,
    runSpec,
    runSpecCli,
    serverEntry,
    where,
    writeSpec,
    type CliOutcome,
    type WrittenSpec,
} from './support.js';

const DRAFT_07 = 'http://json-schema.org/draft-07/schema#';

const NOTE_SCHEMA = {
    type: 'object',
    required: ['id', 'title', 'tags', 'createdAt'],
    properties: { id: { type: 'string', pattern: '^n-\\d+$' }, title: { type: 'string' }, tags: { type: 'array', items: { type: 'string' } } },
};

const STRICT_SCHEMA = {
    type: 'object',
    required: ['author'],
    properties: { id: { type: 'integer' }, tags: { items: { type: 'integer' } }, title: { enum: ['goodbye'] } },
    additionalProperties: false,
};

describe('schema assertions against the notes fixture', () => {
    let spec: WrittenSpec;
    let result: RunResult;
    let cli: CliOutcome;

    before(async () => {
        const call = (name: string, schema: string) => [
            `      - name: ${name}`,
            '        tool: add_note',
            '        args: { title: hello, tags: [a] }',
            '        expect:',
            `          schema: ${schema}`,
        ];
        spec = await writeSpec(
            [
                ...serverEntry('notes', NOTES),
                '    calls:',
                ...call('inline schema holds', '{ type: object, required: [id, title], properties: { id: { type: string, pattern: "^n-" } } }'),
                ...call('inline schema fails', '{ type: object, required: [author], properties: { id: { type: integer }, tags: { items: { type: integer } } } }'),
                ...call('file schema holds', './schemas/note.json'),
                ...call('file schema fails', 'schemas/strict.json'),
                ...call('draft-07 tuple items', './schemas/draft-07-tuple.json'),
                ...call('draft-07 ignores prefixItems', `{ $schema: "${DRAFT_07}", properties: { tags: { prefixItems: [{ type: number }] } } }`),
                ...call('2020-12 prefixItems by default', '{ properties: { tags: { prefixItems: [{ type: number }] } } }'),
                ...call('2020-12 rejects tuple items', '{ properties: { tags: { items: [{ type: number }] } } }'),
            ],
            {
                'schemas/note.json': JSON.stringify(NOTE_SCHEMA),
                'schemas/strict.json': JSON.stringify(STRICT_SCHEMA),
                'schemas/draft-07-tuple.json': JSON.stringify({ $schema: DRAFT_07, properties: { tags: { items: [{ type: 'number' }] } } }),
            },
            'schema.yaml',
        );
        [result, cli] = await Promise.all([runSpec(spec), runSpecCli(spec)]);
    });

    it('passes an inline schema the result satisfies', () => {
        assertPassed(caseNamed(result, 'inline schema holds'));
    });

    it('fails an inline schema, listing every Ajv error with its instance path', () => {
        const problem = onlyProblem(caseNamed(result, 'inline schema fails'));
        assert.equal(problem.kind, 'assert.schema');
        assert.equal(problem.message, 'the result does not match the schema');
        assert.deepEqual([...(problem.details ?? [])].sort(), ["(root): must have required property 'author'", '/id: must be integer', '/tags/0: must be integer']);
    });

    it('points an inline schema failure at the schema and shows the checked value', () => {
        const problem = onlyProblem(caseNamed(result, 'inline schema fails'));
        assert.deepEqual(problem.loc, locate(spec, 'schema: { type: object, required: [author]', '{', 'inline schema fails'));
        assert.deepEqual(problem.actual, { id: 'n-2', title: 'hello', tags: ['a'], createdAt: '2025-01-01T00:02:00.000Z' });
    });

    it('reads a schema file relative to the spec, not the working directory', () => {
        assertPassed(caseNamed(result, 'file schema holds'));
    });

    it('fails a schema file, naming the file and listing every error', () => {
        const problem = onlyProblem(caseNamed(result, 'file schema fails'));
        assert.equal(problem.message, `the result does not match the schema (${join(spec.dir, 'schemas/strict.json')})`);
        assert.deepEqual(
            [...(problem.details ?? [])].sort(),
            [
                '(root): must NOT have additional properties "createdAt"',
                "(root): must have required property 'author'",
                '/id: must be integer',
                '/tags/0: must be integer',
                '/title: must be equal to one of the allowed values: ["goodbye"]',
            ].sort(),
        );
        assert.deepEqual(problem.loc, locate(spec, 'schema: schemas/strict.json', 'schemas/strict.json'));
    });

    it('validates a schema file whose $schema is draft-07 as draft-07 (tuple items)', () => {
        const problem = onlyProblem(caseNamed(result, 'draft-07 tuple items'));
        assert.deepEqual(problem.details, ['/tags/0: must be number']);
    });

    it('validates an inline schema whose $schema is draft-07 as draft-07 (prefixItems is not a keyword)', () => {
        assertPassed(caseNamed(result, 'draft-07 ignores prefixItems'));
    });

    it('validates a schema without $schema as 2020-12 (prefixItems applies)', () => {
        const problem = onlyProblem(caseNamed(result, '2020-12 prefixItems by default'));
        assert.deepEqual(problem.details, ['/tags/0: must be number']);
    });

    it('reports a schema that is not valid 2020-12 as not compiling', () => {
        const problem = onlyProblem(caseNamed(result, '2020-12 rejects tuple items'));
        assert.match(problem.message, /^the schema does not compile: .*items must be object,boolean/);
        assert.deepEqual(problem.loc, locate(spec, 'schema: { properties: { tags: { items: [', '{', '2020-12 rejects tuple items'));
    });

    it('prints each Ajv error on its own line under the failure in the console', () => {
        const block = consoleBlock(cli.run.stdout, 'inline schema fails');
        assert.match(block[0]!, /^ {2}✗ inline schema fails \(\d+ ms\)$/);
        assert.equal(block[1], `      ${where(spec, 'schema: { type: object, required: [author]', '{', 'inline schema fails')}: the result does not match the schema`);
        const listed = block.filter((l) => l.startsWith('        - ')).map((l) => l.slice(10)).sort();
        assert.deepEqual(listed, ["(root): must have required property 'author'", '/id: must be integer', '/tags/0: must be integer']);
    });

    it('exits 1 when a schema assertion fails', () => {
        assert.equal(cli.run.code, 1);
    });
});
