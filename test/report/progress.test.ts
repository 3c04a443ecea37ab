/** Live progress: only on a terminal and never under CI; one line, rewritten in place. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { PassThrough } from 'node:stream';
import { ProgressReporter, wantsProgress } from '../../src/report/progress.js';
import type { CaseResult } from '../../src/run/result.js';

function terminal(): PassThrough & { isTTY: boolean; columns: number; text(): string } {
    const stream = Object.assign(new PassThrough(), { isTTY: true, columns: 80 });
    let out = '';
    stream.on('data', (d: Buffer) => (out += d.toString()));
    return Object.assign(stream, { text: () => out });
}

describe('live progress', () => {
    it('is shown on a terminal outside CI', () => {
        assert.equal(wantsProgress({ isTTY: true } as never, {}), true);
    });

    it('is not shown under CI=true or when stderr is not a terminal', () => {
        assert.equal(wantsProgress({ isTTY: true } as never, { CI: 'true' }), false);
        assert.equal(wantsProgress({ isTTY: false } as never, {}), false);
    });

    it('counts checks done out of planned and clears its line before suites print', () => {
        const tty = terminal();
        const progress = new ProgressReporter(tty);
        progress.onRunStart({ total: 3, servers: ['weather'] });
        progress.onCaseEnd({ server: 'weather', name: 'alerts for California' } as CaseResult);
        progress.onSuiteEnd();
        const text = tty.text();
        assert.match(text, /connecting to 1 server…/);
        assert.match(text, /\[1\/3\] weather: alerts for California/);
        assert.ok(text.endsWith('\r\x1b[2K'), 'the line is cleared');
    });
});
