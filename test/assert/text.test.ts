import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { checkText } from '../../src/assert/text.js';
import { SpecErrors } from '../../src/errors.js';
import type { Problem } from '../../src/run/result.js';
import { at, expecting, textResult } from './helpers.js';

/** Checks `result` against the `text:` written in `line` (the only line under `expect:`). */
function check(result: CallToolResult, line: string): Problem[] {
    const { expect, ctx } = expecting(line);
    assert.ok(expect.text, 'the spec has a text: expectation');
    return checkText(result, expect.text, ctx);
}

describe('text:', () => {
    describe('a plain string means equals', () => {
        it('passes when the text is exactly that string', () => {
            assert.deepEqual(check(textResult('No active alerts for NY'), 'text: No active alerts for NY'), []);
        });

        it('fails on any difference, with expected, actual and the location of the value', () => {
            const [problem, ...rest] = check(textResult('No active alerts for NY '), 'text: No active alerts for NY');
            assert.deepEqual(rest, []);
            assert.equal(problem?.kind, 'assert.text');
            assert.match(problem?.message ?? '', /equal "No active alerts for NY"/);
            assert.equal(problem?.expected, 'No active alerts for NY');
            assert.equal(problem?.actual, 'No active alerts for NY ');
            assert.deepEqual(problem?.loc, at(8, 17));
        });
    });

    it(
        'a number or boolean written as the text either matches that text or is rejected when the spec loads',
        () => {
            for (const [line, text] of [['text: 42', '42'], ['text: true', 'true'], ['text: { contains: 2024 }', 'in 2024 it rained']] as const) {
                let problems: Problem[];
                try {
                    problems = check(textResult(text), line);
                } catch (error) {
                    assert.ok(error instanceof SpecErrors, String(error));
                    continue;
                }
                assert.deepEqual(problems, [], `${line} against ${JSON.stringify(text)}`);
            }
        },
    );

    describe('equals', () => {
        it('matches all text items joined with newlines', () => {
            assert.deepEqual(check(textResult('first', 'second'), 'text: { equals: "first\\nsecond" }'), []);
        });

        it('ignores content items that are not text', () => {
            const result: CallToolResult = {
                content: [
                    { type: 'image', data: 'AAAA', mimeType: 'image/png' },
                    { type: 'text', text: 'caption' },
                ],
            };
            assert.deepEqual(check(result, 'text: { equals: caption }'), []);
        });

        it('sees an empty text when the result has no text items', () => {
            const [problem] = check({ content: [] }, 'text: { equals: anything }');
            assert.equal(problem?.actual, '');
        });
    });

    describe('contains', () => {
        it('passes when the text contains the string', () => {
            assert.deepEqual(check(textResult('Active alerts for CA:\n- Heat Advisory'), 'text: { contains: Heat Advisory }'), []);
        });

        it('fails when it does not, pointing at the matcher', () => {
            const [problem] = check(textResult('No active alerts for NY'), 'text: { contains: Heat Advisory }');
            assert.equal(problem?.kind, 'assert.text');
            assert.match(problem?.message ?? '', /contain "Heat Advisory"/);
            assert.equal(problem?.actual, 'No active alerts for NY');
            assert.deepEqual(problem?.loc, at(8, 29));
        });

        it('is case-sensitive', () => {
            assert.equal(check(textResult('heat advisory'), 'text: { contains: Heat Advisory }').length, 1);
        });
    });

    describe('matches', () => {
        it('passes when the regular expression matches somewhere in the text', () => {
            assert.deepEqual(check(textResult('unknown state: ZZ'), 'text: { matches: unknown state }'), []);
        });

        it('honours anchors', () => {
            assert.equal(check(textResult('an unknown state: ZZ'), 'text: { matches: "^unknown" }').length, 1);
        });

        it('uses Unicode mode, so \\u{…} escapes and astral characters work', () => {
            assert.deepEqual(check(textResult('sunny ☀️'), "text: { matches: '\\u{2600}' }"), []);
            assert.deepEqual(check(textResult('🌧'), 'text: { matches: "^.$" }'), []);
        });

        it('fails when the expression does not match', () => {
            const [problem] = check(textResult('No active alerts for NY'), 'text: { matches: "^Active alerts" }');
            assert.equal(problem?.kind, 'assert.text');
            assert.match(problem?.message ?? '', /\^Active alerts/);
            assert.equal(problem?.actual, 'No active alerts for NY');
            assert.deepEqual(problem?.loc, at(8, 28));
        });
    });
});
