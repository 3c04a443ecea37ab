import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { loadServerConfigFile } from '../../src/load/import.js';
import { loadSpec } from '../../src/load/load.js';
import type { TestSpec } from '../../src/load/types.js';
import { specErrors, writeSpecs, yaml } from './helpers.js';

/** Two builds in the group `builds` and a staging server outside it (lines 1–9). */
const SERVERS = [
    'servers:',
    '  stdio:',
    '    command: node',
    '    group: builds',
    '  http:',
    '    url: http://127.0.0.1:8931/mcp',
    '    group: builds',
    '  staging:',
    '    url: https://staging.example.com/mcp',
];

/** Writes a spec of `SERVERS` plus `lines` and returns its path. */
async function matrixSpec(...lines: string[]): Promise<string> {
    const dir = await writeSpecs({ 'spec.yaml': yaml(...SERVERS, ...lines) });
    return join(dir, 'spec.yaml');
}

/** Each test as server, entry path and matrix, to compare expansions at a glance. */
function summary(tests: readonly TestSpec[]): [string, string, TestSpec['matrix']][] {
    return tests.map((t) => [t.server, t.path.join('.'), t.matrix]);
}

test('a list of servers becomes one test per server, in list order, sharing a matrix', async () => {
    const file = await matrixSpec('tests:', '  - server: [staging, stdio, http]', '    tools: { include: [get_alerts] }');
    const suite = await loadSpec(file, {});
    const matrix = { id: 'tests[0]', servers: ['staging', 'stdio', 'http'] };
    assert.deepEqual(summary(suite.tests), [
        ['staging', 'tests.0', matrix],
        ['stdio', 'tests.0', matrix],
        ['http', 'tests.0', matrix],
    ]);
    for (const t of suite.tests) {
        assert.deepEqual(t.loc, { file, line: 11, col: 5 });
        assert.deepEqual(t.tools!.include, [{ name: 'get_alerts', loc: { file, line: 12, col: 24 } }]);
    }
});

test('a group name means every server of the group, in declaration order', async () => {
    const file = await matrixSpec('tests:', '  - server: staging', '  - server: builds', '    calls: [{ tool: get_alerts }]');
    const suite = await loadSpec(file, {});
    const matrix = { id: 'tests[1]', servers: ['stdio', 'http'] };
    assert.deepEqual(summary(suite.tests), [
        // A single server name stays a plain test.
        ['staging', 'tests.0', undefined],
        ['stdio', 'tests.1', matrix],
        ['http', 'tests.1', matrix],
    ]);
    assert.equal('matrix' in suite.tests[0]!, false);
    const [, stdio, http] = suite.tests;
    assert.deepEqual(stdio!.calls, http!.calls);
    assert.deepEqual(stdio!.calls[0]!.path, ['tests', 1, 'calls', 0]);
});

test('a list may name groups; matrix ids tell the entries apart', async () => {
    const file = await matrixSpec('tests:', '  - server: [staging, builds]', '  - server: [http, stdio]');
    const suite = await loadSpec(file, {});
    const first = { id: 'tests[0]', servers: ['staging', 'stdio', 'http'] };
    const second = { id: 'tests[1]', servers: ['http', 'stdio'] };
    assert.deepEqual(summary(suite.tests), [
        ['staging', 'tests.0', first],
        ['stdio', 'tests.0', first],
        ['http', 'tests.0', first],
        ['http', 'tests.1', second],
        ['stdio', 'tests.1', second],
    ]);
});

test('a list or group that comes to one server makes no matrix', async () => {
    const file = await matrixSpec('  solo:', '    command: node', '    group: alone', 'tests:', '  - server: [staging]', '  - server: alone');
    const suite = await loadSpec(file, {});
    assert.deepEqual(summary(suite.tests), [
        ['staging', 'tests.0', undefined],
        ['solo', 'tests.1', undefined],
    ]);
});

test('expanded tests share nothing, so changing one leaves the others alone', async () => {
    const file = await matrixSpec('tests:', '  - server: builds', '    tags: [smoke]', '    calls: [{ tool: t, args: { n: 1 } }]');
    const [stdio, http] = (await loadSpec(file, {})).tests;
    assert.notEqual(stdio!.calls, http!.calls);
    assert.notEqual(stdio!.calls[0]!.args, http!.calls[0]!.args);
    assert.notEqual(stdio!.tags, http!.tags);
    assert.notEqual(stdio!.matrix, http!.matrix);
    assert.notEqual(stdio!.matrix!.servers, http!.matrix!.servers);
    assert.deepEqual({ ...stdio!, server: 'x' }, { ...http!, server: 'x' });
});

test('`group` is not a connection setting: it stays out of the server config', async () => {
    const file = await matrixSpec('tests:', '  - server: builds');
    const suite = await loadSpec(file, {});
    assert.deepEqual(suite.servers['stdio']!.config, { transport: 'stdio', command: 'node' });
    assert.deepEqual(suite.servers['http']!.config, { transport: 'streamable_http', url: 'http://127.0.0.1:8931/mcp' });
    const servers = await loadServerConfigFile(file, {});
    assert.deepEqual(servers['stdio']!.config, { transport: 'stdio', command: 'node' });
});

