/**
 * Fault tolerance, stdio servers (cases 1–11 of the issue): whatever the server does, the run
 * ends in bounded time, says what went wrong, writes complete reports, leaves no process behind.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import {
    consoleBlock,
    expectCase,
    expectControlPassed,
    expectNoSurvivors,
    expectRun,
    FAULTY,
    junitCase,
    junitSuite,
    q,
    runYaml,
    show,
    startedPids,
    Workspace,
} from './support.js';

const CONTROL_CASES = ['control ok', 'control crash tool is fine'];

/** `servers:` with one stdio server running the faulty fixture in `mode`, plus `control`. */
function spec(ws: Workspace, server: { name: string; mode: string; timeout: string; extra?: string[]; more?: string[] }, tests: string[]): string {
    return [
        'servers:',
        `  ${server.name}:`,
        '    command: node',
        `    args: ${ws.faultyArgs(server.name, server.mode, server.extra)}`,
        `    timeout: ${server.timeout}`,
        ...(server.more ?? []),
        ws.controlServer(),
        'tests:',
        `  - server: ${server.name}`,
        // These cases are about the runner; the faulty server's protocol findings have tests of their own.
        '    protocol: false',
        ...tests,
        Workspace.controlTest(),
        '',
    ].join('\n');
}

test('case 1: a stdio server that exits at start shows its exit code and last stderr lines', async (t) => {
    const ws = await Workspace.create();
    const run = await runYaml(
        ws,
        spec(ws, { name: 'broken', mode: 'exit-at-start', timeout: '5s' }, [
            '    tools: { include: [ok] }',
            '    calls:',
            '      - { name: broken ok, tool: ok }',
            '      - { name: broken hang, tool: hang }',
        ]),
    );
    await expectRun(t, run, { code: 1, maxMs: 5_000 + 10_000, planned: { broken: ['lists tool ok', 'broken ok', 'broken hang'], control: CONTROL_CASES } });
    const says = [
        `cannot connect to server "broken" (stdio node ${FAULTY} --mode exit-at-start`,
        'server exited (exit code 3) before answering server/discover; last stderr lines:',
        'fatal: config file missing',
        'hint: expected ./faulty.config.json',
    ];
    for (const name of ['lists tool ok', 'broken ok', 'broken hang']) expectCase(run, 'broken', name, { status: 'errored', says });
    // Said once for the server (its stderr tail is in it), not once per check.
    assert.equal(consoleBlock(run, 'broken').split('fatal: config file missing').length, 2, consoleBlock(run, 'broken'));
    expectControlPassed(run);
    await expectNoSurvivors(await startedPids(ws, ['broken', 'control']));
});

test('case 2: a stdio server that never answers initialize times out on connect', async (t) => {
    const ws = await Workspace.create();
    const run = await runYaml(
        ws,
        spec(ws, { name: 'silent', mode: 'no-initialize', timeout: '2s' }, ['    calls:', '      - { name: silent ok, tool: ok }', '      - { name: silent huge, tool: huge }']),
    );
    await expectRun(t, run, { code: 1, maxMs: 2_000 + 10_000, planned: { silent: ['silent ok', 'silent huge'], control: CONTROL_CASES } });
    const says = [`cannot connect to server "silent" (stdio node ${FAULTY} --mode no-initialize`, /: no answer (to initialize )?within 2000 ms/];
    for (const name of ['silent ok', 'silent huge']) expectCase(run, 'silent', name, { status: 'errored', says });
    expectControlPassed(run);
    await expectNoSurvivors(await startedPids(ws, ['silent', 'control']));
});

