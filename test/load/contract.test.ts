/** The contract language: matchers, JSONPath checks, captures, retries, budgets, schemas, resources, prompts, lint. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadSpec, loadSpecs } from '../../src/load/load.js';
import { MINIMAL, specErrors, writeSpecs, yaml } from './helpers.js';

/** Writes one spec file and returns its path. */
async function specFile(text: string): Promise<string> {
    const dir = await writeSpecs({ 'spec.yaml': text });
    return join(dir, 'spec.yaml');
}

/** MINIMAL plus `lines` below the test entry (they start at line 6). */
async function contractSpec(...lines: string[]): Promise<string> {
    return specFile(yaml(...MINIMAL, ...lines));
}

const CALL = ['tests', 0, 'calls', 0] as const;
const EXPECT = [...CALL, 'expect'] as const;

// --- Parsing --------------------------------------------------------------------------------

test('a bare `server:` entry gets no calls, default lint, default protocol checks and no defaults', async () => {
    const file = await contractSpec();
    const [entry] = (await loadSpec(file, {})).tests;
    assert.deepEqual(entry, {
        server: 'weather',
        tags: [],
        path: ['tests', 0],
        loc: { file, line: 5, col: 5 },
        calls: [],
        lint: { enabled: true, rules: {}, clients: [], budget: {}, loc: { file, line: 5, col: 5 } },
        protocol: { enabled: true, rules: {}, loc: { file, line: 5, col: 5 } },
        defaults: {},
    });
});

test('`defaults.maxDuration` becomes `defaults.maxDurationMs` and is not copied into calls', async () => {
    const file = await contractSpec('    defaults: { maxDuration: 1.5s }', '    calls:', '      - tool: t');
    const [entry] = (await loadSpec(file, {})).tests;
    assert.deepEqual(entry!.defaults, { maxDurationMs: 1500 });
    assert.equal(entry!.calls[0]!.expect.maxDurationMs, undefined);
});

test('`protocol: false` turns the protocol checks off, and `rules` sets levels, located at the `protocol` key', async () => {
    const off = await contractSpec('    protocol: false');
    assert.deepEqual((await loadSpec(off, {})).tests[0]!.protocol, { enabled: false, rules: {}, loc: { file: off, line: 6, col: 5 } });
    const levels = await contractSpec('    protocol: { rules: { ping: off, invalid-cursor: error } }');
    assert.deepEqual((await loadSpec(levels, {})).tests[0]!.protocol, { enabled: true, rules: { ping: 'off', 'invalid-cursor': 'error' }, loc: { file: levels, line: 6, col: 5 } });
});

test('a protocol rule that does not exist is a spec error at the rule, listing the rules', async () => {
    const file = await contractSpec('    protocol:', '      rules:', '        pnig: warn');
    await assert.rejects(loadSpec(file, {}), (error: Error) => {
        assert.ok(error.message.startsWith(`${file}:8:9: tests[0].protocol.rules: unknown protocol rule "pnig" (rules: discover, ping, unknown-method, `), error.message);
        return true;
    });
});

test('`lint: false` turns lint off, located at the `lint` key', async () => {
    const file = await contractSpec('    lint: false');
    assert.deepEqual((await loadSpec(file, {})).tests[0]!.lint, { enabled: false, rules: {}, clients: [], budget: {}, loc: { file, line: 6, col: 5 } });
});

test('`lint: true` is lint with no overrides', async () => {
    const file = await contractSpec('    lint: true');
    assert.deepEqual((await loadSpec(file, {})).tests[0]!.lint, { enabled: true, rules: {}, clients: [], budget: {}, loc: { file, line: 6, col: 5 } });
});

test('`lint.rules` sets rule levels', async () => {
    const file = await contractSpec('    lint:', '      rules: { tool-description: warn, input-schema2: off, x: error }');
    assert.deepEqual((await loadSpec(file, {})).tests[0]!.lint, {
        enabled: true,
        rules: { 'tool-description': 'warn', 'input-schema2': 'off', x: 'error' },
        clients: [],
        budget: {},
        loc: { file, line: 6, col: 5 },
    });
});

