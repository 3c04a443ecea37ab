import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { checkStructuredContent } from '../../src/assert/structured-content.js';
import type { Problem } from '../../src/run/result.js';
import { at, expecting, structured, textResult } from './helpers.js';

const FORECAST = {
    latitude: 0,
    longitude: 0,
    unit: 'celsius',
    temperature: 30,
    conditions: 'sunny',
    hourly: [28, 30, 29],
    station: { id: 'KSFO', elevation: 4 },
};

/** Checks `result` against the `structuredContent:` written in `lines`. */
function check(result: CallToolResult, ...lines: string[]): Problem[] {
    const { expect, ctx } = expecting(...lines);
    assert.ok('structuredContent' in expect, 'the spec has a structuredContent: expectation');
    return checkStructuredContent(result, expect.structuredContent, ctx);
}

function messages(problems: Problem[]): string[] {
    return problems.map((p) => p.message);
}

describe('structuredContent: (partial deep match)', () => {
    it('passes when every expected key matches; extra keys in the result are fine', () => {
        assert.deepEqual(check(structured(FORECAST), 'structuredContent: { unit: celsius, station: { id: KSFO } }'), []);
    });

    it('passes an empty object against any object', () => {
        assert.deepEqual(check(structured(FORECAST), 'structuredContent: {}'), []);
    });

    it('fails when the result has no structuredContent at all', () => {
        assert.deepEqual(check(textResult('{"unit":"celsius"}'), 'structuredContent: { unit: celsius }'), [
            {
                kind: 'assert.structuredContent',
                message: 'expected structuredContent, but the result has none',
                loc: at(8, 30),
                expected: { unit: 'celsius' },
                actual: undefined,
            },
        ]);
    });

    it('names a missing key by its path and points at it in the spec', () => {
        assert.deepEqual(check(structured(FORECAST), 'structuredContent:', '  humidity: 40'), [
            {
                kind: 'assert.structuredContent',
                message: 'structuredContent.humidity: missing',
                loc: at(9, 23),
                expected: 40,
                actual: undefined,
            },
        ]);
    });

    it('names a nested mismatch by its full path, with expected and actual values', () => {
        assert.deepEqual(check(structured(FORECAST), 'structuredContent:', '  station:', '    elevation: 5'), [
            {
                kind: 'assert.structuredContent',
                message: 'structuredContent.station.elevation: expected 5, got 4',
                loc: at(10, 26),
                expected: 5,
                actual: 4,
            },
        ]);
    });

    it('reports every mismatch, not just the first', () => {
        assert.deepEqual(messages(check(structured(FORECAST), 'structuredContent: { unit: fahrenheit, conditions: fog, wind: 3 }')), [
            'structuredContent.unit: expected "fahrenheit", got "celsius"',
            'structuredContent.conditions: expected "fog", got "sunny"',
            'structuredContent.wind: missing',
        ]);
    });

    it('compares types strictly: "30" is not 30', () => {
        assert.deepEqual(messages(check(structured(FORECAST), 'structuredContent: { temperature: "30" }')), [
            'structuredContent.temperature: expected "30", got 30',
        ]);
    });

    it('says when an object was expected but something else came', () => {
        assert.deepEqual(messages(check(structured(FORECAST), 'structuredContent: { hourly: { first: 28 } }')), [
            'structuredContent.hourly: expected an object, got array',
        ]);
    });

    it('quotes keys that are not identifiers in the path', () => {
        assert.deepEqual(messages(check(structured({ 'wind-speed': 3 }), 'structuredContent: { wind-speed: 4 }')), [
            'structuredContent["wind-speed"]: expected 4, got 3',
        ]);
    });

    it('matches null exactly', () => {
        assert.deepEqual(check(structured({ alert: null }), 'structuredContent: { alert: null }'), []);
        assert.deepEqual(messages(check(structured({ alert: 'flood' }), 'structuredContent: { alert: null }')), [
            'structuredContent.alert: expected null, got "flood"',
        ]);
    });

    describe('arrays', () => {
        it('pass when they have the same length and matching items', () => {
            assert.deepEqual(check(structured(FORECAST), 'structuredContent: { hourly: [28, 30, 29] }'), []);
        });

        it('need the same length', () => {
            const [problem, ...rest] = check(structured(FORECAST), 'structuredContent: { hourly: [28, 30] }');
            assert.deepEqual(rest, []);
            assert.equal(problem?.message, 'structuredContent.hourly: expected 2 items, got 3');
            assert.deepEqual(problem?.actual, [28, 30, 29]);
        });

        it('name a mismatching item by its index and point at it', () => {
            const [problem] = check(structured(FORECAST), 'structuredContent:', '  hourly:', '    - 28', '    - 31', '    - 29');
            assert.equal(problem?.message, 'structuredContent.hourly[1]: expected 31, got 30');
            assert.deepEqual(problem?.loc, at(11, 17));
        });

        it('match object items partially', () => {
            const result = structured({ alerts: [{ state: 'CA', level: 'advisory', until: '8 PM' }] });
            assert.deepEqual(check(result, 'structuredContent: { alerts: [{ state: CA }] }'), []);
        });

        it('say when an array was expected but something else came', () => {
            assert.deepEqual(messages(check(structured(FORECAST), 'structuredContent: { station: [KSFO] }')), [
                'structuredContent.station: expected an array, got object',
            ]);
        });
    });

    it(
        'treats an inherited property name as missing',
        () => {
            assert.deepEqual(messages(check(structured({ team: 'Ferrari' }), 'structuredContent: { constructor: Ferrari }')), [
                'structuredContent.constructor: missing',
            ]);
        },
    );

    it(
        'treats -0 (e.g. -0.0 from a Python server) as equal to 0',
        () => {
            const result = structured(JSON.parse('{"temperature": -0.0}') as Record<string, unknown>);
            assert.deepEqual(check(result, 'structuredContent: { temperature: 0 }'), []);
        },
    );

    describe('matchers inside', () => {
        it('an object whose keys are all matcher names is a matcher on that value', () => {
            assert.deepEqual(check(structured(FORECAST), 'structuredContent: { unit: { startsWith: cel }, temperature: { gte: 20, lt: 40 }, hourly: { length: 3 } }'), []);
        });

        it('a failing matcher names the path, what it expected, and points at the matcher key', () => {
            assert.deepEqual(check(structured(FORECAST), 'structuredContent:', '  station:', '    id: { startsWith: L }'), [
                {
                    kind: 'assert.structuredContent',
                    message: 'structuredContent.station.id: expected to start with "L"',
                    loc: at(10, 33),
                    expected: 'L',
                    actual: 'KSFO',
                },
            ]);
        });

        it('a missing key is for the matcher to judge: `exists: false` wants it missing', () => {
            assert.deepEqual(check(structured(FORECAST), 'structuredContent: { humidity: { exists: false } }'), []);
            assert.deepEqual(messages(check(structured(FORECAST), 'structuredContent: { humidity: { type: number } }')), [
                'structuredContent.humidity: expected to be of type number, but there is no value',
            ]);
        });

        it('work inside arrays', () => {
            assert.deepEqual(check(structured(FORECAST), 'structuredContent: { hourly: [{ gt: 20 }, 30, { oneOf: [29, 31] }] }'), []);
        });

        it('an object mixing matcher names with other keys is a literal object, its values checked each', () => {
            const result = structured({ kind: 'note', type: 'text', length: 5 });
            assert.deepEqual(check(result, 'structuredContent: { type: text, length: { gte: 1 }, kind: note }'), []);
        });

        it('`equals:` compares an object that uses matcher names literally', () => {
            const result = structured({ filter: { type: 'string' } });
            assert.deepEqual(check(result, 'structuredContent: { filter: { equals: { type: string } } }'), []);
            assert.deepEqual(messages(check(result, 'structuredContent: { filter: { type: string } }')), [
                'structuredContent.filter: expected to be of type string, got object',
            ]);
        });
    });
});
