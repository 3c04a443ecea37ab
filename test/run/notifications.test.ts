/** `expect.notifications` against real servers: the notify fixture, and server-everything's progress over stdio and HTTP. */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import type { CaseResult, RunResult } from '../../src/run/result.js';
import { runSuites } from '../../src/run/runner.js';
import { ROOT } from '../helpers/cli.js';
import { EVERYTHING, startEverything, type RunningServer } from '../helpers/servers.js';
import { caseNamed, statuses, suiteOf } from './helpers.js';
import { q } from '../helpers/workspace.js';

const NOTIFY = join(ROOT, 'fixtures/notify-server.js');

/** The messages of a failed case, or a failure of the test naming its status. */
function messages(c: CaseResult): string[] {
    assert.equal(c.status, 'failed', JSON.stringify(c));
    return c.status === 'failed' ? c.problems.map((p) => `${p.loc ? `${p.loc.line}:${p.loc.col}: ` : ''}${p.message}`) : [];
}

describe('expect.notifications (notify fixture, stdio)', () => {
    let result: RunResult;

    before(async () => {
        const suite = suiteOf(
            'notify.yaml',
            'servers:',
            `  n: { command: ${q(process.execPath)}, args: [${q(NOTIFY)}] }`,
            'tests:',
            '  - server: n',
            '    lint: false',
            '    calls:',
            '      - name: progress, a log and no list change',
            '        tool: index',
            '        args: { count: 3 }',
            '        expect:',
            '          notifications:',
            '            progress: { count: 3, complete: true }',
            '            logs: [{ level: info, logger: indexer, text: { contains: indexed 3 } }]',
            '            listChanged: []',
            '      - name: unfinished progress',
            '        tool: stall',
            '        expect: { notifications: { progress: { complete: true } } }',
            '      - name: a log at another level',
            '        tool: warn',
            '        expect: { notifications: { logs: [{ level: { oneOf: [error, critical] } }] } }',
            '      - name: a log whose data is an object',
            '        tool: warn',
            '        expect: { notifications: { logs: [{ level: warning, text: { contains: \'"free":10\' } }] } }',
            '      - name: a list change',
            '        tool: add_tool',
            '        args: { name: extra }',
            '        expect: { notifications: { listChanged: [tools] } }',
            '      - name: a list change that did not come',
            '        tool: add_tool',
            '        args: { name: other }',
            '        expect: { notifications: { listChanged: [tools, prompts] } }',
            '      - name: nothing on the side',
            '        tool: quiet',
            '        expect: { notifications: { progress: { count: 0 }, logs: [], listChanged: [] } }',
            '      - name: no progress where some was expected',
            '        tool: quiet',
            '        expect: { notifications: { progress: { count: { gte: 1 }, complete: true } } }',
        );
        result = await runSuites([suite]);
    });

    it('passes when progress, log messages and list changes arrived as expected', () => {
        for (const name of ['progress, a log and no list change', 'a log whose data is an object', 'a list change', 'nothing on the side']) {
            assert.equal(caseNamed(result, name).status, 'passed', statuses(result));
        }
    });

    it('fails when the last progress does not reach its total', () => {
        assert.deepEqual(messages(caseNamed(result, 'unfinished progress')), ['17:58: notifications.progress: expected the last progress to equal its total, got 1 of 3']);
    });

    it('fails when no log message matches, listing what arrived', () => {
        assert.deepEqual(messages(caseNamed(result, 'a log at another level')), [
            '20:43: notifications.logs[0]: no log message matched; received: [warning] "{\\"code\\":\\"disk\\",\\"free\\":10}"',
        ]);
    });

    it('fails naming the list whose change was not announced', () => {
        assert.deepEqual(messages(caseNamed(result, 'a list change that did not come')), [
            '31:49: notifications.listChanged: no notifications/<list>/list_changed for prompts; received: tools',
        ]);
    });

    it('fails on a count of progress notifications, and on completion, when none arrived', () => {
        assert.deepEqual(messages(caseNamed(result, 'no progress where some was expected')), [
            '37:62: notifications.progress.count: expected to be greater than or equal to 1',
            '37:77: notifications.progress: expected the last progress to equal its total, but no progress notification arrived',
        ]);
    });
});

describe('expect.notifications (server-everything progress)', () => {
    let http: RunningServer;

    before(async () => {
        http = await startEverything('streamableHttp');
    });
    after(() => http.stop());

    for (const transport of ['stdio', 'streamable_http'] as const) {
        it(`counts trigger-long-running-operation's progress over ${transport}`, async () => {
            const server = transport === 'stdio' ? `{ command: ${q(process.execPath)}, args: [${q(EVERYTHING)}] }` : `{ url: ${q(http.url)} }`;
            const suite = suiteOf(
                'everything.yaml',
                'servers:',
                `  ev: ${server}`,
                'tests:',
                '  - server: ev',
                '    lint: false',
                '    calls:',
                '      - name: long operation',
                '        tool: trigger-long-running-operation',
                '        args: { duration: 0.3, steps: 3 }',
                '        expect: { notifications: { progress: { count: 3, complete: true } } }',
            );
            const result = await runSuites([suite]);
            assert.equal(caseNamed(result, 'long operation').status, 'passed', JSON.stringify(caseNamed(result, 'long operation')));
        });
    }
});
