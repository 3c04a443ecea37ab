/**
 * Matchers, JSONPath and content checks in a real run against the notes fixture: what a user
 * sees is the case status, the message, expected/actual, and the `file:line:col` of the
 * matcher that failed.
 */
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { RunResult } from '../../../src/run/result.js';
import { assertPassed, caseNamed, locate, NOTES, onlyProblem, problemsOf, runSpec, serverEntry, writeSpec, type WrittenSpec } from './support.js';

describe('assertions in a run against the notes fixture', () => {
    let spec: WrittenSpec;
    let result: RunResult;

    before(async () => {
        spec = await writeSpec([
            ...serverEntry('notes', NOTES),
            '    calls:',
            '      - name: first note',
            '        tool: add_note',
            '        args: { title: hello, tags: [a, b] }',
            '        expect:',
            '          text: { startsWith: Created, endsWith: hello }',
            '          json:',
            '            $.title: hello',
            '            $.tags: [a, b]',
            '            $.id: { type: string, matches: "^n-\\\\d+$", length: 3 }',
            '            $.createdAt: { gt: "2025-01-01T00:00:00.000Z", lt: "2025-01-02" }',
            '            $.deleted: { exists: false }',
            '          content:',
            '            - { type: text, text: { contains: "note n-1" } }',
            '      - name: second note',
            '        tool: add_note',
            '        args: { title: world }',
            '      - name: lists with wildcard and filter',
            '        tool: list_notes',
            '        expect:',
            '          json:',
            '            $.count: { gte: 2, lt: 100, type: integer }',
            '            $.notes[*].title: [hello, world]',
            '            $.notes[?(@.title == "world")].id: [n-2]',
            '            $.notes[*].tags: { contains: [] }',
            '            $.notes: { all: [{ length: 2 }, { not: { length: 0 } }] }',
            '            $.notes[0]: { title: hello, id: n-1, tags: [a, b], createdAt: "2025-01-01T00:01:00.000Z" }',
            '      - name: wrong title',
            '        tool: get_note',
            '        args: { id: n-1 }',
            '        expect:',
            '          json:',
            '            $.title: goodbye',
            '      - name: one of several keys fails',
            '        tool: get_note',
            '        args: { id: n-1 }',
            '        expect:',
            '          json:',
            '            $.id: { type: string, startsWith: n-, length: { gt: 10 } }',
            '      - name: path matches nothing',
            '        tool: get_note',
            '        args: { id: n-1 }',
            '        expect:',
            '          json:',
            '            $.author: { type: string }',
            '      - name: filter matches nothing',
            '        tool: list_notes',
            '        expect:',
            '          json:',
            '            $.notes[?(@.title == "nobody")]: { length: 0 }',
            '      - name: filter matches nothing, allowed',
            '        tool: list_notes',
            '        expect:',
            '          json:',
            '            $.notes[?(@.title == "nobody")]: { exists: false }',
            '      - name: a present key must not exist',
            '        tool: get_note',
            '        args: { id: n-1 }',
            '        expect:',
            '          json:',
            '            $.tags: { exists: false }',
            '      - name: several failures in one call',
            '        tool: list_notes',
            '        expect:',
            '          json:',
            '            $.count: { oneOf: [5, 6] }',
            '            $.notes[*].id: { contains: n-9 }',
            '            $.notes: { any: [{ length: 0 }, { length: { gt: 3 } }] }',
            '      - name: not on a missing path',
            '        tool: get_note',
            '        args: { id: n-1 }',
            '        expect:',
            '          json:',
            '            $.author: { not: { equals: "" } }',
            '      - name: text matcher fails',
            '        tool: add_note',
            '        args: { title: third }',
            '        expect:',
            '          text: { matches: "^Deleted" }',
            '      - name: text of a non-JSON result',
            '        tool: slow',
            '        args: { ms: 0 }',
            '        expect:',
            '          json:',
            '            $.done: true',
            '      - name: content item checks',
            '        tool: get_note',
            '        args: { id: n-2 }',
            '        expect:',
            '          content:',
            `            - { type: image, text: { startsWith: '{"id":"n-2"' } }`,
            '            - { type: text }',
        ]);
        result = await runSpec(spec);
    });

    it('passes a call whose text, json and content matchers all hold', () => {
        assertPassed(caseNamed(result, 'first note'));
    });

    it('passes wildcard and filter paths checked as lists, and a bare object as deep equals', () => {
        assertPassed(caseNamed(result, 'lists with wildcard and filter'));
    });

    it('fails a bare value that does not equal, with expected, actual and the location of the value', () => {
        const problem = onlyProblem(caseNamed(result, 'wrong title'));
        assert.equal(problem.kind, 'assert.json');
        assert.equal(problem.message, '$.title: expected to equal "goodbye"');
        assert.equal(problem.expected, 'goodbye');
        assert.equal(problem.actual, 'hello');
        assert.deepEqual(problem.loc, locate(spec, '$.title: goodbye', 'goodbye'));
    });

    it('fails only the key of a multi-key matcher that does not hold, pointing at that key', () => {
        const problem = onlyProblem(caseNamed(result, 'one of several keys fails'));
        assert.equal(problem.message, '$.id: expected length to be greater than 10');
        assert.equal(problem.expected, 10);
        assert.equal(problem.actual, 3);
        assert.deepEqual(problem.loc, locate(spec, 'length: { gt: 10 }', '10'));
    });

    it('fails a path that matches nothing, saying there is no value', () => {
        const problem = onlyProblem(caseNamed(result, 'path matches nothing'));
        assert.equal(problem.message, '$.author: expected to be of type string, but there is no value');
        assert.equal(problem.actual, undefined);
        assert.deepEqual(problem.loc, locate(spec, '$.author:', 'string'));
    });

    it('fails a filter that selects nothing, even against length 0', () => {
        const problem = onlyProblem(caseNamed(result, 'filter matches nothing'));
        assert.match(problem.message, /^\$\.notes\[\?\(@\.title == "nobody"\)\]: .*there is no value/);
    });

    it('passes a filter that selects nothing when the matcher is exists: false', () => {
        assertPassed(caseNamed(result, 'filter matches nothing, allowed'));
    });

    it(
        'fails `not` on a path that matches nothing',
        () => {
            const problem = onlyProblem(caseNamed(result, 'not on a missing path'));
            assert.match(problem.message, /^\$\.author: .*there is no value/);
        },
    );

    it('fails exists: false on a present key, showing the value', () => {
        const problem = onlyProblem(caseNamed(result, 'a present key must not exist'));
        assert.equal(problem.message, '$.tags: expected not to exist');
        assert.deepEqual(problem.actual, ['a', 'b']);
    });

    it('reports every failing path of one call, each at its own matcher', () => {
        const problems = problemsOf(caseNamed(result, 'several failures in one call'));
        assert.deepEqual(
            problems.map((p) => [p.message, p.loc]),
            [
                ['$.count: expected to be one of [5,6]', locate(spec, '$.count: { oneOf', '[5, 6]')],
                ['$.notes[*].id: expected to contain "n-9"', locate(spec, '$.notes[*].id: { contains', 'n-9')],
                [
                    '$.notes: expected to satisfy any of: length to equal 0; length to be greater than 3',
                    locate(spec, '$.notes: { any', '[{ length: 0 }', 'several failures in one call'),
                ],
            ],
        );
        assert.deepEqual(problems[1]!.actual, ['n-1', 'n-2']);
    });

    it('fails a text matcher, naming the text and pointing at the matcher', () => {
        const problem = onlyProblem(caseNamed(result, 'text matcher fails'));
        assert.equal(problem.kind, 'assert.text');
        assert.equal(problem.message, 'text: expected to match /^Deleted/');
        assert.equal(problem.actual, 'Created note n-3: third');
        assert.deepEqual(problem.loc, locate(spec, 'text: { matches: "^Deleted" }', '"^Deleted"'));
    });

    it('fails json: on a result with neither structuredContent nor JSON text, saying so', () => {
        const problem = onlyProblem(caseNamed(result, 'text of a non-JSON result'));
        assert.equal(problem.message, '$.done: cannot check: the result has no structuredContent and its first text item is not JSON');
    });

    it('checks content items by index: type, text matcher, and a missing item', () => {
        const problems = problemsOf(caseNamed(result, 'content item checks'));
        assert.deepEqual(
            problems.map((p) => p.message),
            ['content[0].type: expected "image"', 'content[1]: expected an item, but the result has 1'],
        );
        assert.equal(problems[0]!.actual, 'text');
    });
});
