/** What a spec can demand of the server itself: capabilities it must declare, what it says about itself, exactly which tools, resources and prompts it lists. */
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import type { RunResult } from '../../../src/run/result.js';
import { ROOT } from '../../helpers/cli.js';
import { assertPassed, caseNamed, locate, NOTES, nodeServer, onlyProblem, problemsOf, runSpec, writeSpec, type WrittenSpec } from './support.js';

const CALC = join(ROOT, 'fixtures/calc-server.js');

describe('requires, serverInfo and exact', () => {
    let spec: WrittenSpec;
    let result: RunResult;

    before(async () => {
        spec = await writeSpec([
            'servers:',
            ...nodeServer('calc', CALC),
            ...nodeServer('tools-only', NOTES, ['--no-resources-prompts']),
            'tests:',
            '  - server: calc',
            '    lint: false',
            '    requires: [tools, resources, prompts]',
            '    serverInfo:',
            '      name: calc-server',
            '      version: { matches: "^2\\\\." }',
            '      instructions: { contains: calculator }',
            '      protocolVersion: 2026-07-28',
            '      capabilities: { tools: {}, prompts: {} }',
            '    tools:',
            '      exact: [reset, add, divide]',
            '      expect:',
            '        add:',
            '          description: { contains: Adds }',
            '          annotations: { readOnlyHint: true }',
            '          inputSchema: { required: [a, b] }',
            '          outputSchema: { properties: { sum: { type: number } } }',
            '        divide: { description: Multiplies., annotations: { readOnlyHint: true } }',
            '        missing: { title: anything }',
            '    resources: { exact: [calc://constants] }',
            '    prompts: { exact: [explain, summarize] }',
            '  - server: tools-only',
            '    lint: false',
            '    requires: [prompts]',
            '    serverInfo: { version: { matches: "^9\\\\." }, capabilities: { resources: {} } }',
            '    tools: { exact: [add_note] }',
            '    prompts: { include: [summarize] }',
            '    resources: { include: [notes://all] }',
        ]);
        result = await runSpec(spec);
    });

    it('a declared capability the spec requires passes', () => {
        for (const capability of ['tools', 'resources', 'prompts']) assertPassed(caseNamed(result, `declares capability ${capability}`, 'calc'));
    });

    it('a required capability the server does not declare fails, at the name in requires', () => {
        const problem = onlyProblem(caseNamed(result, 'declares capability prompts', 'tools-only'));
        assert.equal(problem.message, 'the server does not declare the prompts capability, which the spec requires');
        assert.deepEqual(caseNamed(result, 'declares capability prompts', 'tools-only').loc, locate(spec, 'requires: [prompts]', 'prompts'));
    });

    it('checks of a required capability fail instead of being skipped; others still skip', () => {
        assert.match(onlyProblem(caseNamed(result, 'lists prompt summarize', 'tools-only')).message, /does not declare the prompts capability, which the spec requires/);
        assert.equal(caseNamed(result, 'lists resource notes://all', 'tools-only').status, 'skipped');
    });

    it('serverInfo matchers and a partial match on capabilities pass on a matching server', () => {
        assertPassed(caseNamed(result, 'server info', 'calc'));
    });

    it('serverInfo names each mismatch at its matcher', () => {
        const problems = problemsOf(caseNamed(result, 'server info', 'tools-only'));
        assert.deepEqual(
            problems.map((p) => p.message),
            ['serverInfo.version: expected to match /^9\\./', 'capabilities.resources: missing'],
        );
        assert.deepEqual(problems[0]!.loc, locate(spec, 'serverInfo: { version', '"^9', 'server: tools-only'));
    });

    it('exact passes whatever the order', () => {
        assertPassed(caseNamed(result, 'lists exactly 3 tools', 'calc'));
        assertPassed(caseNamed(result, 'lists exactly 1 resource', 'calc'));
    });

    it('exact reports the missing and the extra names', () => {
        assert.equal(onlyProblem(caseNamed(result, 'lists exactly 2 prompts', 'calc')).message, 'prompts missing: summarize');
        const extra = onlyProblem(caseNamed(result, 'lists exactly 1 tool', 'tools-only'));
        assert.match(extra.message, /^tools listed but not named under exact: /);
        assert.doesNotMatch(extra.message, /add_note/);
    });

    it('tools.expect passes when title, description, annotations and schemas match', () => {
        assertPassed(caseNamed(result, 'tool add declares what the spec expects', 'calc'));
    });

    it('tools.expect names each mismatch, at what the spec wrote', () => {
        const problems = problemsOf(caseNamed(result, 'tool divide declares what the spec expects', 'calc'));
        assert.deepEqual(
            problems.map((p) => p.message),
            ['description: expected to equal "Multiplies."', 'annotations: expected an object, got undefined'],
        );
        assert.deepEqual(problems[0]!.loc, locate(spec, 'divide: { description', 'Multiplies'));
    });

    it('tools.expect on a tool that is not listed fails', () => {
        assert.equal(onlyProblem(caseNamed(result, 'tool missing declares what the spec expects', 'calc')).message, 'tool "missing" is not listed');
    });
});
