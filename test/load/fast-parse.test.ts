import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDocument } from 'yaml';
import { SpecErrors, formatLocation } from '../../src/errors.js';
import { parseCommonYaml } from '../../src/load/fast-parse.js';
import { parseSpec, suiteOf } from '../../src/load/load.js';
import { parseSpecYaml, parseWithYaml } from '../../src/load/parse.js';
import { ROOT, runCli } from '../helpers/cli.js';
import { writeTemp } from '../helpers/files.js';
import { WEATHER } from '../helpers/servers.js';
import { MINIMAL, yaml } from './helpers.js';

// What `yaml` makes of a text, as the spec loader reads it (see parse.ts).
function yamlData(source: string): unknown {
    const doc = parseDocument(source, { merge: true, prettyErrors: false });
    assert.deepEqual(doc.errors, [], 'the fast parser answered for a text yaml rejects');
    return doc.toJS();
}

// Texts the fast parser answers for; each must give exactly the data `yaml` gives.
const PLAIN: Record<string, string> = {
    'core schema scalars': yaml('a: yes', 'b: no', 'c: on', 'd: true', 'e: False', 'f: ~', 'g: null', 'h:', 'i: ""'),
    numbers: yaml('a: 0o17', 'b: 017', 'c: 0x1F', 'd: 0b11', 'e: 1_000', 'f: -0x1', 'g: +12', 'h: 1e999', 'i: 123456789012345678901234567890'),
    'more numbers': yaml('a: .inf', 'b: -.Inf', 'c: .NaN', 'd: 1.', 'e: .5', 'f: 1e3', 'g: 2024-01-01', 'h: 12:30', 'i: -.nan'),
    'quoted scalars': yaml(`a: 'it''s'`, 'b: "\\x41\\u00e9\\U0001F600\\/\\ \\_\\N\\t\\0"', `c: 'multi`, '  line', '', `  para'`, 'd: "x\\', '  y"'),
    'plain multi-line': yaml('a: multi', '  line', '', '  para', 'b: x#not a comment', 'c: x # a comment'),
    'block scalars': yaml('a: |', '  l1', '   l2', '', 'b: >', '  f1', '  f2', '', '   more', 'c: |-', '  s', 'd: |+', '  k', '', 'e: >2', '   x'),
    'flow collections': yaml('a: {b: [1, {c: d}], e: "f", g: h}', 'b: [a, b, ]', 'c: {k, v: 1}', 'd: [p: q]'),
    'compact and explicit': yaml('a:', '- b: 1', '  c: 2', '- - x', '  - y', '? k', ': v', '"true": quoted', '"": empty'),
    'document markers, BOM, CRLF': '\ufeff---\r\na: 1\r\nb:\r\n  - x\r\n...\r\n',
    'keys named like Object.prototype': yaml('toString: 1', 'constructor: 2', '"__proto__": { x: 1 }'),
};

test('the fast parser reads plain specs exactly as yaml does', () => {
    const specs = readdirSync(join(ROOT, 'specs')).map((name) => [name, readFileSync(join(ROOT, 'specs', name), 'utf8')]);
    for (const [name, source] of [...Object.entries(PLAIN), ...specs] as [string, string][]) {
        const fast = parseCommonYaml(source);
        assert.ok(fast, `${name}: expected the fast parser to answer`);
        assert.deepEqual(fast.data, yamlData(source), name);
    }
});

// Texts left to `yaml`: what the fast parser does not answer for, and what would read differently.
const LEFT_TO_YAML: Record<string, string> = {
    'a tag': yaml('a: !!str 12'),
    'an anchor': yaml('a: &x 1'),
    'an alias and a merge key': yaml('a: &x { b: 1 }', 'c:', '  <<: *x'),
    'a merge key alone': yaml('c:', '  <<: { b: 1 }'),
    'a directive': yaml('%YAML 1.1', '---', 'a: yes'),
    'two documents': yaml('a: 1', '---', 'b: 2'),
    'a number as a key': yaml('200: ok'),
    'a null key (yaml names it "", js-yaml "null")': yaml('~: x'),
    'a boolean key': yaml('true: x'),
    'a collection as a key': yaml('[a]: x'),
    'a key over 1024 characters': `${'k'.repeat(1100)}: 1\n`,
    'a duplicate key': yaml('a: 1', 'a: 2'),
    'a syntax error': yaml('servers:', '  weather: { command: node', 'tests: []'),
    'a tab as indentation': 'a:\n\tb: 1\n',
    'a list at the top': yaml('- a'),
    'empty text': '',
    'comments only': yaml('# nothing'),
    'a spec over 512 KB (memory)': `name: ${'x'.repeat(512 * 1024)}\n`,
};

