import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CommandNeutraliser } from '../../src/report/output-guard.js';

test('a command split across writes is still broken', () => {
    const guard = new CommandNeutraliser();
    const out = ['ok\n  :', ':add-mask::x\n#', '#', '[error]y\n'].map((t) => guard.transform(t)).join('');
    assert.equal(out, 'ok\n  :\\u003aadd-mask::x\n##\\u005berror]y\n');
});

test('text without command syntax passes unchanged', () => {
    const guard = new CommandNeutraliser();
    const text = 'a: b\n  key: value :: not at a line start\n# heading [x]\n';
    assert.equal(guard.transform(text), text);
});

test('any split of a text into writes gives what the whole text gives, character by character', () => {
    // The rule, one character at a time: the oracle for the guard's shortcuts over whole writes.
    const oracle = (text: string): string => {
        let [blank, colon, hashes, out] = [true, false, 0, ''];
        for (const ch of text) {
            if ((ch === ':' && colon) || (ch === '[' && hashes >= 2)) {
                out += `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`;
                [blank, colon, hashes] = [false, false, 0];
                continue;
            }
            out += ch;
            hashes = ch === '#' ? hashes + 1 : 0;
            if (ch === '\n') [blank, colon] = [true, false];
            else if (ch === ' ') colon = false;
            else [colon, blank] = [blank && ch === ':', false];
        }
        return out;
    };
    let seed = 7;
    const random = (n: number) => (seed = (seed * 1103515245 + 12345) % 2 ** 31) % n;
    for (let round = 0; round < 2000; round++) {
        const text = Array.from({ length: 1 + random(24) }, () => ':#[ \na'[random(6)]).join('');
        const cuts = [...new Set(Array.from({ length: random(4) }, () => random(text.length)))].sort((a, b) => a - b);
        const pieces = [0, ...cuts].map((start, i, all) => text.slice(start, all[i + 1] ?? text.length));
        const guard = new CommandNeutraliser();
        assert.equal(pieces.map((p) => guard.transform(p)).join(''), oracle(text), JSON.stringify(pieces));
    }
});
