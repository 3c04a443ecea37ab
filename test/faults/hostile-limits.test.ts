/**
 * Hostile servers against mcp-check's limits: progress that never ends, a closed stdout, ids
 * that only look right, endless lists, enormous messages and processes that leave their group.
 * Each run ends on its own, says what happened, and leaves nothing running.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { startListeningFixture } from '../helpers/servers.js';
import { expectNoSurvivors, HTTP_FAULTS, isRunning, q, runYaml, show, startedPids, waitFor, Workspace } from './support.js';

/** A spec with one hostile stdio server `h` in `mode`, its server keys, and its test entry. */
function hostileSpec(ws: Workspace, mode: string, serverKeys: string[], test: string[]): string {
    return ['servers:', '  h:', '    command: node', `    args: ${ws.hostileArgs('h', mode)}`, ...serverKeys.map((k) => `    ${k}`), 'tests:', '  - server: h', ...test.map((l) => `    ${l}`), ''].join('\n');
}

test('progress that never ends keeps a call alive only up to max_total_timeout, and the error says progress was still arriving', async () => {
    const ws = await Workspace.create();
    const run = await runYaml(ws, hostileSpec(ws, 'progress', ['timeout: 1s', 'max_total_timeout: 3s'], ['calls: [{ name: endless, tool: slow }]']), { killAfterMs: 30_000 });
    assert.equal(run.code, 1, show(run));
    assert.match(run.stdout, /tools\/call slow timed out after \d+ ms while progress was still arriving: progress may keep a request alive up to max_total_timeout \(3000 ms; the request was cancelled\)/, show(run));
    await expectNoSurvivors(await startedPids(ws, ['h']));
});

test('a server that closes stdout but keeps running fails the call at once, saying so', async () => {
    const ws = await Workspace.create();
    const run = await runYaml(ws, hostileSpec(ws, 'close-stdout', ['timeout: 60s'], ['calls: [{ name: closer, tool: close }, { name: after, tool: close }]']), { killAfterMs: 30_000 });
    assert.equal(run.code, 1, show(run));
    assert.match(run.stdout, /the server closed its stdout but is still running \(pid \d+\): it can no longer answer/, show(run));
    assert.doesNotMatch(run.stdout, /timed out/, show(run));
    await expectNoSurvivors(await startedPids(ws, ['h']));
});

test('an answer whose id is "7" is not the answer to request 7: it is ignored and noted', async () => {
    const ws = await Workspace.create();
    const run = await runYaml(ws, hostileSpec(ws, 'string-id', ['timeout: 2s'], ['calls:', '  - { name: forged, tool: answer }', '  - { name: padded, tool: answer, args: { pad: true } }', '  - { name: fine, tool: ok, expect: { text: ok } }']), { killAfterMs: 30_000 });
    assert.equal(run.code, 1, show(run));
    assert.match(run.stdout, /tools\/call answer timed out after 2000 ms/, show(run));
    assert.match(run.stdout, /! forged \[error\]/, show(run));
    assert.match(run.stdout, /! padded \[error\]/, show(run));
    assert.match(run.stdout, /ignored an answer whose id "\d+" matches no request waiting for one/, show(run));
    assert.match(run.stdout, /ignored an answer whose id " \d+" matches no request waiting for one/, show(run));
    assert.match(run.stdout, /✓ fine/, show(run));
});

test('a list whose cursors never end stops at max_pages, and a missing tool says the listing is incomplete', async () => {
    const ws = await Workspace.create();
    const run = await runYaml(ws, hostileSpec(ws, 'pages', ['max_pages: 5'], ['tools: { include: [tool-3, tool-9] }']), { killAfterMs: 30_000 });
    assert.equal(run.code, 1, show(run));
    assert.match(run.stdout, /tool "tool-9" is not listed; the server lists: tool-1, tool-2, tool-3, tool-4, tool-5 \(the listing is incomplete: tools\/list still had a next cursor after 5 pages \(max_pages\); mcp-check stopped listing there, with 5 items\)/, show(run));
    assert.match(run.stdout, /includes tool-3|tool-3[^\n]*passed|✓[^\n]*tool-3/, show(run));
});

