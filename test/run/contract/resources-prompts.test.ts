/** Resources (listed, templates, read with mimeType/text/json/blobSize) and prompts (listed, get) against the notes fixture. */
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { RunResult } from '../../../src/run/result.js';
import { assertPassed, caseNamed, locate, NOTES, onlyProblem, runSpec, serverEntry, writeSpec, type WrittenSpec } from './support.js';

describe('resources and prompts of the notes fixture', () => {
    let spec: WrittenSpec;
    let result: RunResult;

    before(async () => {
        spec = await writeSpec([
            ...serverEntry('notes', NOTES),
            '    calls:',
            '      - name: create',
            '        tool: add_note',
            '        args: { title: hello }',
            '    resources:',
            '      include: [notes://index, notes://logo, "notes://note/{id}", notes://missing]',
            '      exclude: [notes://secret, notes://note/n-1, notes://readme]',
            '      read:',
            '        - name: index',
            '          uri: notes://index',
            `          expect: { mimeType: application/json, text: '{"count":1,"ids":["n-1"]}', json: { $.count: 1, $.ids: [n-1] } }`,
            '        - name: readme',
            '          uri: notes://readme',
            '          expect: { mimeType: { matches: "^text/" }, text: { startsWith: "Notes server readme" } }',
            '        - name: logo',
            '          uri: notes://logo',
            '          expect: { mimeType: image/png, blobSize: 70 }',
            '        - name: note by template',
            '          uri: notes://note/n-1',
            '          expect: { mimeType: application/json, json: { $.id: n-1, $.title: hello, $.tags: { length: 0 } } }',
            '        - name: wrong blob size',
            '          uri: notes://logo',
            '          expect: { blobSize: { gt: 100 } }',
            '        - name: wrong mimeType',
            '          uri: notes://readme',
            '          expect: { mimeType: application/json }',
            '        - name: text of a blob',
            '          uri: notes://logo',
            '          expect: { text: { contains: PNG } }',
            '        - name: blob size of a text',
            '          uri: notes://readme',
            '          expect: { blobSize: { gte: 0 } }',
            '        - name: json of plain text',
            '          uri: notes://readme',
            '          expect: { json: { $.count: 1 } }',
            '        - name: unknown note',
            '          uri: notes://note/n-9',
            '          expect: { mimeType: application/json }',
            '    prompts:',
            '      include: [summarize, greet, nope]',
            '      exclude: [drop_all]',
            '      get:',
            '        - name: summarize with args',
            '          prompt: summarize',
            '          args: { style: short, length: "50" }',
            '          expect: { messages: { length: 1 }, text: "Summarize all notes in a short style. Use at most 50 words." }',
            '        - name: greet messages',
            '          prompt: greet',
            '          expect:',
            '            messages: [{ role: user, content: { type: text, text: "Hello! What would you like to do with your notes?" } }]',
            '        - name: wrong prompt text',
            '          prompt: summarize',
            '          args: { style: formal }',
            '          expect: { text: { contains: short } }',
            '        - name: wrong message count',
            '          prompt: greet',
            '          expect: { messages: { length: { gte: 2 } } }',
            '        - name: missing required argument',
            '          prompt: summarize',
            '          expect: { messages: { length: 1 } }',
            '        - name: unknown prompt',
            '          prompt: nope',
            '  - server: notes',
            '    prompts:',
            '      exclude: [greet]',
        ]);
        result = await runSpec(spec);
    });

    describe('listing resources', () => {
        it('passes include for listed resources', () => {
            assertPassed(caseNamed(result, 'lists resource notes://index'));
            assertPassed(caseNamed(result, 'lists resource notes://logo'));
        });

        it('counts a template’s uriTemplate as listed', () => {
            assertPassed(caseNamed(result, 'lists resource notes://note/{id}'));
        });

        it('fails include for an unlisted URI, listing what the server has, at the list item', () => {
            const c = caseNamed(result, 'lists resource notes://missing');
            const problem = onlyProblem(c);
            assert.equal(problem.kind, 'contract.include');
            assert.equal(problem.message, 'resource "notes://missing" is not listed; the server lists: notes://index, notes://readme, notes://logo, notes://note/{id}');
            assert.deepEqual(c.loc, locate(spec, 'include: [notes://index', 'notes://missing'));
            assert.equal(c.classname, 'notes.resources');
        });

        it('passes exclude for an unlisted URI, including a concrete URI of a template', () => {
            assertPassed(caseNamed(result, 'does not list resource notes://secret'));
            assertPassed(caseNamed(result, 'does not list resource notes://note/n-1'));
        });

        it('fails exclude for a listed URI', () => {
            const problem = onlyProblem(caseNamed(result, 'does not list resource notes://readme'));
            assert.equal(problem.kind, 'contract.exclude');
            assert.equal(problem.message, 'resource "notes://readme" is listed but must not be');
        });
    });

    describe('reading resources', () => {
        it('checks mimeType, text and json of a JSON resource', () => {
            assertPassed(caseNamed(result, 'index'));
        });

        it('checks mimeType and text matchers of a text resource', () => {
            assertPassed(caseNamed(result, 'readme'));
        });

        it('checks the decoded size of a blob', () => {
            assertPassed(caseNamed(result, 'logo'));
        });

        it('reads a URI of a resource template', () => {
            assertPassed(caseNamed(result, 'note by template'));
        });

        it('fails a blobSize matcher with the decoded size as actual, at the matcher', () => {
            const problem = onlyProblem(caseNamed(result, 'wrong blob size'));
            assert.equal(problem.kind, 'assert.resource');
            assert.equal(problem.message, 'blobSize: expected to be greater than 100');
            assert.equal(problem.actual, 70);
            assert.deepEqual(problem.loc, locate(spec, 'expect: { blobSize: { gt: 100 } }', '100'));
        });

        it('fails a mimeType matcher with the actual type', () => {
            const problem = onlyProblem(caseNamed(result, 'wrong mimeType'));
            assert.equal(problem.message, 'mimeType: expected to equal "application/json"');
            assert.equal(problem.actual, 'text/plain');
            assert.deepEqual(problem.loc, locate(spec, 'expect: { mimeType: application/json }', 'application/json', 'wrong mimeType'));
        });

        it('fails a text matcher on blob contents, saying there is no text', () => {
            const problem = onlyProblem(caseNamed(result, 'text of a blob'));
            assert.equal(problem.message, 'text: expected to contain "PNG", but there is no value');
        });

        it('fails blobSize on text contents, saying there is no blob', () => {
            const problem = onlyProblem(caseNamed(result, 'blob size of a text'));
            assert.equal(problem.message, 'blobSize: expected to be greater than or equal to 0, but there is no value');
        });

        it('fails json on contents that are not JSON, saying so', () => {
            const problem = onlyProblem(caseNamed(result, 'json of plain text'));
            assert.equal(problem.message, '$.count: cannot check: the text contents is not JSON');
        });

        it('fails a read the server answers with a JSON-RPC error, with its code and message', () => {
            const problem = onlyProblem(caseNamed(result, 'unknown note'));
            assert.equal(problem.kind, 'call.rpcError');
            assert.equal(problem.message, 'resources/read notes://note/n-9 was answered with JSON-RPC error -32002: note n-9 not found');
        });
    });

    describe('listing prompts', () => {
        it('passes include for listed prompts', () => {
            assertPassed(caseNamed(result, 'lists prompt summarize'));
            assertPassed(caseNamed(result, 'lists prompt greet'));
        });

        it('fails include for an unlisted prompt, listing the prompts', () => {
            const c = caseNamed(result, 'lists prompt nope');
            assert.equal(onlyProblem(c).message, 'prompt "nope" is not listed; the server lists: summarize, greet');
            assert.equal(c.classname, 'notes.prompts');
        });

        it('passes exclude for an unlisted prompt and fails it for a listed one', () => {
            assertPassed(caseNamed(result, 'does not list prompt drop_all'));
            assert.equal(onlyProblem(caseNamed(result, 'does not list prompt greet')).message, 'prompt "greet" is listed but must not be');
        });
    });

    describe('getting prompts', () => {
        it('passes arguments and checks the messages and their text', () => {
            const c = caseNamed(result, 'summarize with args');
            assertPassed(c);
            assert.equal(c.classname, 'notes.prompts.summarize');
        });

        it('checks the messages array with a bare value (deep equals)', () => {
            assertPassed(caseNamed(result, 'greet messages'));
        });

        it('fails a text matcher with the prompt text as actual, at the matcher', () => {
            const problem = onlyProblem(caseNamed(result, 'wrong prompt text'));
            assert.equal(problem.kind, 'assert.prompt');
            assert.equal(problem.message, 'text: expected to contain "short"');
            assert.equal(problem.actual, 'Summarize all notes in a formal style.');
            assert.deepEqual(problem.loc, locate(spec, 'expect: { text: { contains: short } }', 'short'));
        });

        it('fails a messages matcher with the message count as actual', () => {
            const problem = onlyProblem(caseNamed(result, 'wrong message count'));
            assert.equal(problem.message, 'messages: expected length to be greater than or equal to 2');
            assert.equal(problem.actual, 1);
        });

        it('fails a get without a required argument with the server’s -32602', () => {
            const problem = onlyProblem(caseNamed(result, 'missing required argument'));
            assert.equal(problem.kind, 'call.rpcError');
            assert.match(problem.message, /^prompts\/get summarize was answered with JSON-RPC error -32602: /);
        });

        it('fails a get of an unknown prompt with the server’s JSON-RPC error', () => {
            const problem = onlyProblem(caseNamed(result, 'unknown prompt'));
            assert.match(problem.message, /^prompts\/get nope was answered with JSON-RPC error -?\d+: .*nope/);
        });
    });
});