test('case 3: a server that crashes during a call: that call errors with the exit code, the rest at once', async (t) => {
    const ws = await Workspace.create();
    // A long timeout: if the calls after the crash waited for it, the run would take minutes.
    const run = await runYaml(
        ws,
        spec(ws, { name: 'crashy', mode: 'crash-on-call', timeout: '20s' }, [
            '    calls:',
            '      - { name: before crash, tool: ok, expect: { text: ok } }',
            '      - { name: crashing call, tool: crash }',
            '      - { name: after crash ok, tool: ok }',
            '      - { name: after crash hang, tool: hang }',
            '      - { name: after crash huge, tool: huge }',
        ]),
    );
    await expectRun(t, run, {
        code: 1,
        maxMs: 12_000,
        planned: { crashy: ['before crash', 'crashing call', 'after crash ok', 'after crash hang', 'after crash huge'], control: CONTROL_CASES },
    });
    expectCase(run, 'crashy', 'before crash', { status: 'passed' });
    expectCase(run, 'crashy', 'crashing call', { status: 'errored', says: ['tools/call crash could not complete: server exited (exit code 7)'] });
    for (const name of ['after crash ok', 'after crash hang', 'after crash huge']) {
        const { junit } = expectCase(run, 'crashy', name, { status: 'errored', says: ['server exited (exit code 7)'] });
        assert.ok(junit.time < 2, `"${name}" took ${junit.time} s; it should error at once, not wait for its timeout`);
    }
    // The server is named with the errors: in its report block and JUnit suite.
    assert.match(consoleBlock(run, 'crashy'), /› crashy \(stdio: node /);
    assert.equal(junitCase(run, 'crashy', 'crashing call').classname, 'crashy.crash');
    expectControlPassed(run);
    await expectNoSurvivors(await startedPids(ws, ['crashy', 'control']));
});

test('case 4: a call that never answers times out and is cancelled; later calls on the server still run', async (t) => {
    const ws = await Workspace.create();
    const log = ws.path('hangs.log');
    const run = await runYaml(
        ws,
        spec(ws, { name: 'stuck', mode: 'hang-on-call', timeout: '10s', extra: ['--log-file', log] }, [
            '    calls:',
            '      - { name: hang once, tool: hang, timeout: 1500ms }',
            '      - { name: ok after hang, tool: ok, expect: { text: ok } }',
            '      - { name: hang twice, tool: hang, timeout: 1500ms }',
            '      - { name: ok at the end, tool: ok, expect: { text: ok } }',
        ]),
    );
    await expectRun(t, run, {
        code: 1,
        maxMs: 2 * 1_500 + 10_000,
        planned: { stuck: ['hang once', 'ok after hang', 'hang twice', 'ok at the end'], control: CONTROL_CASES },
    });
    for (const name of ['hang once', 'hang twice']) {
        const { junit } = expectCase(run, 'stuck', name, { status: 'errored', says: ['tools/call hang timed out after 1500 ms (the request was cancelled)'] });
        assert.ok(junit.time >= 1.4 && junit.time < 6, `"${name}" took ${junit.time} s; its timeout is 1.5 s`);
    }
    expectCase(run, 'stuck', 'ok after hang', { status: 'passed' });
    expectCase(run, 'stuck', 'ok at the end', { status: 'passed' });
    // "The request is cancelled": the server received a notifications/cancelled for each hang.
    const received = readFileSync(log, 'utf8');
    assert.equal(received.match(/^notifications\/cancelled/gm)?.length, 2, `the server should have received two cancellations; it received:\n${received}`);
    expectControlPassed(run);
    await expectNoSurvivors(await startedPids(ws, ['stuck', 'control']));
});

test('case 5: non-JSON lines on stdout become diagnostics and the run goes on', async (t) => {
    const ws = await Workspace.create();
    const run = await runYaml(
        ws,
        spec(ws, { name: 'noisy', mode: 'stdout-noise', timeout: '5s' }, [
            '    calls:',
            '      - { name: noisy ok, tool: ok, expect: { text: ok } }',
            '      - { name: noisy hostile, tool: hostile, expect: { text: "hostile: ok" } }',
        ]),
    );
    // The protocol still works, so every test passes: the noise is a diagnostic, not a failure.
    await expectRun(t, run, { code: 0, maxMs: 5_000 + 10_000, planned: { noisy: ['noisy ok', 'noisy hostile'], control: CONTROL_CASES } });
    assert.match(consoleBlock(run, 'noisy'), /^ {2}✓ lint: 8 rules passed /m);
    expectCase(run, 'noisy', 'noisy ok', { status: 'passed' });
    expectCase(run, 'noisy', 'noisy hostile', { status: 'passed' });
    const block = consoleBlock(run, 'noisy');
    // Before the first message …
    assert.ok(block.includes('note: ignored a line on stdout that is not JSON: "Server starting v1.2.3…"'), `console:\n${block}`);
    // … and between messages.
    assert.ok(block.includes('note: ignored a line on stdout that is not JSON: "debug: handled a message"'), `console:\n${block}`);
    const properties = junitSuite(run, 'noisy').properties;
    assert.match(properties['diagnostic.1'] ?? '', /ignored a line on stdout that is not JSON: "Server starting v1\.2\.3…"/, JSON.stringify(properties));
    assert.ok(
        Object.entries(properties).some(([k, v]) => k.startsWith('diagnostic.') && v.includes('debug: handled a message')),
        `no diagnostic for the lines between messages: ${JSON.stringify(properties)}`,
    );
    expectControlPassed(run);
    await expectNoSurvivors(await startedPids(ws, ['noisy', 'control']));
});

test('case 6: a server flooding stderr: no slowdown, bounded memory, bounded stderr tail in reports', async (t) => {
    const ws = await Workspace.create();
    let peakRssKb = 0;
    let sampler: NodeJS.Timeout | undefined;
    const run = await runYaml(
        ws,
        spec(ws, { name: 'flood', mode: 'stderr-flood', timeout: '10s' }, [
            '    calls:',
            '      - { name: flood ok, tool: ok, expect: { text: ok } }',
            '      - { name: flood hang tool, tool: hang, expect: { text: "hang: ok" } }',
            // Fails on purpose, so the console shows the server's stderr tail too.
            '      - { name: flood mismatch, tool: ok, expect: { text: not ok } }',
        ]),
        {
            onSpawn: (pid) => {
                sampler = setInterval(() => {
                    try {
                        const kb = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
                        peakRssKb = Math.max(peakRssKb, kb);
                    } catch {
                        // The CLI has exited.
                    }
                }, 25);
            },
        },
    );
    clearInterval(sampler);
    await expectRun(t, run, { code: 1, maxMs: 15_000, planned: { flood: ['flood ok', 'flood hang tool', 'flood mismatch'], control: CONTROL_CASES } });
    expectCase(run, 'flood', 'flood ok', { status: 'passed' });
    expectCase(run, 'flood', 'flood hang tool', { status: 'passed' });
    expectCase(run, 'flood', 'flood mismatch', { status: 'failed' });
    // About 5 MB went to stderr; the CLI keeps a small tail and stays small itself.
    assert.ok(peakRssKb > 0 && peakRssKb < 300 * 1024, `peak RSS of the CLI was ${peakRssKb} kB`);
    assert.ok(run.junitXml.length < 100_000, `JUnit is ${run.junitXml.length} chars`);
    assert.ok(run.stdout.length < 50_000, `console output is ${run.stdout.length} chars`);
    const stderrTail = junitSuite(run, 'flood').cases.map((c) => c.systemErr).join('');
    assert.match(stderrTail, /^\[… \d+ earlier bytes omitted\]/, `JUnit stderr tail should start with the omitted-bytes note: ${stderrTail.slice(0, 300)}`);
    assert.ok(stderrTail.length < 64 * 1024, `JUnit stderr tail is ${stderrTail.length} chars`);
    assert.match(stderrTail, /stderr-flood call ok \d+ \.+\n?$/, 'the tail ends with the last lines the server wrote');
    const block = consoleBlock(run, 'flood');
    assert.ok(block.length < 10_000, `console block of the flooding server is ${block.length} chars:\n${block.slice(0, 2000)}`);
    assert.match(block, /stderr-flood call ok \d+/, `the console shows the end of the server's stderr:\n${block}`);
    expectControlPassed(run);
    await expectNoSurvivors(await startedPids(ws, ['flood', 'control']));
});

test('case 7: a server that exits right after listing tools: its calls error at once', async (t) => {
    const ws = await Workspace.create();
    const run = await runYaml(
        ws,
        spec(ws, { name: 'quitter', mode: 'exit-after-list', timeout: '20s' }, [
            '    tools: { include: [ok, crash] }',
            '    calls:',
            '      - { name: quitter ok, tool: ok, expect: { text: ok } }',
            '      - { name: quitter hang, tool: hang }',
        ]),
    );
    await expectRun(t, run, {
        code: 1,
        maxMs: 12_000,
        planned: { quitter: ['lists tool ok', 'lists tool crash', 'quitter ok', 'quitter hang'], control: CONTROL_CASES },
    });
    // The listing itself arrived, so the tool checks pass.
    expectCase(run, 'quitter', 'lists tool ok', { status: 'passed' });
    expectCase(run, 'quitter', 'lists tool crash', { status: 'passed' });
    expectCase(run, 'quitter', 'quitter ok', { status: 'errored', says: ['tools/call ok could not complete: server exited (exit code 0)'] });
    expectCase(run, 'quitter', 'quitter hang', { status: 'errored', says: ['server exited (exit code 0)'] });
    for (const name of ['quitter ok', 'quitter hang']) {
        const time = junitCase(run, 'quitter', name).time;
        assert.ok(time < 2, `"${name}" took ${time} s; it should error at once`);
    }
    expectControlPassed(run);
    await expectNoSurvivors(await startedPids(ws, ['quitter', 'control']));
});

test('case 8: a tool whose inputSchema is not valid JSON Schema fails its checks, not the run', async (t) => {
    const ws = await Workspace.create();
    const run = await runYaml(
        ws,
        spec(ws, { name: 'sloppy', mode: 'bad-input-schema', timeout: '5s' }, [
            '    tools: { include: [ok, broken_schema, sloppy] }',
            '    calls:',
            '      - { name: ok beside a broken schema, tool: ok, expect: { text: ok } }',
            '      - { name: call the broken tool, tool: broken_schema, args: { x: 1 }, expect: { text: ok } }',
            '      - { name: call the sloppy tool, tool: sloppy, expect: { text: ok } }',
        ]),
    );
    await expectRun(t, run, {
        code: 1,
        maxMs: 5_000 + 10_000,
        planned: {
            sloppy: ['lists tool ok', 'lists tool broken_schema', 'lists tool sloppy', 'ok beside a broken schema', 'call the broken tool', 'call the sloppy tool'],
            control: CONTROL_CASES,
        },
    });
    expectCase(run, 'sloppy', 'lint: input-schema-compiles', { status: 'failed', says: ['tool "broken_schema": inputSchema does not compile'] });
    // One bad tool does not hide the others.
    for (const name of ['lists tool ok', 'lists tool broken_schema', 'lists tool sloppy', 'ok beside a broken schema', 'call the sloppy tool']) {
        expectCase(run, 'sloppy', name, { status: 'passed' });
    }
    expectCase(run, 'sloppy', 'call the broken tool', { status: ['failed', 'errored'], says: ['not valid JSON Schema'] });
    expectControlPassed(run);
    await expectNoSurvivors(await startedPids(ws, ['sloppy', 'control']));
});

test('case 9: text hostile to reports: JUnit stays valid XML, the console shows escapes instead of running them', async (t) => {
    const ws = await Workspace.create();
    const run = await runYaml(
        ws,
        spec(ws, { name: 'hostile', mode: 'hostile-text', timeout: '5s' }, [
            '    calls:',
            // Fails on purpose, so the hostile text is shown as the actual value.
            '      - { name: hostile mismatch, tool: hostile, expect: { text: plain } }',
            '      - { name: hostile contains, tool: hostile, expect: { text: { contains: second line } } }',
        ]),
    );
    // expectRun validates the JUnit file against junit-10.xsd.
    await expectRun(t, run, { code: 1, maxMs: 5_000 + 10_000, planned: { hostile: ['hostile mismatch', 'hostile contains'], control: CONTROL_CASES } });
    expectCase(run, 'hostile', 'hostile contains', { status: 'passed' });
    const { console: entry, junit } = expectCase(run, 'hostile', 'hostile mismatch', { status: 'failed' });

    // Console: no raw control characters at all (tab and newline aside), escapes shown instead.
    const raw = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/.exec(run.stdout);
    assert.equal(raw, null, `the console output contains a raw control character ${JSON.stringify(raw?.[0])}`);
    assert.ok(!run.stdout.includes('\ufffd'), 'the lone surrogate was mangled into U+FFFD instead of shown as \\ud800');
    for (const escape of ['\\u001b', '\\u0000', '\\ud800']) {
        assert.ok(entry.text.includes(escape), `the console should show ${escape} visibly:\n${entry.text}`);
    }
    assert.ok(entry.text.includes('cdata-end[]]>]') && entry.text.includes('lt[<]') && entry.text.includes('amp[&]'), `console:\n${entry.text}`);

    // JUnit: nothing XML forbids, even outside CDATA; the text survives as visible escapes.
    const forbidden = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.exec(run.junitXml);
    assert.equal(forbidden, null, `JUnit contains a character XML forbids: ${JSON.stringify(forbidden?.[0])}`);
    assert.ok(!run.junitXml.includes('\u001b'), 'JUnit contains a raw ESC');
    for (const expected of ['\\u001b[31mRED', '\\u0000', '\\ud800', 'lt[<]', 'amp[&]', '<script>alert(1)</script>']) {
        assert.ok(junit.text.includes(expected), `JUnit failure should show ${expected}:\n${junit.text}`);
    }
    assert.ok(junit.text.includes('cdata-end[]]'), `JUnit failure lost the text around "]]>":\n${junit.text}`);
    expectControlPassed(run);
    await expectNoSurvivors(await startedPids(ws, ['hostile', 'control']));
});

test('case 10: a 10 MB text is handled; reports show a bounded excerpt', async (t) => {
    const ws = await Workspace.create();
    const run = await runYaml(
        ws,
        spec(ws, { name: 'huge', mode: 'huge-text', timeout: '10s', more: ['    env: { HUGE_TEXT_BYTES: "10000000" }'] }, [
            '    calls:',
            '      - { name: huge contains, tool: huge, expect: { text: { contains: huge-text } } }',
            // Fails on purpose: the 10 MB text becomes the actual value in every report.
            '      - { name: huge mismatch, tool: huge, expect: { text: small } }',
            '      - { name: ok after huge, tool: ok, expect: { text: ok } }',
        ]),
    );
    await expectRun(t, run, { code: 1, maxMs: 10_000 + 10_000, planned: { huge: ['huge contains', 'huge mismatch', 'ok after huge'], control: CONTROL_CASES } });
    expectCase(run, 'huge', 'huge contains', { status: 'passed' });
    expectCase(run, 'huge', 'ok after huge', { status: 'passed' });
    const { console: entry, junit } = expectCase(run, 'huge', 'huge mismatch', { status: 'failed', says: ['huge-text xxxx'] });
    assert.match(entry.text, /… \(\d+ chars\)/, `the console should cut the actual value:\n${entry.text.slice(0, 2000)}`);
    assert.match(junit.text, /… \[\d+ more characters not shown\]|… \(\d+ chars\)/, `the JUnit failure should say it is an excerpt:\n${junit.text.slice(0, 2000)}`);
    assert.ok(run.junitXml.length < 200_000, `JUnit is ${run.junitXml.length} chars; it must not hold the payload`);
    assert.ok(run.stdout.length < 200_000, `the console printed ${run.stdout.length} chars; it must not print the payload`);
    expectControlPassed(run);
    await expectNoSurvivors(await startedPids(ws, ['huge', 'control']));
});

test('case 11: servers started through a wrapper (sh -c, npx): the whole process tree is stopped', async (t) => {
    const ws = await Workspace.create();
    // Both real servers are grandchildren and --stubborn: they ignore SIGTERM and stdin EOF,
    // so stopping only the direct child (or only politely) leaves them running.
    const viaSh =
        `echo $$ > ${ws.pidFile('sh-wrapper')}; ` +
        `node ${FAULTY} --mode hang-on-call --stubborn --pid-file ${ws.pidFile('via-sh')}; echo wrapper done`;
    const viaNpx =
        `echo $PPID > ${ws.pidFile('npx')}; echo $$ > ${ws.pidFile('npx-shell')}; ` +
        `node ${FAULTY} --mode normal --stubborn --pid-file ${ws.pidFile('via-npx')}; echo wrapper done`;
    const run = await runYaml(
        ws,
        [
            'servers:',
            '  via-sh:',
            '    command: sh',
            `    args: [-c, ${q(viaSh)}]`,
            '    timeout: 5s',
            '  via-npx:',
            '    command: npx',
            `    args: [-c, ${q(viaNpx)}]`,
            '    timeout: 10s',
            ws.controlServer(),
            'tests:',
            '  - server: via-sh',
            '    calls:',
            '      - { name: sh ok, tool: ok, expect: { text: ok } }',
            '      - { name: sh hang, tool: hang, timeout: 1500ms }',
            '  - server: via-npx',
            '    calls:',
            '      - { name: npx ok, tool: ok, expect: { text: ok } }',
            Workspace.controlTest(),
            '',
        ].join('\n'),
    );
    // 1.5 s timeout, a few seconds to stop stubborn trees (SIGTERM grace, then SIGKILL), margin.
    await expectRun(t, run, {
        code: 1,
        maxMs: 1_500 + 5_000 + 10_000,
        planned: { 'via-sh': ['sh ok', 'sh hang'], 'via-npx': ['npx ok'], control: CONTROL_CASES },
    });
    expectCase(run, 'via-sh', 'sh ok', { status: 'passed' });
    expectCase(run, 'via-sh', 'sh hang', { status: 'errored', says: ['tools/call hang timed out after 1500 ms'] });
    expectCase(run, 'via-npx', 'npx ok', { status: 'passed' });
    expectControlPassed(run);
    const pids = await startedPids(ws, ['sh-wrapper', 'via-sh', 'npx', 'npx-shell', 'via-npx', 'control']);
    assert.notEqual(pids.get('via-sh'), pids.get('sh-wrapper'), `sh exec'd the server, so it is not a grandchild\n${show(run)}`);
    await expectNoSurvivors(pids);
});
