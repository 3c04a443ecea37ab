import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LineCounter, parseDocument } from 'yaml';
import { indexDocument } from '../../src/load/position-index.js';
import { SpecPositions } from '../../src/load/positions.js';
import { parseYamlInPieces } from '../../src/load/yaml-stream.js';
import type { SpecPath } from '../../src/load/types.js';

const OPTIONS = { prettyErrors: false, merge: true };

// Enough calls for several batches to be composed apart, in two tests, with the shapes that
// depend on their context: block scalars, comments between items, flow maps, empty values.
function bigSpec(calls: number): string {
    const lines = ['name: big', 'servers:', '  s: { command: node }', 'tests:'];
    for (const t of [0, 1]) {
        lines.push('  - server: s', '    calls:');
        for (let i = 0; i < calls; i += 1) {
            lines.push(`      # call ${i}`, `      - name: "call ${t}.${i}"`, '        tool: echo', `        args: { text: "${i}", n: ${i} }`);
            if (i % 7 === 0) lines.push('        expect:', '          text: |', `            line ${i}`, '            more');
            else if (i % 11 === 0) lines.push('        expect:');
            else lines.push('        expect: { text: hi }');
        }
    }
    return lines.join('\n') + '\n';
}

function wholeParse(source: string): { data: unknown; positions: SpecPositions } {
    const lineCounter = new LineCounter();
    const doc = parseDocument(source, { ...OPTIONS, lineCounter });
    return { data: doc.toJS(), positions: new SpecPositions(indexDocument(doc), lineCounter, 'f.yaml') };
}

test('a spec parsed in pieces has the data and locations of the whole parse', () => {
    const source = bigSpec(1500);
    const lineCounter = new LineCounter();
    const streamed = parseYamlInPieces(source, lineCounter, OPTIONS);
    assert.ok(streamed, 'the spec parses in pieces');
    const whole = wholeParse(source);
    assert.deepEqual(streamed.data, whole.data);
    const positions = new SpecPositions(streamed.index, lineCounter, 'f.yaml');
    const paths: SpecPath[] = [[], ['servers', 's'], ['tests', 1], ['tests', 1, 'calls'], ['tests', 9]];
    for (const i of [0, 1, 7, 11, 700, 1499, 1500]) {
        for (const t of [0, 1]) {
            const call = ['tests', t, 'calls', i];
            paths.push(call, [...call, 'args', 'n'], [...call, 'expect'], [...call, 'expect', 'text'], [...call, 'nope', 'x']);
        }
    }
    for (const path of paths) {
        assert.deepEqual(positions.locate(path), whole.positions.locate(path), `locate ${JSON.stringify(path)}`);
        assert.deepEqual(positions.locateKey(path, 'tool'), whole.positions.locateKey(path, 'tool'), `locateKey ${JSON.stringify(path)}`);
    }
});

test('a spec whose items are linked by anchors is left to the whole parse', () => {
    const source = bigSpec(1500).replace('      - name: "call 0.3"', '      - &third\n        name: "call 0.3"') + 'again: *third\n';
    assert.equal(parseYamlInPieces(source, new LineCounter(), OPTIONS), undefined);
});

test('a spec with an error is left to the whole parse', () => {
    const source = bigSpec(1500).replace('        tool: echo\n', '        tool: echo\n        tool: twice\n');
    assert.equal(parseYamlInPieces(source, new LineCounter(), OPTIONS), undefined);
});