test('`lint.clients` lists target clients in report order (`all` is every one) and `lint.budget` sets limits', async () => {
    const file = await contractSpec('    lint: { clients: [cursor, gemini], budget: { tokens: 5000, tools: 40 } }', '  - server: weather', '    lint: { clients: all }');
    const [first, second] = (await loadSpec(file, {})).tests;
    assert.deepEqual(first!.lint.clients, ['gemini', 'cursor']);
    assert.deepEqual(first!.lint.budget, { tokens: 5000, tools: 40 });
    assert.deepEqual(second!.lint.clients, ['openai', 'openai-strict', 'anthropic', 'anthropic-strict', 'gemini', 'vscode-copilot', 'cursor', 'claude-code']);
});

test('invalid lint clients and budgets are reported, one message each', async () => {
    const file = await contractSpec(
        '    lint: { clients: [gemini, copilot], budget: { tokens: 0, pages: 3 } }',
        '  - server: weather',
        '    lint: { clients: gemini }',
        '  - server: weather',
        '    lint: { clients: [cursor, cursor] }',
    );
    const clients = 'openai, openai-strict, anthropic, anthropic-strict, gemini, vscode-copilot, cursor, claude-code';
    assert.deepEqual(await specErrors(loadSpec(file, {})), [
        `${file}:6:31: tests[0].lint.clients[1]: expected one of ${clients.split(', ').map((c) => `"${c}"`).join(', ')}, got "copilot"`,
        `${file}:6:59: tests[0].lint.budget.tokens: must be at least 1, got 0`,
        `${file}:6:62: tests[0].lint.budget: unknown key "pages" (allowed: tools, tokens, bytes, description)`,
        `${file}:8:22: tests[1].lint.clients: expected "all" or a list of clients (${clients}), got "gemini"`,
        `${file}:10:22: tests[2].lint.clients: lists "cursor" twice`,
    ]);
});

test('`capture` and `retry` are parsed; `retry.interval` defaults to 500ms', async () => {
    const file = await contractSpec(
        '    calls:',
        '      - tool: add_note',
        '        capture: { noteId: "$.structuredContent.id", first_tag: "$.structuredContent.tags[0]" }',
        '        retry: { count: 5, interval: 200ms }',
        '      - tool: get_note',
        '        args: { id: "${{ captures.noteId }}" }',
        '        retry: { count: 1 }',
    );
    const [first, second] = (await loadSpec(file, {})).tests[0]!.calls;
    assert.deepEqual(first!.capture, { noteId: '$.structuredContent.id', first_tag: '$.structuredContent.tags[0]' });
    assert.deepEqual(first!.retry, { count: 5, intervalMs: 200 });
    assert.deepEqual(second!.args, { id: '${{ captures.noteId }}' });
    assert.deepEqual(second!.retry, { count: 1, intervalMs: 500 });
    assert.equal(second!.capture, undefined);
});

