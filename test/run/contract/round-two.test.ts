/**
 * The contract language, round two, in real runs: matchers inside partial deep matches, one
 * JSONPath root (`result:`), JSON inside a string (`parseJson`), content items, regular
 * expression flags, and reads and gets with `rejects`, `schema`, `retry` and `capture`.
 */
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { loadSpec } from '../../../src/load/load.js';
import type { RunResult } from '../../../src/run/result.js';
import { ROOT } from '../../helpers/cli.js';
import { assertPassed, caseNamed, locate, nodeServer, NOTES, onlyProblem, problemsOf, runSpec, serverEntry, where, writeSpec, type WrittenSpec } from './support.js';

const FILES = join(ROOT, 'fixtures/files-server.js');

describe('round two against the files fixture (content items, JSON in text, result:, flags)', () => {
    let spec: WrittenSpec;
    let result: RunResult;

    before(async () => {
        spec = await writeSpec([
            ...serverEntry('files', FILES),
            '    calls:',
            '      - name: listing parsed',
            '        tool: list_directory',
            '        args: { path: /docs }',
            '        expect:',
            '          structuredContent: { content: { parseJson: { $.path: /docs, $.entries: { length: 2 } } } }',
            '      - name: listing parsed, wrong count',
            '        tool: list_directory',
            '        args: { path: /docs }',
            '        expect:',
            '          json: { $.content: { parseJson: { $.entries: { length: 3 } } } }',
            '      - name: every item',
            '        tool: show_file',
            '        args: { path: /docs/readme.md }',
            '        expect:',
            '          content:',
            '            exact: true',
            '            items:',
            '              - { type: text }',
            '              - { type: resource_link, uri: file:///docs/readme.md, name: { endsWith: .md } }',
            '              - { type: resource, resource: { uri: file:///docs/readme.md, text: { contains: fixture } } }',
            '              - { type: image, dataSize: 70, annotations: { audience: [user], priority: { gte: 0.5 } } }',
            '              - { type: audio, dataSize: { lt: 100 } }',
            '      - name: a prefix',
            '        tool: show_file',
            '        args: { path: /docs/readme.md }',
            '        expect: { content: [{ type: text }, { type: resource_link }] }',
            '      - name: not exact',
            '        tool: show_file',
            '        args: { path: /docs/readme.md }',
            '        expect: { content: { items: [{ type: text }], exact: true } }',
            '      - name: wrong items',
            '        tool: show_file',
            '        args: { path: /docs/readme.md }',
            '        expect:',
            '          content:',
            '            - {}',
            '            - { uri: file:///docs/todo.txt }',
            '            - { resource: { mimeType: text/plain } }',
            '            - { dataSize: { gt: 1000 }, annotations: { priority: 1 } }',
            '            - { annotations: { audience: [user] } }',
            '      - name: whole result',
            '        tool: show_file',
            '        args: { path: /docs/readme.md }',
            '        expect:',
            '          result:',
            '            $.content[1].uri: file:///docs/readme.md',
            '            $._meta["files/source"]: fixture',
            '            $.isError: { exists: false }',
            '      - name: whole result, wrong',
            '        tool: show_file',
            '        args: { path: /docs/readme.md }',
            '        expect:',
            '          result: { "$.content[3].mimeType": image/gif }',
            '      - name: ignoring case',
            '        tool: show_file',
            '        args: { path: /docs/readme.md }',
            '        expect: { text: { matches: { pattern: "^/DOCS/", flags: i } } }',
            '      - name: case matters without the flag',
            '        tool: show_file',
            '        args: { path: /docs/readme.md }',
            '        expect: { text: { matches: "^/DOCS/" } }',
        ]);
        result = await runSpec(spec);
    });

    it('parseJson checks JSON held in a string field', () => {
        assertPassed(caseNamed(result, 'listing parsed'));
    });

    it('parseJson names the path inside the JSON and points at the matcher', () => {
        const problem = onlyProblem(caseNamed(result, 'listing parsed, wrong count'));
        assert.equal(problem.message, '$.content: expected as JSON, $.entries length to equal 3');
        assert.deepEqual(problem.loc, locate(spec, '$.entries: { length: 3 }', '3', 'wrong count'));
    });

    it('content items check uri, name, embedded resource, data size and annotations; exact: true holds for the whole list', () => {
        assertPassed(caseNamed(result, 'every item'));
    });

    it('a shorter content list checks a prefix', () => {
        assertPassed(caseNamed(result, 'a prefix'));
    });

    it('exact: true fails when the result has more items, pointing at `exact`', () => {
        const problem = onlyProblem(caseNamed(result, 'not exact'));
        assert.equal(problem.message, 'content: expected exactly 1 items, got 5');
        assert.deepEqual(problem.loc, locate(spec, 'exact: true } }', 'true'));
    });

    it('each content field that does not match is its own problem', () => {
        assert.deepEqual(
            problemsOf(caseNamed(result, 'wrong items')).map((p) => p.message),
            [
                'content[1].uri: expected to equal "file:///docs/todo.txt"',
                'content[2].resource.mimeType: expected "text/plain", got "text/markdown"',
                'content[3].dataSize: expected to be greater than 1000',
                'content[3].annotations.priority: expected 1, got 0.5',
                'content[4].annotations: missing',
            ],
        );
    });

    it('`result:` reaches content, _meta and isError from the same root as capture', () => {
        assertPassed(caseNamed(result, 'whole result'));
    });

    it('`result:` failures name the path from the root', () => {
        const problem = onlyProblem(caseNamed(result, 'whole result, wrong'));
        assert.equal(problem.message, '$.content[3].mimeType: expected to equal "image/gif"');
        assert.equal(problem.actual, 'image/png');
    });

    it('`matches` flags go through RE2: `i` ignores case', () => {
        assertPassed(caseNamed(result, 'ignoring case'));
        assert.equal(onlyProblem(caseNamed(result, 'case matters without the flag')).message, 'text: expected to match /^/DOCS//');
    });
});

