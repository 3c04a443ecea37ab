/**
 * Hostile servers and specs: what an attacker controls (a server's every answer, a spec copied
 * from elsewhere) must not forge CI output, leak a secret, hang the run or blur its errors.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { expectNoSurvivors, runYaml, show, startedPids, Workspace } from './support.js';

/**
 * The lines of `output` the GitHub Actions runner would take for workflow commands: those
 * whose first non-blank characters are `::`, and any holding the legacy `##[`.
 */
function commandLines(output: string): string[] {
    return output.split(/\r\n|\r|\n/).filter((line) => line.trimStart().startsWith('::') || line.includes('##['));
}

test('text from a server cannot forge a GitHub workflow command on stdout or stderr', async () => {
    const ws = await Workspace.create();
    const run = await runYaml(
        ws,
        [
            'servers:',
            '  forger:',
            '    command: node',
            `    args: ${ws.hostileArgs('forger', 'forge')}`,
            '    timeout: 10s',
            'tests:',
            '  - server: forger',
            '    tools: { include: [forge, missing] }',
            '    calls:',
            '      - { name: text, tool: forge, args: { as: text }, expect: { text: plain } }',
            '      - { name: is-error, tool: forge, args: { as: is-error } }',
            '      - { name: rpc-error, tool: forge }',
            '',
        ].join('\n'),
        { env: { GITHUB_ACTIONS: 'true' } },
    );
    assert.equal(run.code, 1, show(run));
    // The server's text is still shown, only its command syntax is broken.
    for (const where of ['name', 'stderr', 'text', 'is-error', 'rpc-error']) assert.ok(run.stdout.includes(`forged-${where}`), `${where} not shown\n${show(run)}`);
    const forged = commandLines(run.stdout).filter((line) => !/^::(error|warning) file=[^:]*,line=\d+,col=\d+,title=[^:]*::/.test(line));
    assert.deepEqual(forged, [], show(run));
    assert.deepEqual(commandLines(run.stderr), [], show(run));
    assert.ok(commandLines(run.stdout).length >= 3, `the genuine annotations are still there\n${show(run)}`);
    await expectNoSurvivors(await startedPids(ws, ['forger']));
});
