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
