/**
 * `retry`: the notes `search` is eventually consistent (a note shows from the 3rd search after
 * it was added), so a spec needs retries. Through the CLI: the console shows the attempt count,
 * JUnit has `attempts: N` in system-out, and a retry that never passes reports its last failure.
 */
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { consoleBlock, junitCase, NOTES, runSpecCli, serverEntry, where, writeSpec, type CliOutcome, type WrittenSpec } from './support.js';

describe('retries against the notes fixture, through the CLI', () => {
    let spec: WrittenSpec;
    let cli: CliOutcome;

    before(async () => {
        spec = await writeSpec([
            ...serverEntry('notes', NOTES),
            '    calls:',
            '      - name: add alpha',
            '        tool: add_note',
            '        args: { title: alpha }',
            '      - name: search until found',
            '        tool: search',
            '        args: { q: alpha }',
            '        retry: { count: 5, interval: 20ms }',
            '        expect: { json: { $.count: { gte: 1 } }, text: { startsWith: Found } }',
            '      - name: add beta',
            '        tool: add_note',
            '        args: { title: beta }',
            '      - name: never enough',
            '        tool: search',
            '        args: { q: beta }',
            '        retry: { count: 2, interval: 10ms }',
            '        expect: { json: { $.count: 5 } }',
            '      - name: passes at once',
            '        tool: list_notes',
            '        retry: { count: 3, interval: 10ms }',
            '        expect: { json: { $.count: 2 } }',
            '      - name: add gamma',
            '        tool: add_note',
            '        args: { title: gamma }',
            '      - name: search without retry',
            '        tool: search',
            '        args: { q: gamma }',
            '        expect: { json: { $.count: { gte: 1 } } }',
            '      - name: errored is not retried',
            '        tool: get_note',
            '        args: { id: "${{ captures.nothing }}" }',
            '        retry: { count: 3, interval: 10ms }',
        ]);
        cli = await runSpecCli(spec);
    });

    it('passes the eventually consistent search on its 3rd attempt, and the console says so', () => {
        const [line] = consoleBlock(cli.run.stdout, 'search until found');
        assert.match(line!, /^ {2}✓ search until found \(\d+ ms, 3 attempts\)$/);
    });

    it('writes the attempt count of a passed retry to JUnit system-out', () => {
        const tc = junitCase(cli.junit, 'search until found');
        assert.equal(tc.failure, undefined);
        assert.equal(tc.systemOut, 'attempts: 3');
    });

    it('fails a retry that never passes with the attempt count', () => {
        const [line] = consoleBlock(cli.run.stdout, 'never enough');
        assert.match(line!, /^ {2}✗ never enough \(\d+ ms, 3 attempts\)$/);
    });

    it('reports the last attempt’s failure (the note had become visible: count 1, not 0)', () => {
        const block = consoleBlock(cli.run.stdout, 'never enough');
        assert.deepEqual(block.slice(1), [
            `      ${where(spec, 'expect: { json: { $.count: 5 } }', '5')}: $.count: expected to equal 5`,
            '        expected: 5',
            '        actual:   1',
        ]);
    });

    it('writes the attempt count of a failed retry to JUnit system-out, beside the failure', () => {
        const tc = junitCase(cli.junit, 'never enough');
        assert.equal(tc.failure?.attrs.message, '$.count: expected to equal 5');
        assert.equal(tc.systemOut, 'attempts: 3');
    });

    it('shows no attempt count for a call that passes at once', () => {
        assert.match(consoleBlock(cli.run.stdout, 'passes at once')[0]!, /^ {2}✓ passes at once \(\d+ ms\)$/);
        assert.equal(junitCase(cli.junit, 'passes at once').systemOut, undefined);
    });

    it('fails the eventually consistent search without retry', () => {
        assert.match(consoleBlock(cli.run.stdout, 'search without retry')[0]!, /^ {2}✗ search without retry \(\d+ ms\)$/);
    });

    it('does not retry a check that errored for a reason retrying cannot fix', () => {
        const block = consoleBlock(cli.run.stdout, 'errored is not retried');
        assert.match(block[0]!, /^ {2}! errored is not retried \[error\] \(\d+ ms\)$/);
        assert.match(block[1]!, /capture nothing is undefined/);
    });
});