test('`expect` parses every key of a call', async () => {
    const file = await contractSpec(
        '    calls:',
        '      - tool: add_note',
        '        expect:',
        '          isError: false',
        '          maxDuration: 250ms',
        '          text: { contains: Created, not: { contains: error } }',
        '          json:',
        '            $.title: hello',
        '            $.tags: { length: { gte: 1 } }',
        '            $.id: { type: string, matches: "^n-" }',
        '            $.deleted: { exists: false }',
        '          schema: { type: object, required: [id, title] }',
        '          content:',
        '            - { type: text, text: { startsWith: Created } }',
        '            - { type: image, mimeType: { oneOf: [image/png, image/jpeg] } }',
        '          structuredContent: { id: x }',
    );
    const expect = (await loadSpec(file, {})).tests[0]!.calls[0]!.expect;
    assert.deepEqual(expect, {
        isError: false,
        maxDurationMs: 250,
        text: {
            op: 'all',
            matchers: [
                { op: 'contains', value: 'Created', path: [...EXPECT, 'text', 'contains'] },
                { op: 'not', matcher: { op: 'contains', value: 'error', path: [...EXPECT, 'text', 'not', 'contains'] }, path: [...EXPECT, 'text', 'not'] },
            ],
            path: [...EXPECT, 'text'],
        },
        json: [
            { jsonPath: '$.title', matcher: { op: 'equals', value: 'hello', path: [...EXPECT, 'json', '$.title'] } },
            {
                jsonPath: '$.tags',
                matcher: {
                    op: 'length',
                    matcher: { op: 'gte', value: 1, path: [...EXPECT, 'json', '$.tags', 'length', 'gte'] },
                    path: [...EXPECT, 'json', '$.tags', 'length'],
                },
            },
            {
                jsonPath: '$.id',
                matcher: {
                    op: 'all',
                    matchers: [
                        { op: 'type', value: 'string', path: [...EXPECT, 'json', '$.id', 'type'] },
                        { op: 'matches', pattern: '^n-', path: [...EXPECT, 'json', '$.id', 'matches'] },
                    ],
                    path: [...EXPECT, 'json', '$.id'],
                },
            },
            { jsonPath: '$.deleted', matcher: { op: 'exists', value: false, path: [...EXPECT, 'json', '$.deleted', 'exists'] } },
        ],
        schema: { schema: { type: 'object', required: ['id', 'title'] }, path: [...EXPECT, 'schema'] },
        content: {
            items: [
                {
                    type: 'text',
                    text: { op: 'startsWith', value: 'Created', path: [...EXPECT, 'content', 0, 'text', 'startsWith'] },
                    path: [...EXPECT, 'content', 0],
                },
                {
                    type: 'image',
                    mimeType: { op: 'oneOf', values: ['image/png', 'image/jpeg'], path: [...EXPECT, 'content', 1, 'mimeType', 'oneOf'] },
                    path: [...EXPECT, 'content', 1],
                },
            ],
            exact: false,
            path: [...EXPECT, 'content'],
        },
        structuredContent: { id: 'x' },
    });
});

test('matcher paths locate where each matcher was written', async () => {
    const file = await contractSpec(
        '    calls:',
        '      - tool: t',
        '        expect:',
        '          json:',
        '            $.tags: { length: { gte: 1 } }',
    );
    const suite = await loadSpec(file, {});
    const check = suite.tests[0]!.calls[0]!.expect.json![0]!;
    assert.equal(check.matcher.op, 'length');
    assert.deepEqual(suite.locate(check.matcher.path), { file, line: 10, col: 31 });
    assert.ok(check.matcher.op === 'length');
    assert.deepEqual(suite.locate(check.matcher.matcher.path), { file, line: 10, col: 38 });
});

test('the existing `text:` forms still parse, now as matchers', async () => {
    const file = await contractSpec(
        '    calls:',
        '      - { tool: t, expect: { text: Heat } }',
        '      - { tool: t, expect: { text: { equals: Heat } } }',
        '      - { tool: t, expect: { text: { contains: Heat } } }',
        '      - { tool: t, expect: { text: { matches: "^H" } } }',
    );
    const calls = (await loadSpec(file, {})).tests[0]!.calls;
    const at = (i: number, ...rest: string[]) => ['tests', 0, 'calls', i, 'expect', 'text', ...rest];
    assert.deepEqual(
        calls.map((c) => c.expect.text),
        [
            { op: 'equals', value: 'Heat', path: at(0) },
            { op: 'equals', value: 'Heat', path: at(1, 'equals') },
            { op: 'contains', value: 'Heat', path: at(2, 'contains') },
            { op: 'matches', pattern: '^H', path: at(3, 'matches') },
        ],
    );
});

test('`rejects: true` parses, with `maxDuration`', async () => {
    const file = await contractSpec('    calls:', '      - tool: add_note', '        args: { title: 42 }', '        expect: { rejects: true, maxDuration: 2s }');
    assert.deepEqual((await loadSpec(file, {})).tests[0]!.calls[0]!.expect, { rejects: true, maxDurationMs: 2000 });
});

