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
