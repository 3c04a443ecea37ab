/**
 * Resources and prompts of `@modelcontextprotocol/server-everything` over stdio: the contract
 * language against a server we did not write. Names, URIs and texts are those it serves.
 */
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { RunResult } from '../../../src/run/result.js';
import { EVERYTHING } from '../../helpers/servers.js';
import { assertPassed, caseNamed, locate, onlyProblem, runSpec, serverEntry, statuses, writeSpec, type WrittenSpec } from './support.js';

const DOC = 'demo://resource/static/document/architecture.md';

describe('resources and prompts of server-everything over stdio', () => {
    let spec: WrittenSpec;
    let result: RunResult;

    before(async () => {
        spec = await writeSpec([
            ...serverEntry('everything', EVERYTHING),
            '    resources:',
            `      include: [${DOC}, "demo://resource/dynamic/text/{resourceId}", "demo://resource/dynamic/blob/{resourceId}"]`,
            '      exclude: [demo://resource/static/document/secrets.md]',
            '      read:',
            '        - name: architecture document',
            `          uri: ${DOC}`,
            '          expect: { mimeType: text/markdown, text: { startsWith: "# Everything Server" } }',
            '        - name: dynamic text resource',
            '          uri: demo://resource/dynamic/text/1',
            '          expect: { mimeType: text/plain, text: { matches: "^Resource 1: This is a plaintext resource" } }',
            '        - name: dynamic blob resource',
            '          uri: demo://resource/dynamic/blob/1',
            '          expect: { blobSize: { gt: 20 }, text: { exists: false } }',
            '        - name: wrong document type',
            `          uri: ${DOC}`,
            '          expect: { mimeType: text/plain }',
            '    prompts:',
            '      include: [simple-prompt, args-prompt, resource-prompt]',
            '      exclude: [no-such-prompt]',
            '      get:',
            '        - name: simple prompt',
            '          prompt: simple-prompt',
            '          expect: { messages: { length: 1 }, text: "This is a simple prompt without arguments." }',
            '        - name: prompt with both arguments',
            '          prompt: args-prompt',
            '          args: { city: Paris, state: TX }',
            `          expect: { text: "What's weather in Paris, TX?" }`,
            '        - name: prompt without its optional argument',
            '          prompt: args-prompt',
            '          args: { city: Paris }',
            `          expect: { text: "What's weather in Paris?" }`,
            '        - name: prompt with an embedded resource',
            '          prompt: resource-prompt',
            '          args: { resourceType: Text, resourceId: "2" }',
            '          expect:',
            '            messages: { length: 2 }',
            '            text: { startsWith: "This prompt includes the Text resource with id: 2", not: { contains: "Resource 2:" } }',
            '        - name: wrong prompt text',
            '          prompt: simple-prompt',
            '          expect: { text: { contains: weather } }',
        ]);
        result = await runSpec(spec);
    });

    it('lists static resources and counts both templates as listed', () => {
        for (const uri of [DOC, 'demo://resource/dynamic/text/{resourceId}', 'demo://resource/dynamic/blob/{resourceId}']) {
            assertPassed(caseNamed(result, `lists resource ${uri}`));
        }
    });

    it('passes exclude for a URI it does not list', () => {
        assertPassed(caseNamed(result, 'does not list resource demo://resource/static/document/secrets.md'));
    });

    it('reads a markdown document with mimeType and text matchers', () => {
        assertPassed(caseNamed(result, 'architecture document'));
    });

    it('reads a resource of the text template', () => {
        assertPassed(caseNamed(result, 'dynamic text resource'));
    });

    it('reads a resource of the blob template, checking its decoded size', () => {
        assertPassed(caseNamed(result, 'dynamic blob resource'));
    });

    it('fails a wrong mimeType with the actual one, at the matcher', () => {
        const problem = onlyProblem(caseNamed(result, 'wrong document type'));
        assert.equal(problem.message, 'mimeType: expected to equal "text/plain"');
        assert.equal(problem.actual, 'text/markdown');
        assert.deepEqual(problem.loc, locate(spec, 'expect: { mimeType: text/plain }', 'text/plain'));
    });

    it('lists its prompts and not others', () => {
        for (const name of ['simple-prompt', 'args-prompt', 'resource-prompt']) assertPassed(caseNamed(result, `lists prompt ${name}`));
        assertPassed(caseNamed(result, 'does not list prompt no-such-prompt'));
    });

    it('gets a prompt without arguments', () => {
        assertPassed(caseNamed(result, 'simple prompt'));
    });

    it('gets a prompt with arguments, and without its optional one', () => {
        assertPassed(caseNamed(result, 'prompt with both arguments'));
        assertPassed(caseNamed(result, 'prompt without its optional argument'));
    });

    it('counts every message but takes text only from text content', () => {
        assertPassed(caseNamed(result, 'prompt with an embedded resource'));
    });

    it('fails a prompt text matcher with the prompt’s text', () => {
        const problem = onlyProblem(caseNamed(result, 'wrong prompt text'));
        assert.equal(problem.message, 'text: expected to contain "weather"');
        assert.equal(problem.actual, 'This is a simple prompt without arguments.');
    });

    it('runs every planned check', () => {
        assert.equal(result.totals.errored, 0, statuses(result));
        assert.equal(result.totals.skipped, 0, statuses(result));
        assert.equal(result.totals.failed, 2, statuses(result));
    });
});