test('`schema:` as a path loads the file relative to the spec file', async () => {
    const dir = await writeSpecs({
        'specs/notes.yaml': yaml(...MINIMAL, '    calls:', '      - tool: t', '        expect: { schema: ./schemas/note.json }'),
        'specs/schemas/note.json': '{ "type": "object", "required": ["id"] }',
    });
    // A relative spec path gives a relative schema path, as readable as the spec's own.
    const file = relative(process.cwd(), join(dir, 'specs/notes.yaml'));
    const expect = (await loadSpec(file, {})).tests[0]!.calls[0]!.expect;
    assert.deepEqual(expect.schema, {
        schema: { type: 'object', required: ['id'] },
        file: join(relative(process.cwd(), dir), 'specs/schemas/note.json'),
        path: [...EXPECT, 'schema'],
    });
});

test('resources: include/exclude with locations, and reads with captures and expectations', async () => {
    const file = await contractSpec(
        '    resources:',
        '      include: ["notes://index"]',
        '      exclude: ["notes://secret"]',
        '      read:',
        '        - name: index is JSON',
        '          uri: notes://index',
        '          capture: { count: "$.contents[0].text" }',
        '          expect:',
        '            mimeType: application/json',
        '            json: { $.count: { gte: 1 } }',
        '            text: { contains: x }',
        '            blobSize: { lt: 1000 }',
        '            maxDuration: 1s',
        '        - uri: "notes://${{ captures.id }}"',
    );
    const read = ['tests', 0, 'resources', 'read', 0] as const;
    assert.deepEqual((await loadSpec(file, {})).tests[0]!.resources, {
        include: [{ name: 'notes://index', loc: { file, line: 7, col: 17 } }],
        exclude: [{ name: 'notes://secret', loc: { file, line: 8, col: 17 } }],
        read: [
            {
                name: 'index is JSON',
                uri: 'notes://index',
                tags: [],
                capture: { count: '$.contents[0].text' },
                expect: {
                    mimeType: { op: 'equals', value: 'application/json', path: [...read, 'expect', 'mimeType'] },
                    json: [{ jsonPath: '$.count', matcher: { op: 'gte', value: 1, path: [...read, 'expect', 'json', '$.count', 'gte'] } }],
                    text: { op: 'contains', value: 'x', path: [...read, 'expect', 'text', 'contains'] },
                    blobSize: { op: 'lt', value: 1000, path: [...read, 'expect', 'blobSize', 'lt'] },
                    maxDurationMs: 1000,
                },
                path: read,
                loc: { file, line: 10, col: 11 },
            },
            {
                uri: 'notes://${{ captures.id }}',
                tags: [],
                expect: {},
                path: ['tests', 0, 'resources', 'read', 1],
                loc: { file, line: 19, col: 11 },
            },
        ],
        path: ['tests', 0, 'resources'],
    });
});

test('prompts: include/exclude, and gets with stringified arguments and expectations', async () => {
    const file = await contractSpec(
        '    prompts:',
        '      include: [summarize]',
        '      exclude: [old_prompt]',
        '      get:',
        '        - name: summary prompt',
        '          prompt: summarize',
        '          args: { style: short, words: 50, strict: true }',
        '          expect:',
        '            messages: { length: { gte: 1 } }',
        '            text: { contains: short }',
        '            json: { $.summary: { type: string } }',
        '            maxDuration: 1s',
        '        - prompt: plain',
    );
    const get = ['tests', 0, 'prompts', 'get', 0] as const;
    assert.deepEqual((await loadSpec(file, {})).tests[0]!.prompts, {
        include: [{ name: 'summarize', loc: { file, line: 7, col: 17 } }],
        exclude: [{ name: 'old_prompt', loc: { file, line: 8, col: 17 } }],
        get: [
            {
                name: 'summary prompt',
                prompt: 'summarize',
                tags: [],
                args: { style: 'short', words: '50', strict: 'true' },
                expect: {
                    messages: {
                        op: 'length',
                        matcher: { op: 'gte', value: 1, path: [...get, 'expect', 'messages', 'length', 'gte'] },
                        path: [...get, 'expect', 'messages', 'length'],
                    },
                    text: { op: 'contains', value: 'short', path: [...get, 'expect', 'text', 'contains'] },
                    json: [{ jsonPath: '$.summary', matcher: { op: 'type', value: 'string', path: [...get, 'expect', 'json', '$.summary', 'type'] } }],
                    maxDurationMs: 1000,
                },
                path: get,
                loc: { file, line: 10, col: 11 },
            },
            { prompt: 'plain', tags: [], args: {}, expect: {}, path: ['tests', 0, 'prompts', 'get', 1], loc: { file, line: 18, col: 11 } },
        ],
        path: ['tests', 0, 'prompts'],
    });
});

