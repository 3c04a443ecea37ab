/** `client:` against server-everything, which offers its roots and sampling tools only to a client that declares them. */
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { CaseResult, RunResult } from '../../src/run/result.js';
import { runSuites } from '../../src/run/runner.js';
import { join } from 'node:path';
import { ROOT } from '../helpers/cli.js';
import { EVERYTHING } from '../helpers/servers.js';
import { q } from '../helpers/workspace.js';
import { caseNamed, statuses, suiteOf } from './helpers.js';

/** The one problem of a failed case. */
function problem(c: CaseResult): string {
    assert.equal(c.status, 'failed', JSON.stringify(c));
    return c.status === 'failed' ? c.problems.map((p) => p.message).join('\n') : '';
}

describe('client: roots and sampling (server-everything, stdio)', () => {
    let result: RunResult;

    before(async () => {
        const suite = suiteOf(
            'client.yaml',
            'servers:',
            '  ev:',
            `    command: ${q(process.execPath)}`,
            `    args: [${q(EVERYTHING)}]`,
            '    client:',
            '      roots: ["file:///srv/notes", { uri: "file:///srv/cache", name: cache }]',
            '      sampling:',
            '        - reply: { content: { type: text, text: "server-wide answer" }, model: stub-1 }',
            'tests:',
            '  - server: ev',
            '    lint: false',
            '    client:',
            '      sampling:',
            '        - when: { contains: weather }',
            '          reply: It is sunny.',
            '    tools: { include: [get-roots-list, trigger-sampling-request] }',
            '    calls:',
            '      - name: roots',
            '        tool: get-roots-list',
            '        expect: { text: { all: [{ contains: "file:///srv/notes" }, { contains: "file:///srv/cache" }] } }',
            '      - name: the entry answers first',
            '        tool: trigger-sampling-request',
            '        args: { prompt: "What is the weather?" }',
            '        expect: { text: { all: [{ contains: It is sunny. }, { contains: mcp-check }] } }',
            '      - name: then the server',
            '        tool: trigger-sampling-request',
            '        args: { prompt: "Tell a joke" }',
            '        expect: { text: { all: [{ contains: server-wide answer }, { contains: stub-1 }] } }',
        );
        result = await runSuites([suite]);
    });

    it('declares roots and sampling, so the server lists the tools that need them', () => {
        assert.equal(caseNamed(result, 'lists tool get-roots-list').status, 'passed', statuses(result));
        assert.equal(caseNamed(result, 'lists tool trigger-sampling-request').status, 'passed', statuses(result));
    });

    it('answers roots/list with the configured roots', () => {
        assert.equal(caseNamed(result, 'roots').status, 'passed', JSON.stringify(caseNamed(result, 'roots')));
    });

    it("answers sampling/createMessage with the first matching reply: the entry's, then the server's", () => {
        assert.equal(caseNamed(result, 'the entry answers first').status, 'passed', JSON.stringify(caseNamed(result, 'the entry answers first')));
        assert.equal(caseNamed(result, 'then the server').status, 'passed', JSON.stringify(caseNamed(result, 'then the server')));
    });
});

it('a sampling request no entry answers fails the call, naming the request', async () => {
    const suite = suiteOf(
        'unanswered.yaml',
        'servers:',
        `  ev: { command: ${q(process.execPath)}, args: [${q(EVERYTHING)}] }`,
        'tests:',
        '  - server: ev',
        '    lint: false',
        '    client:',
        '      sampling: [{ when: { contains: weather }, reply: sunny }]',
        '    calls:',
        '      - name: a joke',
        '        tool: trigger-sampling-request',
        '        args: { prompt: "Tell a joke" }',
    );
    const result = await runSuites([suite]);
    assert.equal(
        problem(caseNamed(result, 'a joke')),
        'tools/call trigger-sampling-request: the server asked for input no `client.sampling` entry answers: sampling/createMessage "Resource trigger-sampling-request context: Tell a joke"',
    );
});

it('without client:, the server hides the tools that need roots or sampling', async () => {
    const suite = suiteOf(
        'plain.yaml',
        'servers:',
        `  ev: { command: ${q(process.execPath)}, args: [${q(EVERYTHING)}] }`,
        'tests:',
        '  - server: ev',
        '    lint: false',
        '    tools: { exclude: [get-roots-list, trigger-sampling-request] }',
    );
    const result = await runSuites([suite]);
    assert.equal(result.totals.failed + result.totals.errored, 0, statuses(result));
});

it('on 2026-07-28 too: sampling and roots asked as input_required are answered, and an unanswered one fails the call (calc fixture)', async () => {
    const suite = suiteOf(
        'eras.yaml',
        'servers:',
        '  calc:',
        `    command: ${q(process.execPath)}`,
        `    args: [${q(join(ROOT, 'fixtures/calc-server.js'))}, --ask]`,
        '    protocol: [2026-07-28, 2025-11-25]',
        '    client:',
        '      roots: ["file:///srv/data"]',
        '      sampling: [{ when: { contains: capital }, reply: Paris }]',
        'tests:',
        '  - server: calc',
        '    lint: false',
        '    calls:',
        '      - name: answered',
        '        tool: ask',
        '        args: { question: "What is the capital of France?" }',
        '        expect: { text: { contains: Paris } }',
        '      - name: unanswered',
        '        tool: ask',
        '        args: { question: "Tell a joke" }',
    );
    const result = await runSuites([suite]);
    const cases = (server: string) => result.suites.find((s) => s.server === server)!.cases;
    const modern = cases('calc@2026-07-28');
    assert.equal(modern.find((c) => c.name === 'answered')?.status, 'passed', statuses(result));
    assert.equal(problem(modern.find((c) => c.name === 'unanswered')!), 'tools/call ask: the server asked for input no `client.sampling` entry answers: answer (sampling/createMessage)');
    const legacy = cases('calc@2025-11-25');
    assert.equal(legacy.find((c) => c.name === 'answered')?.status, 'passed', statuses(result));
    assert.equal(problem(legacy.find((c) => c.name === 'unanswered')!), 'tools/call ask: the server asked for input no `client.sampling` entry answers: sampling/createMessage "Tell a joke"');
});
