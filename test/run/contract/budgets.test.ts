/**
 * Latency budgets: `expect.maxDuration` per call and `defaults.maxDuration` per test entry.
 * The notes `slow` tool sleeps `ms`; 300 ms against 50 ms is always over, against 10 s always
 * within. Nothing here asserts how fast anything is, only what the report says about it.
 */
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { consoleBlock, escapeRegExp, junitCase, NOTES, runSpecCli, serverEntry, where, writeSpec, type CliOutcome, type WrittenSpec } from './support.js';

/** The `(N ms…)` of a console status line. */
function consoleMs(line: string): number {
    const m = /\((\d+) ms[,)]/.exec(line);
    assert.ok(m, `no duration in ${JSON.stringify(line)}`);
    return Number(m[1]);
}

describe('latency budgets against the notes fixture, through the CLI', () => {
    let spec: WrittenSpec;
    let cli: CliOutcome;

    before(async () => {
        spec = await writeSpec([
            ...serverEntry('notes', NOTES),
            '    calls:',
            '      - name: over its own budget',
            '        tool: slow',
            '        args: { ms: 300 }',
            '        expect: { text: done, maxDuration: 50ms }',
            '      - name: within its own budget',
            '        tool: slow',
            '        args: { ms: 300 }',
            '        expect: { text: done, maxDuration: 10s }',
            '  - server: notes',
            '    defaults: { maxDuration: 50ms }',
            '    calls:',
            '      - name: over the default budget',
            '        tool: slow',
            '        args: { ms: 300 }',
            '      - name: own budget overrides the default',
            '        tool: slow',
            '        args: { ms: 300 }',
            '        expect: { maxDuration: 10s }',
            '  - server: notes',
            '    defaults: { maxDuration: 10s }',
            '    calls:',
            '      - name: within a generous default budget',
            '        tool: slow',
            '        args: { ms: 300 }',
            '    resources:',
            '      read:',
            '        - name: a read within the default budget',
            '          uri: notes://readme',
            '    prompts:',
            '      get:',
            '        - name: a get within the default budget',
            '          prompt: greet',
        ]);
        cli = await runSpecCli(spec);
    });

    it('fails a call over its own budget, saying how long it took, at its maxDuration', () => {
        const block = consoleBlock(cli.run.stdout, 'over its own budget');
        assert.match(block[0]!, /^ {2}✗ /);
        const m = new RegExp(`^ {6}${escapeRegExp(where(spec, 'maxDuration: 50ms', '50ms'))}: took (\\d+) ms, over its budget of 50 ms$`).exec(block[1]!);
        assert.ok(m, block.join('\n'));
        assert.ok(Number(m[1]) >= 300, `took ${m[1]} ms for a 300 ms sleep`);
        assert.equal(block[2], '        expected: "≤ 50 ms"');
        assert.equal(block[3], `        actual:   "${m[1]} ms"`);
    });

    it('reports the budget failure in JUnit as assert.maxDuration', () => {
        const tc = junitCase(cli.junit, 'over its own budget');
        assert.equal(tc.failure?.attrs.type, 'assert.maxDuration');
        assert.match(tc.failure?.attrs.message ?? '', /^took \d+ ms, over its budget of 50 ms$/);
    });

    it('passes a call within its own budget', () => {
        assert.match(consoleBlock(cli.run.stdout, 'within its own budget')[0]!, /^ {2}✓ /);
    });

    it('fails a call over the test entry’s default budget, pointing at defaults.maxDuration', () => {
        const block = consoleBlock(cli.run.stdout, 'over the default budget');
        assert.match(block[0]!, /^ {2}✗ /);
        assert.match(block[1]!, new RegExp(`^ {6}${escapeRegExp(where(spec, 'defaults: { maxDuration: 50ms }', '50ms'))}: took \\d+ ms, over its budget of 50 ms$`));
    });

    it('lets a call’s own budget override the default', () => {
        assert.match(consoleBlock(cli.run.stdout, 'own budget overrides the default')[0]!, /^ {2}✓ /);
    });

    it('passes calls, reads and gets within a generous default budget', () => {
        for (const name of ['within a generous default budget', 'a read within the default budget', 'a get within the default budget']) {
            assert.match(consoleBlock(cli.run.stdout, name)[0]!, /^ {2}✓ /, name);
        }
    });

    it('shows the measured duration on the console line and as the JUnit time', () => {
        for (const name of ['over its own budget', 'within its own budget', 'over the default budget']) {
            const ms = consoleMs(consoleBlock(cli.run.stdout, name)[0]!);
            assert.ok(ms >= 300, `${name}: ${ms} ms for a 300 ms sleep`);
            assert.equal(junitCase(cli.junit, name).attrs.time, String(Number((ms / 1000).toFixed(3))), name);
        }
    });

    it('exits 1 when a budget is exceeded', () => {
        assert.equal(cli.run.code, 1);
    });
});