test('the bundled specs still load', async () => {
    // dist/test/spec/ → the package's specs/ directory.
    const suites = await loadSpecs([fileURLToPath(new URL('../../../specs/', import.meta.url))], {});
    assert.ok(suites.length > 0);
});

// --- Errors ---------------------------------------------------------------------------------

test('a `json:` key that is not a JSONPath is reported at the key', async () => {
    const file = await contractSpec('    calls:', '      - tool: t', '        expect:', '          json: { title: hello, .tags: [] }');
    assert.deepEqual(await specErrors(loadSpec(file, {})), [
        `${file}:9:19: tests[0].calls[0].expect.json: JSONPath "title" must start with "$" (did you mean "$.title"?)`,
        `${file}:9:33: tests[0].calls[0].expect.json: JSONPath ".tags" must start with "$" (did you mean "$.tags"?)`,
    ]);
});

test('a matcher inside `structuredContent` is checked when the spec loads, with a hint about `equals:`', async () => {
    const file = await contractSpec('    calls:', '      - tool: t', '        expect:', '          structuredContent:', '            kind: { type: note }');
    assert.deepEqual(await specErrors(loadSpec(file, {})), [
        `${file}:10:27: tests[0].calls[0].expect.structuredContent.kind.type: expected one of "string", "number", "integer", "boolean", "object", "array", "null", got "note" (an object whose keys are all matcher names is a matcher; to compare it literally write \`equals: { … }\`)`,
    ]);
});

test('matchers in content items and in reads are checked when the spec loads, each where it is written', async () => {
    const file = await contractSpec(
        '    calls:',
        '      - tool: t',
        '        expect:',
        '          content:',
        '            exact: true',
        '            items:',
        '              - { uri: { startsWith: 1 }, dataSize: { type: big }, resource: { text: { matches: { pattern: a, flags: x } } } }',
        '    resources:',
        '      read:',
        '        - uri: x://y',
        '          expect: { rejects: true, result: { $.a: 1 } }',
    );
    assert.deepEqual(await specErrors(loadSpec(file, {})), [
        `${file}:12:38: tests[0].calls[0].expect.content.items[0].uri.startsWith: expected string, got number`,
        `${file}:12:61: tests[0].calls[0].expect.content.items[0].dataSize.type: expected one of "string", "number", "integer", "boolean", "object", "array", "null", got "big"`,
        `${file}:12:97: tests[0].calls[0].expect.content.items[0].resource.text.matches: invalid regular expression "a": unsupported flag "x" (use i, m or s)`,
        `${file}:16:36: tests[0].resources.read[0].expect: "result" cannot be combined with "rejects: true" (a rejected read has no result to check)`,
    ]);
});

test('a matcher mixing matcher keys with other keys is reported at the object', async () => {
    const file = await contractSpec('    calls:', '      - tool: t', '        expect:', '          json:', '            $.item: { type: text, text: hi }');
    assert.deepEqual(await specErrors(loadSpec(file, {})), [
        `${file}:10:21: tests[0].calls[0].expect.json["$.item"]: mixes matcher keys (type) with other keys (text); to compare an object literally use \`equals:\``,
    ]);
});