describe('round two against the notes fixture (matchers in structuredContent, reads and gets)', () => {
    let spec: WrittenSpec;
    let result: RunResult;

    before(async () => {
        spec = await writeSpec([
            ...serverEntry('notes', NOTES),
            '    serverInfo: { capabilities: { tools: { listChanged: { type: boolean } } } }',
            '    tools:',
            '      expect:',
            '        get_note: { annotations: { readOnlyHint: { oneOf: [true] }, destructiveHint: { exists: false } } }',
            '        delete_note: { annotations: { destructiveHint: { type: string } } }',
            '    calls:',
            '      - name: add',
            '        tool: add_note',
            '        args: { title: hello }',
            '        capture: { noteId: "$.structuredContent.id" }',
            '        expect: { structuredContent: { id: { matches: "^n-\\\\d+$" }, tags: { length: 0 }, deleted: { exists: false } } }',
            '      - name: add, wrong matcher',
            '        tool: add_note',
            '        args: { title: world }',
            '        expect:',
            '          structuredContent:',
            '            title: { startsWith: hello }',
            '    resources:',
            '      read:',
            '        - name: read the note',
            '          uri: notes://note/${{ captures.noteId }}',
            '          expect: { schema: { type: object, required: [id, title] }, result: { "$.contents[0].uri": { startsWith: "notes://note/n-" } } }',
            '        - name: schema fails',
            '          uri: notes://index',
            '          expect: { schema: { type: object, required: [missing] } }',
            '        - name: unknown URI rejected',
            '          uri: notes://note/n-404',
            '          expect: { rejects: true }',
            '        - name: known URI not rejected',
            '          uri: notes://readme',
            '          expect: { rejects: true }',
            '        - name: retried',
            '          uri: notes://readme',
            '          retry: { count: 2, interval: 10ms }',
            '          expect: { text: never }',
            '    prompts:',
            '      get:',
            '        - name: greet, captured',
            '          prompt: greet',
            '          capture: { role: "$.messages[0].role" }',
            '          expect: { result: { "$.messages[0].content.type": text } }',
            '        - name: uses the get capture',
            '          prompt: summarize',
            '          args: { style: "${{ captures.role }}" }',
            '          expect: { text: { contains: "in a user style" } }',
            '        - name: missing argument rejected',
            '          prompt: summarize',
            '          expect: { rejects: true }',
        ]);
        result = await runSpec(spec);
    });

    it('matchers inside structuredContent hold, `exists: false` on a key the result lacks included', () => {
        assertPassed(caseNamed(result, 'add'));
    });

    it('matchers work inside the partial matches on capabilities and annotations', () => {
        assertPassed(caseNamed(result, 'server info'));
        assertPassed(caseNamed(result, 'tool get_note declares what the spec expects'));
        const problem = onlyProblem(caseNamed(result, 'tool delete_note declares what the spec expects'));
        assert.equal(problem.message, 'annotations.destructiveHint: expected to be of type string, got boolean');
        assert.deepEqual(problem.loc, locate(spec, 'delete_note: {', 'string'));
    });

    it('a matcher inside structuredContent that fails names the path and points at the matcher', () => {
        const problem = onlyProblem(caseNamed(result, 'add, wrong matcher'));
        assert.equal(problem.message, 'structuredContent.title: expected to start with "hello"');
        assert.equal(problem.actual, 'world');
        assert.deepEqual(problem.loc, locate(spec, 'title: { startsWith: hello }', 'hello'));
    });

    it('a read checks a schema and `result:` over the whole answer, with captures in its URI', () => {
        assertPassed(caseNamed(result, 'read the note'));
    });

    it('a read whose text does not match its schema fails, listing what is wrong', () => {
        const problem = onlyProblem(caseNamed(result, 'schema fails'));
        assert.equal(problem.kind, 'assert.schema');
        assert.match(problem.details!.join('\n'), /must have required property 'missing'/);
    });

    it('`rejects: true` on a read passes on a JSON-RPC error and notes it', () => {
        const read = caseNamed(result, 'unknown URI rejected');
        assertPassed(read);
        assert.match((read as { notes?: string[] }).notes?.[0] ?? '', /-32002: note n-404 not found/);
    });

    it('`rejects: true` on a read fails when the server returns contents', () => {
        const problem = onlyProblem(caseNamed(result, 'known URI not rejected'));
        assert.equal(problem.message, 'expected the server to reject resources/read notes://readme, but it returned contents');
        assert.deepEqual(problem.loc, locate(spec, 'rejects: true', 'true', 'known URI not rejected'));
    });

    it('`retry` re-reads until the checks hold, and reports the attempts', () => {
        const read = caseNamed(result, 'retried');
        problemsOf(read);
        assert.equal(read.attempts, 3);
    });

    it('a get captures a value that a later call uses', () => {
        assertPassed(caseNamed(result, 'greet, captured'));
        assertPassed(caseNamed(result, 'uses the get capture'));
    });

    it('`rejects: true` on a get passes when a required argument is missing', () => {
        assertPassed(caseNamed(result, 'missing argument rejected'));
    });
});

describe('round two spec errors', () => {
    it('a read that must be rejected cannot check its result, said at the key', async () => {
        const spec = await writeSpec([
            'servers:',
            ...nodeServer('notes', NOTES),
            'tests:',
            '  - server: notes',
            '    resources:',
            '      read:',
            '        - uri: notes://x',
            '          expect: { rejects: true, text: hi }',
        ]);
        await assert.rejects(loadSpec(spec.file, {}), (error: Error) => {
            assert.match(error.message, new RegExp(`${where(spec, 'rejects: true', 'text').replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: tests\\[0\\]\\.resources\\.read\\[0\\]\\.expect: "text" cannot be combined with "rejects: true" \\(a rejected read has no result to check\\)`));
            return true;
        });
    });
});

