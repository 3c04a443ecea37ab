/** The run command starts servers early, but never for a spec that is not valid. */
import { it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import { join } from 'node:path';
import { runCli } from '../helpers/cli.js';
import { tempDir, writeTemp } from '../helpers/files.js';
import { WEATHER } from '../helpers/servers.js';

it('a spec that starts its server from ${SPEC_DIR} passes when run from another folder', async () => {
    const folder = await tempDir();
    // A server next to the spec, found through ${SPEC_DIR} wherever mcp-check runs.
    await writeFile(join(folder, 'server.mjs'), `import ${JSON.stringify(pathToFileURL(WEATHER).href)};\n`);
    await writeFile(
        join(folder, 'weather.yaml'),
        ['servers:', '  w: { command: node, args: ["${SPEC_DIR}/server.mjs"] }', 'tests:', '  - server: w', '    tools: { include: [get_forecast] }'].join('\n'),
    );
    const run = await runCli([join(folder, 'weather.yaml')], { cwd: await tempDir() });
    assert.equal(run.code, 0, run.stdout + run.stderr);
    assert.match(run.stdout, /✓ lists tool get_forecast/);
});

it('a spec with a mistake in its last test starts no server at all', async () => {
    const marker = join(await tempDir(), 'server-started');
    // The "server" only proves it ran, by writing the marker file.
    const server = `require('node:fs').writeFileSync(${JSON.stringify(marker)}, 'started')`;
    const spec = await writeTemp(
        [
            'servers:',
            `  s: { command: ${JSON.stringify(process.execPath)}, args: ["-e", ${JSON.stringify(server)}] }`,
            'tests:',
            '  - server: s',
            '    calls:',
            '      - { tool: echo, args: { text: a } }',
            '      - { tool: echo, args: { text: b }, expect: { txet: b } }',
        ].join('\n'),
    );
    const run = await runCli([spec]);
    assert.equal(run.code, 2, run.stderr);
    assert.match(run.stderr, /unknown key "txet"/);
    assert.equal(existsSync(marker), false, 'the server was started');
});

it('a reader that stops reading (`| head -1`) does not end the run: the JUnit report is written and the exit code holds', async () => {
    const { spawn } = await import('node:child_process');
    const { CLI, ROOT } = await import('../helpers/cli.js');
    const junit = join(await tempDir(), 'report.xml');
    const child = spawn(process.execPath, [CLI, 'specs/weather.yaml', '--junit', junit], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    // Like `head -1`: read the first chunk, then close the pipe.
    child.stdout.once('data', () => child.stdout.destroy());
    const code = await new Promise<number | null>((resolve) => child.once('close', (c) => resolve(c)));
    assert.equal(code, 0, stderr);
    assert.doesNotMatch(stderr, /EPIPE|internal error/);
    assert.ok(existsSync(junit), 'the JUnit report is written');
});