test('an invalid regular expression in a matcher is reported at the pattern', async () => {
    const file = await contractSpec('    calls:', '      - tool: t', '        expect:', '          json: { $.id: { type: string, matches: "[" } }');
    assert.deepEqual(await specErrors(loadSpec(file, {})), [
        `${file}:9:50: tests[0].calls[0].expect.json["$.id"].matches: invalid regular expression "[": Unterminated character class`,
    ]);
});

test('matcher values of the wrong type are reported where they are written, everywhere matchers are used', async () => {
    const file = await contractSpec(
        '    calls:',
        '      - tool: t',
        '        expect:',
        '          text: { startsWith: 1 }',
        '          content: [{ mimeType: { type: png } }]',
        '    resources:',
        '      read:',
        '        - uri: x://y',
        '          expect: { blobSize: { lt: [1] }, mimeType: { exists: yes } }',
        '    prompts:',
        '      get:',
        '        - prompt: p',
        '          expect: { messages: { length: { gtee: 1 } }, json: { $.a: { any: [] } } }',
    );
    assert.deepEqual(await specErrors(loadSpec(file, {})), [
        `${file}:9:31: tests[0].calls[0].expect.text.startsWith: expected string, got number`,
        `${file}:10:41: tests[0].calls[0].expect.content[0].mimeType.type: expected one of "string", "number", "integer", "boolean", "object", "array", "null", got "png"`,
        `${file}:14:37: tests[0].resources.read[0].expect.blobSize.lt: expected number or string, got array`,
        `${file}:14:64: tests[0].resources.read[0].expect.mimeType.exists: expected boolean, got string`,
        `${file}:18:41: tests[0].prompts.get[0].expect.messages.length: expected a length (a whole number) or a matcher such as { gte: 1 }, got {"gtee":1}`,
        `${file}:18:76: tests[0].prompts.get[0].expect.json["$.a"].any: must not be empty`,
    ]);
});

test('`rejects: true` with checks on the result is reported at each of them', async () => {
    const file = await contractSpec(
        '    calls:',
        '      - tool: add_note',
        '        expect:',
        '          rejects: true',
        '          maxDuration: 1s',
        '          isError: true',
        '          text: nope',
        '          structuredContent: null',
    );
    assert.deepEqual(await specErrors(loadSpec(file, {})), [
        `${file}:11:11: tests[0].calls[0].expect: "isError" cannot be combined with "rejects: true" (a rejected call has no result to check)`,
        `${file}:12:11: tests[0].calls[0].expect: "text" cannot be combined with "rejects: true" (a rejected call has no result to check)`,
        `${file}:13:11: tests[0].calls[0].expect: "structuredContent" cannot be combined with "rejects: true" (a rejected call has no result to check)`,
    ]);
});

test('invalid capture names and capture values that are not JSONPaths are reported', async () => {
    const file = await contractSpec('    calls:', '      - tool: t', '        capture: { note-id: "$.id", 1st: "$.a", id: structuredContent.id }');
    assert.deepEqual(await specErrors(loadSpec(file, {})), [
        `${file}:8:20: tests[0].calls[0].capture: invalid capture name "note-id" (use letters, digits and _, not starting with a digit)`,
        `${file}:8:37: tests[0].calls[0].capture: invalid capture name "1st" (use letters, digits and _, not starting with a digit)`,
        `${file}:8:53: tests[0].calls[0].capture.id: expected a JSONPath starting with "$", got "structuredContent.id" (did you mean "$.structuredContent.id"?)`,
    ]);
});

test('`retry.count` must be a whole number from 1 to 100', async () => {
    const file = await contractSpec(
        '    calls:',
        '      - { tool: t, retry: { count: 0 } }',
        '      - { tool: t, retry: { count: 101 } }',
        '      - { tool: t, retry: { count: 1.5 } }',
        '      - { tool: t, retry: { interval: 1s } }',
    );
    assert.deepEqual(await specErrors(loadSpec(file, {})), [
        `${file}:7:36: tests[0].calls[0].retry.count: must be at least 1, got 0`,
        `${file}:8:36: tests[0].calls[1].retry.count: must be at most 100, got 101`,
        `${file}:9:36: tests[0].calls[2].retry.count: expected integer, got number`,
        `${file}:10:27: tests[0].calls[3].retry: missing required key "count"`,
    ]);
});