test('unknown names in a list are each reported at their place, with the servers and groups declared', async () => {
    const file = await matrixSpec('tests:', '  - server: [stdio, htp, biulds]', '  - server: nope');
    const declared = '(servers: stdio, http, staging; groups: builds)';
    assert.deepEqual(await specErrors(loadSpec(file, {})), [
        `${file}:11:21: tests[0].server[1]: unknown server or group "htp" ${declared}`,
        `${file}:11:26: tests[0].server[2]: unknown server or group "biulds" ${declared}`,
        `${file}:12:13: tests[1].server: unknown server or group "nope" ${declared}`,
    ]);
});

test('without groups, an unknown name in a list lists the declared servers as before', async () => {
    const dir = await writeSpecs({ 'spec.yaml': yaml('servers:', '  a: { command: node }', '  b: { command: node }', 'tests:', '  - server: [a, c]') });
    const file = join(dir, 'spec.yaml');
    assert.deepEqual(await specErrors(loadSpec(file, {})), [`${file}:5:17: tests[0].server[1]: unknown server "c" (declared: a, b)`]);
});

test('an empty list and items that are not names are reported', async () => {
    const file = await matrixSpec('tests:', '  - server: []', '  - server: [stdio, 3]', '  - server: { name: stdio }');
    assert.deepEqual(await specErrors(loadSpec(file, {})), [
        `${file}:11:13: tests[0].server: must not be empty`,
        `${file}:12:21: tests[1].server[1]: expected string, got number`,
        `${file}:13:13: tests[2].server: expected string or array, got object`,
    ]);
});

test('a server named twice, directly or through its group, is reported at the repeat', async () => {
    const file = await matrixSpec(
        'tests:',
        '  - server: [http, staging, http]',
        '  - server: [builds, builds]',
        '  - server: [stdio, builds]',
        '  - server: [builds, http]',
    );
    assert.deepEqual(await specErrors(loadSpec(file, {})), [
        `${file}:11:29: tests[0].server[2]: server "http" is listed twice (first at tests[0].server[0])`,
        `${file}:12:22: tests[1].server[1]: group "builds" is listed twice (first at tests[1].server[0])`,
        `${file}:13:21: tests[2].server[1]: group "builds" includes server "stdio", already listed at tests[2].server[0]`,
        `${file}:14:22: tests[3].server[1]: server "http" is already listed, by group "builds" at tests[3].server[0]`,
    ]);
});

test('a group named like a server is reported at each `group:` using that name', async () => {
    const file = await matrixSpec('  solo:', '    command: node', '    group: staging', 'tests:', '  - server: staging');
    assert.deepEqual(await specErrors(loadSpec(file, {})), [
        `${file}:12:12: servers.solo.group: group "staging" has the same name as server "staging" (a group name must differ from every server name)`,
    ]);
});

test('`group` must be a non-empty string', async () => {
    const dir = await writeSpecs({
        'spec.yaml': yaml('servers:', '  a:', '    command: node', '    group: ""', '  b:', '    command: node', '    group: 3', 'tests:', '  - server: a'),
    });
    const file = join(dir, 'spec.yaml');
    assert.deepEqual(await specErrors(loadSpec(file, {})), [
        `${file}:4:12: servers.a.group: must not be empty`,
        `${file}:7:12: servers.b.group: expected string, got number`,
    ]);
});

test('names in a list are interpolated, and a missing variable gets no follow-on error', async () => {
    const file = await matrixSpec('tests:', '  - server: ["${TARGET}", staging]');
    const suite = await loadSpec(file, { TARGET: 'http' });
    assert.deepEqual(
        suite.tests.map((t) => t.server),
        ['http', 'staging'],
    );
    assert.deepEqual(await specErrors(loadSpec(file, {})), [
        `${file}:11:14: tests[0].server[0]: environment variable "TARGET" is not set (write "\${TARGET:-default}" to give a default)`,
    ]);
});

test('groups come along with servers imported from another spec, and are checked in that file', async () => {
    const dir = await writeSpecs({
        'base.yaml': yaml(...SERVERS, 'tests:', '  - server: stdio'),
        'spec.yaml': yaml('servers:', '  $import: base.yaml', '  local:', '    command: node', '    group: builds', 'tests:', '  - server: builds'),
        'clash.yaml': yaml('servers:', '  $import: base.yaml', '  builds:', '    command: node', 'tests:', '  - server: builds'),
    });
    const suite = await loadSpec(join(dir, 'spec.yaml'), {});
    assert.deepEqual(summary(suite.tests), [
        ['stdio', 'tests.0', { id: 'tests[0]', servers: ['stdio', 'http', 'local'] }],
        ['http', 'tests.0', { id: 'tests[0]', servers: ['stdio', 'http', 'local'] }],
        ['local', 'tests.0', { id: 'tests[0]', servers: ['stdio', 'http', 'local'] }],
    ]);
    const message = 'group "builds" has the same name as server "builds" (a group name must differ from every server name)';
    assert.deepEqual(await specErrors(loadSpec(join(dir, 'clash.yaml'), {})), [
        `${join(dir, 'base.yaml')}:4:12: servers.stdio.group: ${message}`,
        `${join(dir, 'base.yaml')}:7:12: servers.http.group: ${message}`,
    ]);
});
