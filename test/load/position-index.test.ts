/** The position index answers for aliases the way the YAML library resolves them. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LineCounter, parseDocument } from 'yaml';
import { indexDocument } from '../../src/load/position-index.js';
import { SpecPositions } from '../../src/load/positions.js';

function positionsOf(source: string): SpecPositions {
    const lineCounter = new LineCounter();
    const doc = parseDocument(source, { lineCounter, merge: true });
    return new SpecPositions(indexDocument(doc), lineCounter, 'f.yaml');
}

test('an alias locates through the last anchor of its name written before it', () => {
    const positions = positionsOf(['a: &x { k: 1 }', 'b: *x', 'c: &x', '  k: 2', 'd: *x', ''].join('\n'));
    assert.deepEqual(positions.locate(['b', 'k']), { file: 'f.yaml', line: 1, col: 12 });
    assert.deepEqual(positions.locate(['d', 'k']), { file: 'f.yaml', line: 4, col: 6 });
});