test('invalid durations in `maxDuration`, `retry.interval` and `defaults` are reported', async () => {
    const file = await contractSpec(
        '    defaults: { maxDuration: 0s }',
        '    calls:',
        '      - tool: t',
        '        retry: { count: 2, interval: soon }',
        '        expect: { maxDuration: 1000h }',
        '    resources:',
        '      read: [{ uri: "x://y", expect: { maxDuration: -1 } }]',
    );
    const hint = '(use e.g. 500ms, 30s, 5m, 1h, or a number of seconds; more than 0, at most 24 days)';
    assert.deepEqual(await specErrors(loadSpec(file, {})), [
        `${file}:6:30: tests[0].defaults.maxDuration: invalid duration "0s" ${hint}`,
        `${file}:9:38: tests[0].calls[0].retry.interval: invalid duration "soon" ${hint}`,
        `${file}:10:32: tests[0].calls[0].expect.maxDuration: invalid duration "1000h" ${hint}`,
        `${file}:12:53: tests[0].resources.read[0].expect.maxDuration: invalid duration -1 ${hint}`,
    ]);
});

test('invalid lint rule ids, levels and values are reported', async () => {
    const file = await contractSpec('    lint:', '      rules: { Tool_Description: warn, tool-description: warning }', '  - server: weather', '    lint: yes');
    assert.deepEqual(await specErrors(loadSpec(file, {})), [
        `${file}:7:16: tests[0].lint.rules: invalid lint rule id "Tool_Description" (lowercase letters, digits and -, e.g. "tool-description")`,
        `${file}:7:58: tests[0].lint.rules.tool-description: expected one of "error", "warn", "off", got "warning"`,
        `${file}:9:11: tests[1].lint: expected boolean or object, got string`,
    ]);
});

test('a name both required and forbidden is reported for tools, resources and prompts', async () => {
    const file = await contractSpec(
        '    resources: { include: ["a://1"], exclude: ["a://1"] }',
        '    prompts: { include: [p], exclude: [q, p] }',
        '    tools: { include: [a], exclude: [a] }',
    );
    assert.deepEqual(await specErrors(loadSpec(file, {})), [
        `${file}:6:48: tests[0].resources.exclude[0]: resource "a://1" is also listed in resources.include`,
        `${file}:7:43: tests[0].prompts.exclude[1]: prompt "p" is also listed in prompts.include`,
        `${file}:8:38: tests[0].tools.exclude[0]: tool "a" is also listed in tools.include`,
    ]);
});

test('unknown and missing keys in reads and gets are reported', async () => {
    const file = await contractSpec(
        '    resources:',
        '      read:',
        '        - name: r',
        '          expect: { mime: text/plain }',
        '    prompts:',
        '      get:',
        '        - { args: { style: short } }',
    );
    assert.deepEqual(await specErrors(loadSpec(file, {})), [
        `${file}:8:11: tests[0].resources.read[0]: missing required key "uri"`,
        `${file}:9:21: tests[0].resources.read[0].expect: unknown key "mime" (allowed: mimeType, text, json, rejects, schema, result, blobSize, maxDuration)`,
        `${file}:12:11: tests[0].prompts.get[0]: missing required key "prompt"`,
    ]);
});

test('a missing schema file is reported at `schema:`, with the path it was looked for at', async () => {
    const file = await contractSpec('    calls:', '      - tool: t', '        expect: { schema: schemas/missing.json }');
    assert.deepEqual(await specErrors(loadSpec(file, {})), [
        `${file}:8:27: tests[0].calls[0].expect.schema: schema file not found: ${join(file, '..', 'schemas/missing.json')}`,
    ]);
});

