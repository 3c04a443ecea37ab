/**
 * Negative calls (`rejects: true`): the arguments are sent as written; a JSON-RPC error or an
 * `isError` result passes, a server that accepts them fails. Without `rejects`, the same bad
 * arguments are stopped by the Ajv pre-check. Run through the CLI, as users see it.
 */
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { consoleBlock, junitCase, NOTES, runSpecCli, serverEntry, where, writeSpec, type CliOutcome, type WrittenSpec } from './support.js';

describe('negative calls against the notes fixture, through the CLI', () => {
    let spec: WrittenSpec;
    let cli: CliOutcome;

    before(async () => {
        spec = await writeSpec([
            ...serverEntry('notes', NOTES),
            '    calls:',
            '      - name: rejected with a JSON-RPC error',
            '        tool: strict_add',
            '        args: { title: 42 }',
            '        expect: { rejects: true }',
            '      - name: rejected with a tool error',
            '        tool: add_note',
            '        args: { title: "" }',
            '        expect: { rejects: true }',
            '      - name: accepted although invalid',
            '        tool: lenient_add',
            '        args: { title: 42 }',
            '        expect: { rejects: true }',
            '      - name: invalid without rejects',
            '        tool: lenient_add',
            '        args: { title: 42 }',
            '      - name: nothing was stored',
            '        tool: list_notes',
            '        expect: { json: { $.count: 0 } }',
        ]);
        cli = await runSpecCli(spec);
    });

    it('passes when the server answers with JSON-RPC -32602', () => {
        const block = consoleBlock(cli.run.stdout, 'rejected with a JSON-RPC error');
        assert.match(block[0]!, /^ {2}✓ /);
        assert.equal(junitCase(cli.junit, 'rejected with a JSON-RPC error').failure, undefined);
    });

    it('says which JSON-RPC error rejected it, in the console and in JUnit system-out', () => {
        const note = 'tools/call strict_add was answered with JSON-RPC error -32602: strict_add: title must be a string, got number';
        assert.deepEqual(consoleBlock(cli.run.stdout, 'rejected with a JSON-RPC error').slice(1), [`      ${note}`]);
        assert.equal(junitCase(cli.junit, 'rejected with a JSON-RPC error').systemOut, note);
    });

    it('passes when the server answers with an isError result', () => {
        const block = consoleBlock(cli.run.stdout, 'rejected with a tool error');
        assert.match(block[0]!, /^ {2}✓ /);
        const tc = junitCase(cli.junit, 'rejected with a tool error', 'notes.add_note');
        assert.equal(tc.failure, undefined);
        assert.equal(tc.error, undefined);
    });

    it('fails when the server accepts the arguments, pointing at `rejects`', () => {
        const block = consoleBlock(cli.run.stdout, 'accepted although invalid');
        assert.match(block[0]!, /^ {2}✗ /);
        assert.equal(block[1], `      ${where(spec, 'expect: { rejects: true }', 'true', 'accepted although invalid')}: expected the server to reject the arguments, but it accepted them`);
        assert.match(block.join('\n'), /actual: .*accepted \{\\"title\\":42\}/);
    });

    it('reports the accepted negative call as a JUnit failure of kind assert.rejects', () => {
        const tc = junitCase(cli.junit, 'accepted although invalid', 'notes.lenient_add');
        assert.equal(tc.failure?.attrs.type, 'assert.rejects');
        assert.equal(tc.failure?.attrs.message, 'expected the server to reject the arguments, but it accepted them');
    });

    it('without rejects, fails the same arguments before sending them, listing the schema errors', () => {
        const block = consoleBlock(cli.run.stdout, 'invalid without rejects');
        assert.match(block[0]!, /^ {2}✗ /);
        assert.equal(
            block[1],
            `      ${where(spec, 'args: { title: 42 }', '{', 'invalid without rejects')}: arguments do not match the tool's inputSchema; the call was not sent`,
        );
        assert.ok(block.includes('        - /title: must be string'), block.join('\n'));
        assert.equal(junitCase(cli.junit, 'invalid without rejects').failure?.attrs.type, 'args.invalid');
    });

    it('leaves no note behind after the rejected calls', () => {
        assert.match(consoleBlock(cli.run.stdout, 'nothing was stored')[0]!, /^ {2}✓ /);
    });

    it('exits 1 because one negative call was accepted and one call had invalid arguments', () => {
        assert.equal(cli.run.code, 1);
        assert.match(cli.run.stdout, /Tests: 3 passed, 2 failed, 0 errored, 0 skipped \(5 total\)/);
    });
});
