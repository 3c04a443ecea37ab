/**
 * Hostile servers and specs: what an attacker controls (a server's every answer, a spec copied
 * from elsewhere) must not forge CI output, leak a secret, hang the run or blur its errors.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { HOSTILE as HOSTILE_PATH, startListeningFixture } from '../helpers/servers.js';
import { expectNoSurvivors, expectRun, HTTP_FAULTS, q, runSpec, runYaml, show, startedPids, waitFor, Workspace } from './support.js';

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

/** Every piece of `length` characters of each form a secret may take in a report. */
function secretPieces(secret: string, length = 4): string[] {
    const json = JSON.stringify(secret).slice(1, -1);
    const forms = [secret, json, JSON.stringify(json).slice(1, -1), encodeURIComponent(secret)];
    return [...new Set(forms.flatMap((form) => Array.from({ length: form.length - length + 1 }, (_, i) => form.slice(i, i + length))))];
}

/** The pieces of `secret` that `text` shows, also once XML and HTML entities are decoded. */
function leaked(text: string, secret: string): string[] {
    const decoded = text.replace(/&(quot|amp|lt|gt|#39|#x27);/g, (_, e: string) => ({ quot: '"', amp: '&', lt: '<', gt: '>', '#39': "'", '#x27': "'" })[e]!);
    return secretPieces(secret).filter((piece) => text.includes(piece) || decoded.includes(piece));
}

test('a secret is redacted whole after quoting, escaping and cutting, in every report', async () => {
    const ws = await Workspace.create();
    const secret = 'Sk"q\\Zt<9&mW@r4#Vx';
    const pad = (n: number) => 'x'.repeat(n);
    const run = await runYaml(
        ws,
        [
            'secrets: ["${HOSTILE_SECRET}"]',
            'servers:',
            '  echo:',
            '    command: node',
            `    args: ${ws.hostileArgs('echo', 'echo')}`,
            '    timeout: 10s',
            'tests:',
            '  - server: echo',
            '    calls:',
            // Unnamed: the default name holds the arguments as JSON, cut at 57 characters.
            `      - { tool: echo, args: { say: "${pad(40)}\${HOSTILE_SECRET}" } }`,
            // The note of an isError answer keeps 200 characters.
            `      - { name: note, tool: echo, args: { isError: true, say: "${pad(190)}\${HOSTILE_SECRET}" }, expect: { rejects: true } }`,
            // A line on stdout that is not JSON-RPC is quoted, cut at 120 characters.
            `      - { name: noise, tool: echo, args: { stdout: "${pad(110)}\${HOSTILE_SECRET}" } }`,
            '      - { name: error, tool: echo, args: { fail: "failed on ${HOSTILE_SECRET}" } }',
            '      - { name: compared, tool: echo, args: { say: "${HOSTILE_SECRET}" }, expect: { text: { contains: "nothing" } } }',
            // Last on stderr, so the 8 KB tail starts 8 characters into the secret.
            `      - { name: tail, tool: echo, args: { stderr: "\${HOSTILE_SECRET}", stderrPad: ${8192 - (secret.length - 8) - 1} }, expect: { text: nope } }`,
            '',
        ].join('\n'),
        { env: { HOSTILE_SECRET: secret }, args: ['--reporter', 'console', '--reporter', `json:${ws.path('report.json')}`, '--reporter', `html:${ws.path('report.html')}`] },
    );
    assert.equal(run.code, 1, show(run));
    const { readFile } = await import('node:fs/promises');
    const outputs = {
        stdout: run.stdout,
        stderr: run.stderr,
        junit: run.junitXml,
        json: await readFile(ws.path('report.json'), 'utf8'),
        html: await readFile(ws.path('report.html'), 'utf8'),
    };
    for (const [name, text] of Object.entries(outputs)) assert.deepEqual(leaked(text, secret), [], `${name} shows part of the secret\n${show(run)}`);
    // The places that cut or quoted it are still reported, with the secret masked.
    assert.match(run.stdout, /echo \{"say":"x+\*\*\*…/, show(run));
    assert.match(run.stdout, /earlier bytes omitted\]\n\s*\*\*\*\.\.\./, show(run));
    await expectNoSurvivors(await startedPids(ws, ['echo']));
});

test("no request follows a redirect to another origin with the spec's headers", async () => {
    const elsewhere = await startListeningFixture(HTTP_FAULTS, ['--mode', 'html', '--port', '0', '--log-headers']);
    let seen = '';
    elsewhere.process.stderr!.on('data', (d: Buffer) => (seen += d.toString()));
    const redirector = await startListeningFixture(HTTP_FAULTS, ['--mode', 'redirect', '--port', '0', '--location', elsewhere.url]);
    try {
        const ws = await Workspace.create();
        const run = await runYaml(
            ws,
            [
                'servers:',
                ...['streamable_http', 'sse'].flatMap((transport) => [
                    `  moved-${transport}:`,
                    `    url: ${redirector.url}`,
                    `    transport: ${transport}`,
                    '    headers: { X-Api-Key: key-for-the-first-origin }',
                    '    timeout: 5s',
                ]),
                'tests:',
                '  - server: moved-streamable_http',
                '  - server: moved-sse',
                '',
            ].join('\n'),
        );
        assert.equal(run.code, 1, show(run));
        assert.doesNotMatch(seen, /key-for-the-first-origin/i, `the other origin got the key:\n${seen}`);
        for (const server of ['moved-streamable_http', 'moved-sse']) assert.ok(run.stdout.includes(`cannot connect to server "${server}"`), show(run));
    } finally {
        await redirector.stop();
        await elsewhere.stop();
    }
});

test('credentials in URLs, arguments and imported configs are redacted; ports and plain values are not', async () => {
    const ws = await Workspace.create();
    const { freePort } = await import('../helpers/servers.js');
    const port = String(await freePort());
    const { writeFile } = await import('node:fs/promises');
    const { HOSTILE } = await import('./support.js');
    await writeFile(
        ws.path('claude_desktop_config.json'),
        JSON.stringify({ mcpServers: { imported: { command: 'node', args: [HOSTILE, '--mode', 'echo', '--token', 'tok-imported-7f3a', 'postgres://app:dbpass-91c2@db.example/x'] } } }),
    );
    const run = await runYaml(
        ws,
        [
            'servers:',
            '  $import: claude_desktop_config.json',
            '  local:',
            '    command: node',
            `    args: [${JSON.stringify(HOSTILE)}, --mode, echo, --api-key, "\${API_KEY}"]`,
            '    env: { VERBOSE: "${VERBOSE}", SERVICE_TOKEN: "${SERVICE_TOKEN}" }',
            '  remote:',
            '    url: "http://user:pw-3c8e%21@127.0.0.1:${PORT}/mcp?api_key=${QUERY_KEY}&mode=${MODE}"',
            '    timeout: 3s',
            'tests:',
            '  - server: imported',
            '  - server: local',
            '    calls:',
            '      - { name: env, tool: echo, args: { env: [VERBOSE, SERVICE_TOKEN] }, expect: { text: nope } }',
            '  - server: remote',
            '',
        ].join('\n'),
        { env: { API_KEY: 'key-5d1b9e', VERBOSE: '1', SERVICE_TOKEN: 'svc-0a4f62', PORT: port, QUERY_KEY: 'qk-82d7e1', MODE: 'fast' } },
    );
    assert.equal(run.code, 1, show(run));
    const everything = `${run.stdout}\n${run.stderr}\n${run.junitXml}`;
    for (const secret of ['tok-imported-7f3a', 'dbpass-91c2', 'key-5d1b9e', 'svc-0a4f62', 'pw-3c8e', 'qk-82d7e1']) assert.ok(!everything.includes(secret), `${secret} shows\n${show(run)}`);
    assert.ok(run.stdout.includes(`@127.0.0.1:${port}/mcp`), `the port is shown\n${show(run)}`);
    assert.ok(run.stdout.includes('{\\"VERBOSE\\":\\"1\\",\\"SERVICE_TOKEN\\":\\"***\\"}'), `VERBOSE=1 is shown\n${show(run)}`);
    assert.ok(run.stdout.includes('--token *** postgres://***:***@db.example/x'), show(run));
});

test('a short or common secret is still redacted, with one warning naming where it is, never what', async () => {
    const ws = await Workspace.create();
    const run = await runYaml(
        ws,
        [
            'secrets: ["${LEVEL}", "${LEVEL}"]',
            'servers:',
            '  echo:',
            '    command: node',
            `    args: ${ws.hostileArgs('echo', 'echo')}`,
            'tests:',
            '  - server: echo',
            '    calls:',
            '      - { name: says, tool: echo, args: { say: "level is info" }, expect: { text: nope } }',
            '',
        ].join('\n'),
        { env: { LEVEL: 'info' } },
    );
    assert.equal(run.code, 1, show(run));
    const warnings = run.stderr.split('\n').filter((line) => line.startsWith('mcp-check: warning: the secret at secrets['));
    assert.equal(warnings.length, 1, show(run));
    assert.match(warnings[0]!, /secrets\[0\] \(and 1 more place\) is shorter than 6 characters/);
    assert.ok(!warnings[0]!.includes('info'), warnings[0]);
    assert.ok(run.stdout.includes('"level is ***"'), show(run));
});

test('a schema pattern that backtracks exponentially is checked in linear time, both ways', async () => {
    const ws = await Workspace.create();
    const word = `${'a'.repeat(40)}!`;
    const run = await runYaml(
        ws,
        [
            'servers:',
            '  redos:',
            '    command: node',
            `    args: ${ws.hostileArgs('redos', 'redos')}`,
            '    timeout: 5s',
            'tests:',
            '  - server: redos',
            '    calls:',
            `      - { name: input, tool: redos, args: { word: "${word}" } }`,
            '      - { name: output, tool: redos }',
            `      - { name: spec pattern, tool: redos, args: { word: aaa }, expect: { text: { matches: "^(a+)+$" } } }`,
            '',
        ].join('\n'),
        // Far below what V8's backtracking would need for 40 characters; RE2 needs microseconds.
        { killAfterMs: 20_000 },
    );
    assert.equal(run.signal, null, `the run was killed: a regular expression hung it\n${show(run)}`);
    assert.equal(run.code, 1, show(run));
    for (const name of ['input', 'output', 'spec pattern']) assert.match(run.stdout, new RegExp(`✗ ${name} `), show(run));
    assert.equal(run.stdout.split('must match pattern "^(a+)+$"').length - 1, 2, show(run));
    await expectNoSurvivors(await startedPids(ws, ['redos']));
});

test('SIGTERM while a start: server is not yet ready ends the run at once, with reports', async (t) => {
    const ws = await Workspace.create();
    const { freePort } = await import('../helpers/servers.js');
    const { existsSync } = await import('node:fs');
    const pidFile = ws.pidFile('slow');
    // Starts, writes its PID, and never listens.
    const script = `require('fs').writeFileSync(${JSON.stringify(pidFile)}, String(process.pid)); setInterval(() => {}, 1000)`;
    const spec = await ws.writeSpec(
        [
            'servers:',
            '  slow:',
            `    url: http://127.0.0.1:${await freePort()}/mcp`,
            `    start: { command: node, args: [-e, ${q(script)}], timeout: 120s }`,
            'tests:',
            '  - server: slow',
            '    calls: [{ name: never sent, tool: echo }]',
            '',
        ].join('\n'),
    );
    let cliPid: number | undefined;
    const running = runSpec(ws, spec, { onSpawn: (pid) => (cliPid = pid), killAfterMs: 30_000 });
    await waitFor(() => existsSync(pidFile), 15_000, 'the start command to run');
    process.kill(cliPid!, 'SIGTERM');
    const run = await running;
    // The safety net (30 s) is far below the readiness timeout (120 s): only the signal ends this run.
    await expectRun(t, run, { code: 143, maxMs: 30_000, planned: { slow: ['never sent'] } });
    await expectNoSurvivors(await startedPids(ws, ['slow']));
});

test('$import fan-out: files imported again and again are read and expanded once', async () => {
    const ws = await Workspace.create();
    const { writeFile } = await import('node:fs/promises');
    const levels = 24;
    // Each level imports the next one twice: 2^24 paths to the last file.
    for (let i = 1; i < levels; i++) {
        await writeFile(ws.path(`level-${i}.yaml`), `servers:\n  $import: [level-${i + 1}.yaml, ./level-${i + 1}.yaml]\n  s${i}: { command: node, args: [s${i}.js] }\n`);
    }
    await writeFile(ws.path(`level-${levels}.yaml`), `servers:\n  deep:\n    command: node\n    args: ${ws.hostileArgs('deep', 'echo')}\n`);
    const run = await runYaml(ws, ['servers:', '  $import: [level-1.yaml, level-1.yaml]', 'tests:', '  - server: deep', ''].join('\n'), { killAfterMs: 30_000 });
    assert.equal(run.signal, null, `the run was killed: the imports were expanded once per path\n${show(run)}`);
    assert.equal(run.code, 0, show(run));
    await expectNoSurvivors(await startedPids(ws, ['deep']));
});

test('a report path that cannot hold a file fails at once, saying why; the other reports are written', async () => {
    const ws = await Workspace.create();
    const { writeFile } = await import('node:fs/promises');
    await writeFile(ws.path('plain-file'), 'not a folder');
    const run = await runYaml(
        ws,
        ['servers:', '  echo:', '    command: node', `    args: ${ws.hostileArgs('echo', 'echo')}`, 'tests:', '  - server: echo', ''].join('\n'),
        {
            args: ['--reporter', 'console', '--reporter', 'json:/proc/self/mcp-check/report.json', '--reporter', `html:${ws.path('plain-file/report.html')}`],
            killAfterMs: 30_000,
        },
    );
    assert.equal(run.signal, null, `the run was killed: creating a folder hung\n${show(run)}`);
    assert.equal(run.code, 1, show(run));
    assert.match(run.stderr, /could not write a report: cannot write \/proc\/self\/mcp-check\/report\.json: cannot create the folder \/proc\/self\/mcp-check \(ENOENT\)/, show(run));
    assert.match(run.stderr, /could not write a report: cannot write \S+plain-file\/report\.html: \S+plain-file is a file, not a folder/, show(run));
    assert.ok(run.junitXml.length > 0, `the JUnit report is written all the same\n${show(run)}`);
    await expectNoSurvivors(await startedPids(ws, ['echo']));
});

test('a stdio target is shown shell-quoted: pasted into a shell it gives back the same words and runs nothing', async () => {
    const ws = await Workspace.create();
    const { execFileSync } = await import('node:child_process');
    const { existsSync } = await import('node:fs');
    const marker = ws.path('pwned');
    const odd = `$(touch ${marker}) it's "odd"; \`touch ${marker}\``;
    const run = await runYaml(
        ws,
        ['servers:', '  odd:', '    command: node', `    args: [${q(HOSTILE_PATH)}, --mode, echo, ${q(odd)}]`, 'tests:', '  - server: odd', '    tools: { include: [missing] }', ''].join('\n'),
    );
    assert.equal(run.code, 1, show(run));
    const target = /› odd \(stdio: (.*?)(?:, protocol [^)]*)?\)$/m.exec(run.stdout)?.[1];
    assert.ok(target, show(run));
    const words = execFileSync('sh', ['-c', `printf '%s\\n' ${target}`], { encoding: 'utf8' }).split('\n').slice(0, -1);
    assert.deepEqual(words, ['node', HOSTILE_PATH, '--mode', 'echo', odd]);
    assert.equal(existsSync(marker), false);
});

test('a spec file over the stated size is refused at once with a clear message', async () => {
    const ws = await Workspace.create();
    const { writeFile } = await import('node:fs/promises');
    const call = '      - { name: "call %", tool: echo, args: { say: "a moderately long argument to make each call about a hundred bytes" } }\n';
    const calls = Array.from({ length: 110_000 }, (_, i) => call.replace('%', String(i))).join('');
    const spec = ws.path('huge.yaml');
    await writeFile(spec, `servers:\n  echo:\n    command: node\n    args: ${ws.hostileArgs('echo', 'echo')}\ntests:\n  - server: echo\n    calls:\n${calls}`);
    const run = await runSpec(ws, spec, { killAfterMs: 60_000 });
    assert.equal(run.code, 2, show(run));
    assert.match(run.stderr, /huge\.yaml: the spec file is 1\d\.\d MB; mcp-check reads spec files up to 10\.0 MB/, show(run));
    assert.deepEqual(await ws.pids(), new Map(), 'no server was started');
});