test('a schema file that is not valid JSON is reported at `schema:`', async () => {
    const dir = await writeSpecs({
        'spec.yaml': yaml(...MINIMAL, '    calls:', '      - tool: t', '        expect: { schema: bad.json }'),
        'bad.json': '{ "type": object }',
    });
    let reason = '';
    try {
        JSON.parse('{ "type": object }');
    } catch (error) {
        reason = (error as Error).message; // V8's wording differs between Node versions.
    }
    assert.deepEqual(await specErrors(loadSpec(join(dir, 'spec.yaml'), {})), [
        `${join(dir, 'spec.yaml')}:8:27: tests[0].calls[0].expect.schema: schema file ${join(dir, 'bad.json')} is not valid JSON: ${reason}`,
    ]);
});

test('a schema file that holds no JSON Schema is reported at `schema:`', async () => {
    const dir = await writeSpecs({
        'spec.yaml': yaml(...MINIMAL, '    calls:', '      - tool: t', '        expect: { schema: list.json }'),
        'list.json': '[1, 2]',
    });
    assert.deepEqual(await specErrors(loadSpec(join(dir, 'spec.yaml'), {})), [
        `${join(dir, 'spec.yaml')}:8:27: tests[0].calls[0].expect.schema: schema file ${join(dir, 'list.json')} does not hold a JSON Schema (an object), got array`,
    ]);
});

test('a schema path that is a directory is reported at `schema:`', async () => {
    const dir = await writeSpecs({ 'spec.yaml': yaml(...MINIMAL, '    calls:', '      - tool: t', '        expect: { schema: schemas }') });
    await mkdir(join(dir, 'schemas'));
    await writeFile(join(dir, 'schemas', 'note.json'), '{}');
    assert.deepEqual(await specErrors(loadSpec(join(dir, 'spec.yaml'), {})), [
        `${join(dir, 'spec.yaml')}:8:27: tests[0].calls[0].expect.schema: schema file is a directory: ${join(dir, 'schemas')}`,
    ]);
});

test('a schema path whose variable is missing gets no follow-on error', async () => {
    const file = await contractSpec('    calls:', '      - tool: t', '        expect: { schema: "${SCHEMAS}/note.json" }');
    assert.deepEqual(await specErrors(loadSpec(file, {})), [
        `${file}:8:27: tests[0].calls[0].expect.schema: environment variable "SCHEMAS" is not set (write "\${SCHEMAS:-default}" to give a default)`,
    ]);
});

test('client: roots of the server and its entries are offered together, and every capability they need is declared', async () => {
    const file = await specFile(
        yaml(
            'servers:',
            '  s:',
            '    command: node',
            '    client: { roots: ["file:///a", { uri: "file:///b", name: b }] }',
            'tests:',
            '  - server: s',
            '    client:',
            '      roots: ["file:///b", "file:///c"]',
            '      sampling: [{ when: { contains: hi }, reply: hello }]',
            '    calls:',
            '      - { tool: t, inputs: { ok: { action: accept } } }',
        ),
    );
    const suite = await loadSpec(file, {});
    const { config } = suite.servers['s']!;
    assert.deepEqual(config.roots, [{ uri: 'file:///a' }, { uri: 'file:///b', name: 'b' }, { uri: 'file:///c' }]);
    assert.deepEqual(config.clientCapabilities, { roots: {}, sampling: {}, elicitation: { form: {} } });
    assert.deepEqual(suite.tests[0]!.sampling?.map((r) => r.reply), [{ role: 'assistant', model: 'mcp-check', stopReason: 'endTurn', content: { type: 'text', text: 'hello' } }]);
});

test('client.sampling[].when is a matcher, checked when the spec is loaded', async () => {
    const file = await contractSpec('    client: { sampling: [{ when: { matches: "(" }, reply: hello }] }');
    const errors = await specErrors(loadSpec(file, {}));
    assert.equal(errors.length, 1, errors.join('\n'));
    assert.match(errors[0]!, /spec\.yaml:6:\d+: tests\[0\]\.client\.sampling\[0\]\.when\.matches: /);
});
