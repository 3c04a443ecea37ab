/**
 * Capability-aware checks: a server that does not declare `resources` / `prompts` has those
 * checks skipped; one that declares `prompts` and then cannot list them fails them.
 */
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { CaseResult, RunResult } from '../../../src/run/result.js';
import {
    assertPassed,
    caseNamed,
    consoleBlock,
    junitCase,
    nodeServer,
    NOTES,
    onlyProblem,
    runSpec,
    runSpecCli,
    suiteOutput,
    writeSpec,
    type CliOutcome,
    type WrittenSpec,
} from './support.js';

/** The skip reason of a skipped case; fails the test for any other status. */
function skipReason(c: CaseResult): string {
    assert.equal(c.status, 'skipped', `expected "${c.name}" on ${c.server} to be skipped, got ${c.status}`);
    return (c as CaseResult & { status: 'skipped' }).reason;
}

describe('checks against servers without resources or prompts', () => {
    let spec: WrittenSpec;
    let result: RunResult;
    let cli: CliOutcome;

    before(async () => {
        const contract = (server: string) => [
            `  - server: ${server}`,
            '    lint: false',
            '    protocol: false',
            '    calls:',
            '      - name: tools still work',
            '        tool: add_note',
            '        args: { title: hello }',
            '    resources:',
            '      include: [notes://index]',
            '      exclude: [notes://secret]',
            '      read:',
            '        - name: read index',
            '          uri: notes://index',
            '          expect: { json: { $.count: 1 } }',
            '    prompts:',
            '      include: [greet]',
            '      exclude: [nope]',
            '      get:',
            '        - name: get greet',
            '          prompt: greet',
            '          expect: { text: { startsWith: Hello } }',
        ];
        spec = await writeSpec([
            'servers:',
            ...nodeServer('bare', NOTES, ['--no-resources-prompts']),
            ...nodeServer('broken', NOTES, ['--broken-prompts']),
            'tests:',
            ...contract('bare'),
            ...contract('broken'),
        ]);
        [result, cli] = await Promise.all([runSpec(spec), runSpecCli(spec)]);
    });

    describe('a server declaring only tools', () => {
        it('still runs its tool calls', () => {
            assertPassed(caseNamed(result, 'tools still work', 'bare'));
        });

        it('skips resource include and exclude checks: server does not declare resources', () => {
            assert.equal(skipReason(caseNamed(result, 'lists resource notes://index', 'bare')), 'server does not declare resources');
            assert.equal(skipReason(caseNamed(result, 'does not list resource notes://secret', 'bare')), 'server does not declare resources');
        });

        it('skips resource reads: server does not declare resources', () => {
            assert.equal(skipReason(caseNamed(result, 'read index', 'bare')), 'server does not declare resources');
        });

        it('skips prompt include and exclude checks: server does not declare prompts', () => {
            assert.equal(skipReason(caseNamed(result, 'lists prompt greet', 'bare')), 'server does not declare prompts');
            assert.equal(skipReason(caseNamed(result, 'does not list prompt nope', 'bare')), 'server does not declare prompts');
        });

        it('skips prompt gets: server does not declare prompts', () => {
            assert.equal(skipReason(caseNamed(result, 'get greet', 'bare')), 'server does not declare prompts');
        });

        it('shows the skips with their reason in the console and as JUnit <skipped/>', () => {
            assert.equal(consoleBlock(suiteOutput(cli.run.stdout, 'bare'), 'read index')[0], '  - read index skipped: server does not declare resources');
            const tc = junitCase(cli.junit, 'get greet', 'bare.prompts.greet');
            assert.ok(tc.skipped, 'no <skipped/>');
            assert.equal(tc.systemOut, 'skipped: server does not declare prompts');
        });
    });

    describe('a server that declares prompts but answers prompts/list with -32601', () => {
        it('fails prompt include, with the JSON-RPC error, instead of skipping it', () => {
            const problem = onlyProblem(caseNamed(result, 'lists prompt greet', 'broken'));
            assert.equal(problem.kind, 'call.rpcError');
            assert.match(problem.message, /^prompts\/list was answered with JSON-RPC error -32601: /);
        });

        it('fails prompt exclude too, rather than passing it for want of a list', () => {
            const problem = onlyProblem(caseNamed(result, 'does not list prompt nope', 'broken'));
            assert.match(problem.message, /^prompts\/list was answered with JSON-RPC error -32601: /);
        });

        it('still gets a prompt, which the server answers', () => {
            assertPassed(caseNamed(result, 'get greet', 'broken'));
        });

        it('still checks its resources', () => {
            assertPassed(caseNamed(result, 'lists resource notes://index', 'broken'));
            assertPassed(caseNamed(result, 'read index', 'broken'));
        });
    });

    it('counts skips as neither failed nor errored: only the broken listing fails the run', () => {
        assert.deepEqual(
            { failed: result.totals.failed, errored: result.totals.errored, skipped: result.totals.skipped },
            { failed: 2, errored: 0, skipped: 6 },
        );
        assert.equal(cli.run.code, 1);
    });
});