test('the fast parser leaves tags, anchors, merges, odd keys and every error to yaml', () => {
    for (const [name, source] of Object.entries(LEFT_TO_YAML)) assert.equal(parseCommonYaml(source), undefined, name);
});

// A spec long enough that locating walks a real tree, then the broken part.
const LONG = [...MINIMAL, '    calls:', ...Array.from({ length: 60 }, (_, i) => `      - { name: "echo ${i}", tool: echo, args: { text: hi } }`)];

// Broken specs (error tests' material); every message must read the same from either parser.
const BROKEN: Record<string, string> = {
    'unknown key': yaml(...LONG, '      - tool: get_alerts', '        expct: { isError: false }'),
    'wrong type': yaml(...LONG, '      - tool: get_alerts', '        args: CA'),
    'unknown server': yaml('servers:', '  weather:', '    command: node', 'tests:', '  - server: weather', '  - server: wether'),
    'command and url': yaml('servers:', '  weather:', '    args: [x]', '  both:', '    command: node', '    url: http://x/mcp', 'tests:', '  - server: weather'),
    'durations and regexes': yaml('servers: {}', 'tests:', '  - server: weather', '    calls:', '      - tool: t', '        timeout: 5 minutes', '        expect: { text: { matches: "(" } }'),
    'missing variable': yaml('servers:', '  weather:', '    command: ${NOPE_NOT_SET}', 'tests:', '  - server: weather'),
    'missing schema file': yaml(...LONG, '      - tool: t', '        expect: { schema: ./missing.json }'),
    'missing import': yaml('servers:', '  $import: ./nowhere.json', 'tests:', '  - server: weather'),
    'empty value': yaml(...MINIMAL, '    calls:', '      - tool: t', '        expect:'),
    'YAML syntax error': yaml('servers:', '  weather: { command: node', 'tests: []'),
    'duplicate key': yaml(...MINIMAL, '    calls:', '      - tool: a', '        tool: b'),
};

// The messages `SpecErrors` carries, as printed.
function messages(load: () => unknown): string[] {
    try {
        load();
    } catch (error) {
        assert.ok(error instanceof SpecErrors, String(error));
        return error.errors.map((e) => e.describe());
    }
    return assert.fail('expected the spec to be rejected');
}

test('spec errors read byte for byte the same from the fast parser as from yaml', async () => {
    for (const [name, source] of Object.entries(BROKEN)) {
        const file = await writeTemp(source);
        const yamlOnly = name === 'YAML syntax error' || name === 'duplicate key';
        assert.equal(parseCommonYaml(source) === undefined, yamlOnly, `${name}: which parser reads it`);
        const fast = messages(() => parseSpec(source, file, {}));
        const slow = messages(() => suiteOf(parseWithYaml(source, file), file, {}, {}));
        assert.deepEqual(fast, slow, name);
        assert.ok(fast.every((m) => m.startsWith(`${file}:`)), `${name}: every message is located`);
    }
});

test("a failing assertion's file:line:col is where yaml locates it", async () => {
    const source = yaml(
        'servers:',
        '  weather:',
        '    command: node',
        `    args: [${JSON.stringify(WEATHER)}]`,
        'tests:',
        '  - server: weather',
        '    calls:',
        '      - { name: passes, tool: echo, args: { text: hi }, expect: { text: hi } }',
        '      - name: fails',
        '        tool: echo',
        '        args: { text: hi }',
        '        expect:',
        '          text: bye',
    );
    const file = await writeTemp(source);
    assert.ok(parseCommonYaml(source), 'the spec is one the fast parser reads');
    const expected = formatLocation(parseWithYaml(source, file).positions.locate(['tests', 0, 'calls', 1, 'expect', 'text']));
    assert.equal(expected, `${file}:13:17`);
    const run = await runCli([file]);
    assert.equal(run.code, 1, run.stderr);
    assert.ok(run.stdout.includes(`${expected}: `), run.stdout);
});

test('a spec read by the fast parser locates on demand, as yaml would', async () => {
    const source = yaml(...LONG);
    const file = await writeTemp(source);
    const fast = parseSpecYaml(source, file);
    const slow = parseWithYaml(source, file);
    for (const path of [['tests', 0, 'calls', 59], ['tests', 0, 'calls', 7, 'args', 'text'], ['servers', 'weather', 'command'], ['nowhere']]) {
        assert.deepEqual(fast.positions.locate(path), slow.positions.locate(path), path.join('.'));
        assert.deepEqual(fast.positions.locateKey(path.slice(0, -1), String(path.at(-1))), slow.positions.locateKey(path.slice(0, -1), String(path.at(-1))));
    }
});
