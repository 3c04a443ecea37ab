/**
 * Captures: a value taken from one result with JSONPath flows into later calls' arguments,
 * resource URIs and prompt arguments; a capture that finds nothing fails its call, and what
 * uses it errors with `capture NAME is undefined`.
 */
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { RunResult } from '../../../src/run/result.js';
import { assertPassed, caseNamed, errorOf, locate, NOTES, onlyProblem, runSpec, runSpecCli, serverEntry, writeSpec, type WrittenSpec } from './support.js';

describe('captures against the notes fixture', () => {
    let spec: WrittenSpec;
    let result: RunResult;

    before(async () => {
        spec = await writeSpec([
            ...serverEntry('notes', NOTES),
            '    calls:',
            '      - name: create',
            '        tool: add_note',
            '        args: { title: hello }',
            '        capture: { noteId: "$.structuredContent.id", noteTitle: "$.structuredContent.title" }',
            '      - name: get by captured id',
            '        tool: get_note',
            '        args: { id: "${{ captures.noteId }}" }',
            '        expect:',
            '          json: { $.id: n-1, $.title: hello }',
            '      - name: captured value inside a longer string',
            '        tool: add_note',
            '        args: { title: "copy of ${{ captures.noteTitle }} (${{ captures.noteId }})" }',
            '        expect:',
            '          json: { $.title: "copy of hello (n-1)" }',
            '      - name: count',
            '        tool: list_notes',
            '        capture: { count: "$.structuredContent.count" }',
            '      - name: a whole-string reference keeps a number a number',
            '        tool: slow',
            '        args: { ms: "${{ captures.count }}" }',
            '        expect: { text: done }',
            '      - name: captured value in an equals matcher',
            '        tool: get_note',
            '        args: { id: "${{ captures.noteId }}" }',
            '        expect: { json: { $.id: "${{ captures.noteId }}" } }',
            '      - name: captured value in a matches pattern',
            '        tool: get_note',
            '        args: { id: "${{ captures.noteId }}" }',
            '        expect: { json: { $.id: { matches: "^${{ captures.noteId }}$" } } }',
            '      - name: capture finds nothing',
            '        tool: add_note',
            '        args: { title: orphan }',
            '        capture: { missingId: "$.structuredContent.nope" }',
            '      - name: call with the missing capture',
            '        tool: get_note',
            '        args: { id: "${{ captures.missingId }}" }',
            '      - name: failing call that captures',
            '        tool: get_note',
            '        args: { id: n-99 }',
            '        capture: { ghostId: "$.structuredContent.id" }',
            '      - name: call with a capture of a failed call',
            '        tool: get_note',
            '        args: { id: "${{ captures.ghostId }}" }',
            '      - name: call with a capture nobody sets',
            '        tool: get_note',
            '        args: { id: "${{ captures.neverSet }}" }',
            '    resources:',
            '      read:',
            '        - name: read by captured id',
            '          uri: "notes://note/${{ captures.noteId }}"',
            '          expect: { mimeType: application/json, json: { $.id: n-1, $.title: hello } }',
            '        - name: read that captures',
            '          uri: notes://index',
            '          capture: { indexType: "$.contents[0].mimeType" }',
            '        - name: read with the missing capture',
            '          uri: "notes://note/${{ captures.missingId }}"',
            '    prompts:',
            '      get:',
            '        - name: prompt with captured args',
            '          prompt: summarize',
            '          args: { style: "${{ captures.noteTitle }}", length: "${{ captures.count }}" }',
            '          expect: { text: "Summarize all notes in a hello style. Use at most 2 words." }',
            '        - name: prompt with a capture from a read',
            '          prompt: summarize',
            '          args: { style: "${{ captures.indexType }}" }',
            '          expect: { text: "Summarize all notes in a application/json style." }',
            '        - name: prompt with the missing capture',
            '          prompt: summarize',
            '          args: { style: "${{ captures.missingId }}" }',
        ]);
        result = await runSpec(spec);
    });

    it('passes the call that captures', () => {
        assertPassed(caseNamed(result, 'create'));
    });

    it('puts a captured id into a later call’s arguments', () => {
        assertPassed(caseNamed(result, 'get by captured id'));
    });

    it('writes captured values into a longer string as text', () => {
        assertPassed(caseNamed(result, 'captured value inside a longer string'));
    });

    it('passes a captured number as a number when the argument is only the reference', () => {
        // The Ajv pre-check would reject a string for `ms: number`.
        assertPassed(caseNamed(result, 'a whole-string reference keeps a number a number'));
    });

    it('puts a captured id into a resource URI', () => {
        assertPassed(caseNamed(result, 'read by captured id'));
    });

    it('puts captured values into prompt arguments, as strings', () => {
        assertPassed(caseNamed(result, 'prompt with captured args'));
    });

    it('takes a capture from a resource read for a later prompt', () => {
        assertPassed(caseNamed(result, 'read that captures'));
        assertPassed(caseNamed(result, 'prompt with a capture from a read'));
    });

    it(
        'puts a captured value into an expectation',
        () => {
            assertPassed(caseNamed(result, 'captured value in an equals matcher'));
        },
    );

    it(
        'does not turn a `matches` pattern holding a capture into an internal error',
        () => {
            const c = caseNamed(result, 'captured value in a matches pattern');
            assert.ok(!(c.status === 'errored' && c.error.kind === 'runtime.internal'), c.status === 'errored' ? c.error.message : '');
            assertPassed(c);
        },
    );

    it('fails the call whose capture finds nothing, naming the capture and the path', () => {
        const problem = onlyProblem(caseNamed(result, 'capture finds nothing'));
        assert.equal(problem.kind, 'assert.capture');
        assert.equal(problem.message, 'capture missingId: $.structuredContent.nope matched nothing in the result');
    });

    it('errors a later call that uses a capture that found nothing, at its args', () => {
        const error = errorOf(caseNamed(result, 'call with the missing capture'));
        assert.equal(error.kind, 'runtime.capture');
        assert.match(error.message, /^capture missingId is undefined/);
        assert.deepEqual(error.loc, locate(spec, 'args: { id: "${{ captures.missingId }}" }', '{'));
    });

    it(
        'says why a capture that found nothing is undefined',
        () => {
            const error = errorOf(caseNamed(result, 'call with the missing capture'));
            assert.match(error.message, /\$\.structuredContent\.nope matched nothing/);
        },
    );

    it('errors a later resource read that uses it, at its uri', () => {
        const error = errorOf(caseNamed(result, 'read with the missing capture'));
        assert.match(error.message, /^capture missingId is undefined/);
        assert.deepEqual(error.loc, locate(spec, 'uri: "notes://note/${{ captures.missingId }}"', '"notes'));
    });

    it('errors a later prompt get that uses it, at its args', () => {
        const error = errorOf(caseNamed(result, 'prompt with the missing capture'));
        assert.match(error.message, /^capture missingId is undefined/);
        assert.deepEqual(error.loc, locate(spec, 'args: { style: "${{ captures.missingId }}" }', '{'));
    });

    it('errors a call that uses the capture of a call that failed, naming that call', () => {
        const error = errorOf(caseNamed(result, 'call with a capture of a failed call'));
        assert.equal(error.message, 'capture ghostId is undefined: "failing call that captures", which sets it, did not pass');
    });

    it('errors a call that uses a capture no earlier check sets', () => {
        const error = errorOf(caseNamed(result, 'call with a capture nobody sets'));
        assert.equal(error.message, 'capture neverSet is undefined: no earlier check on this server captures it');
    });
});

describe('captures and --grep', () => {
    it('a check that needs the capture of a check --grep did not select says so', async () => {
        const spec = await writeSpec([
            ...serverEntry('notes', NOTES),
            '    calls:',
            '      - name: create',
            '        tool: add_note',
            '        args: { title: hello }',
            '        capture: { noteId: "$.structuredContent.id" }',
            '      - name: get by captured id',
            '        tool: get_note',
            '        args: { id: "${{ captures.noteId }}" }',
        ]);
        const { run } = await runSpecCli(spec, ['--grep', 'get by']);
        assert.equal(run.code, 1, run.stdout);
        assert.match(run.stdout, /- create skipped: not selected by --grep get by/);
        assert.match(run.stdout, /capture noteId is undefined: "create", which sets it, was skipped \(not selected by --grep get by\)/);
    });
});
