import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { CaseResult, Problem, RunResult } from '../../src/run/result.js';
import { runSuites } from '../../src/run/runner.js';
import { FAULTY, WEATHER } from '../helpers/servers.js';
import { Workspace, q } from '../helpers/workspace.js';
import { caseNamed, statuses, suiteOf } from './helpers.js';

/** The problems of a failed case; fails the test for any other status. */
function problemsOf(c: CaseResult): Problem[] {
    assert.ok(c.status === 'failed', `expected "${c.name}" to fail, got ${c.status}`);
    return c.problems;
}

describe('a call', () => {
    let workspace: Workspace;
    let log: string;
    let result: RunResult;

    before(async () => {
        workspace = await Workspace.create();
        // `tee` copies every message the runner sends into the log, so the test can see what was sent.
        log = workspace.path('sent.jsonl');
        const suite = suiteOf(
            'calls.yaml',
            'servers:',
            '  weather:',
            '    command: sh',
            `    args: [-c, 'tee -a "$0" | exec "$1" "$2"', ${q(log)}, ${q(process.execPath)}, ${q(WEATHER)}]`,
            'tests:',
            '  - server: weather',
            '    protocol: false',
            '    calls:',
            '      - name: valid arguments',
            '        tool: get_alerts',
            '        args: { state: CA }',
            '      - name: invalid arguments',
            '        tool: get_forecast',
            '        args: { latitude: 123.5 }',
            '      - name: unlisted tool',
            '        tool: get_humidity',
            '        args: { city: Oslo }',
            '      - name: broken station',
            '        tool: get_station',
            '        args: { id: broken }',
            '      - name: good station',
            '        tool: get_station',
            '        args: { id: KSFO }',
            '      - name: unexpected tool error',
            '        tool: report_outage',
            '      - name: expected tool error',
            '        tool: report_outage',
            '        expect: { isError: true, text: { contains: unavailable } }',
            '      - name: wrong text',
            '        tool: echo',
            '        args: { text: hello }',
            '        expect:',
            '          text: { equals: goodbye }',
        );
        result = await runSuites([suite]);
    });

    after(() => workspace.remove());

    it('whose expectations hold passes', () => {
        assert.equal(caseNamed(result, 'valid arguments').status, 'passed', statuses(result));
        assert.equal(caseNamed(result, 'expected tool error').status, 'passed', statuses(result));
    });

    describe('with arguments that do not match the tool’s inputSchema', () => {
        it('fails, saying the call was not sent', () => {
            const [problem] = problemsOf(caseNamed(result, 'invalid arguments'));
            assert.equal(problem?.kind, 'args.invalid');
            assert.match(problem?.message ?? '', /arguments do not match the tool's inputSchema; the call was not sent/);
            assert.deepEqual(problem?.actual, { latitude: 123.5 });
            assert.deepEqual(problem?.loc, { file: 'calls.yaml', line: 14, col: 15 });
        });

        it('lists each schema violation', () => {
            const [problem] = problemsOf(caseNamed(result, 'invalid arguments'));
            assert.deepEqual([...(problem?.details ?? [])].sort(), ["(root): must have required property 'longitude'", '/latitude: must be <= 90']);
        });

        it('is not sent to the server', async () => {
            const sent = await workspace.read('sent.jsonl');
            assert.match(sent, /"method":"tools\/call".*"name":"get_alerts"/, 'the log sees calls that were sent');
            assert.doesNotMatch(sent, /"name":"get_forecast"/);
        });
    });

    it('to a tool the server does not list fails, listing the tools it has', async () => {
        const [problem] = problemsOf(caseNamed(result, 'unlisted tool'));
        assert.equal(problem?.kind, 'contract.unknownTool');
        assert.equal(problem?.message, 'the server does not list tool "get_humidity"; it lists: get_alerts, get_forecast, report_outage, echo, get_station');
        assert.deepEqual(problem?.loc, { file: 'calls.yaml', line: 16, col: 15 });
        assert.doesNotMatch(await workspace.read('sent.jsonl'), /get_humidity/);
    });

    describe('to a tool that declares an outputSchema', () => {
        it('fails when the structured content violates it, saying so', () => {
            const problems = problemsOf(caseNamed(result, 'broken station'));
            assert.deepEqual(
                problems.map((p) => p.kind),
                ['assert.outputSchema'],
            );
            assert.equal(problems[0]?.message, "structuredContent does not match the tool's own outputSchema");
            assert.deepEqual(problems[0]?.details, ['/elevation: must be number']);
            assert.deepEqual(problems[0]?.actual, { id: 'broken', name: 'Broken Station', elevation: 'very high' });
        });

        it('passes when the content matches it', () => {
            assert.equal(caseNamed(result, 'good station').status, 'passed', statuses(result));
        });
    });

    it('that returns a tool error nobody expected fails', () => {
        const [problem] = problemsOf(caseNamed(result, 'unexpected tool error'));
        assert.equal(problem?.kind, 'assert.isError');
        assert.match(problem?.message ?? '', /outage reporting is unavailable/);
    });

    it('whose assertion fails points at that assertion in the spec', () => {
        const [problem] = problemsOf(caseNamed(result, 'wrong text'));
        assert.equal(problem?.kind, 'assert.text');
        assert.equal(problem?.actual, 'hello');
        assert.deepEqual(problem?.loc, { file: 'calls.yaml', line: 33, col: 27 });
    });
});

it('a result that is not a valid MCP tool result fails the call as the server\'s fault', async () => {
    const suite = suiteOf(
        'bad-result.yaml',
        'servers:',
        `  f: { command: ${q(process.execPath)}, args: [${q(FAULTY)}, --mode, bad-result] }`,
        'tests:',
        '  - server: f',
        '    protocol: false',
        '    lint: false',
        '    calls:',
        '      - { name: invalid answer, tool: ok }',
        '      - { name: next call, tool: hang }',
    );
    const result = await runSuites([suite]);
    const [problem] = problemsOf(caseNamed(result, 'invalid answer'));
    assert.equal(problem!.kind, 'runtime.protocol');
    assert.match(problem!.message, /tools\/call ok: the server's answer is not a valid MCP result: .*expected string, received number/);
    assert.equal(caseNamed(result, 'next call').status, 'passed', statuses(result));
});