test('a line over max_message_size fails the call it answers, whichever end names the request; the next call is answered', async () => {
    const ws = await Workspace.create();
    const run = await runYaml(
        ws,
        hostileSpec(ws, 'huge-line', ['timeout: 20s', 'max_message_size: 1MB'], [
            'calls:',
            '  - { name: id first, tool: big, args: { bytes: 3000000 } }',
            '  - { name: id last, tool: big, args: { bytes: 3000000, idLast: true } }',
            '  - { name: still answered, tool: ok, expect: { text: ok } }',
        ]),
        { killAfterMs: 60_000 },
    );
    assert.equal(run.code, 1, show(run));
    assert.match(run.stdout, /the server sent a message of more than 1 MB, over the limit of 1 MB \(max_message_size\); mcp-check dropped it/, show(run));
    assert.match(run.stdout, /the server sent a message of 3 MB, over the limit of 1 MB \(max_message_size\)/, show(run));
    assert.match(run.stdout, /! id first \[error\][\s\S]*! id last \[error\][\s\S]*✓ still answered/, show(run));
    await expectNoSurvivors(await startedPids(ws, ['h']));
});

test('a line that never ends is dropped as it passes the default 64 MB, and the call fails at once', async () => {
    const ws = await Workspace.create();
    const run = await runYaml(ws, hostileSpec(ws, 'huge-line', ['timeout: 60s'], ['calls: [{ name: endless line, tool: big, args: { bytes: 200000000, endless: true } }]']), { killAfterMs: 90_000 });
    assert.equal(run.code, 1, show(run));
    assert.match(run.stdout, /the server sent a message of more than 64 MB, over the limit of 64 MB \(max_message_size\)/, show(run));
    await expectNoSurvivors(await startedPids(ws, ['h']));
});

for (const protocol of ['2025-11-25', '2026-07-28']) {
    test(`a gzip body that inflates past max_message_size is cut off with a clear error (${protocol})`, async () => {
        const ws = await Workspace.create();
        const bomb = await startListeningFixture(HTTP_FAULTS, ['--mode', 'gzip-bomb', '--port', '0']);
        try {
            const run = await runYaml(ws, ['servers:', '  bomb:', `    url: ${q(bomb.url)}`, '    max_message_size: 16MB', `    protocol: ${protocol}`, 'tests:', '  - server: bomb', '    tools: { include: [x] }', ''].join('\n'), { killAfterMs: 60_000 });
            assert.equal(run.code, 1, show(run));
            assert.match(run.stdout, /over the limit of 16 MB \(max_message_size\)/, show(run));
        } finally {
            await bomb.stop();
        }
    });
}

test('a process that leaves the server\'s process group (setsid) is found, stopped and named after the run', async () => {
    const ws = await Workspace.create();
    const run = await runYaml(ws, hostileSpec(ws, 'daemon', [], ['calls: [{ name: fine, tool: ok, expect: { text: ok } }]']), { killAfterMs: 30_000 });
    const daemonFile = `${ws.pidFile('h')}.daemon`;
    await waitFor(() => existsSync(daemonFile), 5_000, 'the daemon to write its pid');
    const daemon = Number(readFileSync(daemonFile, 'utf8'));
    assert.equal(run.code, 0, show(run));
    assert.match(run.stderr, new RegExp(`warning: process ${daemon} \\([^\\n]*\\) of the server \`node \\S*hostile-server\\.js --mode daemon[^\`]*\` left the server's process group and outlived it \\(setsid or a daemon\\); mcp-check stopped it`), show(run));
    await waitFor(() => !isRunning(daemon), 5_000, 'the daemon to be gone');
});
