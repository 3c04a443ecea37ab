import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { loadSpec } from '../../src/load/load.js';
import { MINIMAL, specErrors, writeSpecs, yaml } from './helpers.js';

const VALID = yaml(
    '# yaml-language-server: $schema=../schema/mcp-check.schema.json',
    'servers:',
    '  weather:',
    '    command: node',
    '    args: [server.js, --port, 8931]',
    '    env: { UNITS: metric, PORT: 8080 }',
    '    timeout: 30s',
    '  weather-http:',
    '    url: http://127.0.0.1:8931/mcp',
    '    sse_read_timeout: 5m',
    '    start:',
    '      command: node',
    '      timeout: 20',
    '  legacy:',
    '    transport: sse',
    '    url: http://127.0.0.1:8932/sse',
    'tests:',
    '  - server: weather',
    '    tools:',
    '      include: [get_alerts]',
    '      exclude: [delete_everything]',
    '    calls:',
    '      - tool: get_alerts',
    '        args: { state: CA }',
    '        timeout: 500ms',
    '        expect:',
    '          isError: false',
    '          text: Heat Advisory',
    '      - name: structured',
    '        tool: get_forecast',
    '        expect:',
    '          text: { matches: "^Sunny" }',
    '          structuredContent: { unit: celsius }',
);

/** Writes one spec file and returns its path. */
async function specFile(text: string): Promise<string> {
    const dir = await writeSpecs({ 'spec.yaml': text });
    return join(dir, 'spec.yaml');
}

test('a valid spec becomes a typed suite', async () => {
    const file = await specFile(VALID);
    const suite = await loadSpec(file, {});
    assert.equal(suite.file, file);
    assert.equal(suite.name, 'spec.yaml');
    assert.deepEqual(suite.servers['weather']!.config, {
        transport: 'stdio',
        command: 'node',
        args: ['server.js', '--port', '8931'],
        env: { UNITS: 'metric', PORT: '8080' },
        timeoutMs: 30_000,
    });
    assert.deepEqual(suite.servers['weather-http']!.config, {
        transport: 'streamable_http',
        url: 'http://127.0.0.1:8931/mcp',
        sseReadTimeoutMs: 300_000,
        start: { command: 'node', readyTimeoutMs: 20_000 },
    });
    assert.equal(suite.servers['legacy']!.config.transport, 'sse');
    assert.deepEqual(suite.servers['weather']!.loc, { file, line: 3, col: 3 });
});

test('start.ready: a status or URL alone takes the other from the server URL and HTTP 200; a log pattern stays as written', async () => {
    const server = (name: string, ready: string) => [`  ${name}:`, `    url: http://127.0.0.1:8931/${name}`, '    start:', '      command: node', `      ready: ${ready}`];
    const file = await specFile(
        yaml('servers:', ...server('status', '{ status: 204 }'), ...server('health', '{ url: "http://127.0.0.1:8931/health" }'), ...server('log', '{ log: "listening on [0-9]+" }'), 'tests:', '  - server: status'),
    );
    const { servers } = await loadSpec(file, {});
    const ready = (name: string) => (servers[name]!.config as { start?: { ready?: unknown } }).start?.ready;
    assert.deepEqual(ready('status'), { url: 'http://127.0.0.1:8931/status', status: 204 });
    assert.deepEqual(ready('health'), { url: 'http://127.0.0.1:8931/health', status: 200 });
    assert.deepEqual(ready('log'), { log: 'listening on [0-9]+' });
});

test('tests and calls keep their paths and locations', async () => {
    const file = await specFile(VALID);
    const [test0] = (await loadSpec(file, {})).tests;
    assert.deepEqual(test0!.path, ['tests', 0]);
    assert.deepEqual(test0!.loc, { file, line: 18, col: 5 });
    assert.deepEqual(test0!.tools, {
        include: [{ name: 'get_alerts', loc: { file, line: 20, col: 17 } }],
        exclude: [{ name: 'delete_everything', loc: { file, line: 21, col: 17 } }],
    });
    const [first, second] = test0!.calls;
    assert.deepEqual(first, {
        tool: 'get_alerts',
        tags: [],
        args: { state: 'CA' },
        timeoutMs: 500,
        expect: { isError: false, text: { op: 'equals', value: 'Heat Advisory', path: ['tests', 0, 'calls', 0, 'expect', 'text'] } },
        path: ['tests', 0, 'calls', 0],
        loc: { file, line: 23, col: 9 },
    });
    assert.deepEqual(second, {
        name: 'structured',
        tool: 'get_forecast',
        tags: [],
        args: {},
        expect: {
            text: { op: 'matches', pattern: '^Sunny', path: ['tests', 0, 'calls', 1, 'expect', 'text', 'matches'] },
            structuredContent: { unit: 'celsius' },
        },
        path: ['tests', 0, 'calls', 1],
        loc: { file, line: 29, col: 9 },
    });
});

test('locate falls back to the nearest existing parent', async () => {
    const file = await specFile(VALID);
    const suite = await loadSpec(file, {});
    assert.deepEqual(suite.locate(['tests', 0, 'calls', 1, 'expect', 'text', 'matches']), { file, line: 32, col: 28 });
    assert.deepEqual(suite.locate(['tests', 0, 'calls', 1, 'expect', 'isError']), { file, line: 32, col: 11 });
    assert.deepEqual(suite.locate(['tests', 7]), { file, line: 18, col: 3 });
});

test('`name:` names the suite', async () => {
    const suite = await loadSpec(await specFile(yaml('name: Weather contract', ...MINIMAL)), {});
    assert.equal(suite.name, 'Weather contract');
});

test('YAML syntax errors are reported with their position', async () => {
    const file = await specFile(yaml('servers:', '  weather: { command: node', 'tests: []'));
    assert.deepEqual(await specErrors(loadSpec(file, {})), [
        `${file}:3:1: YAML syntax error: Flow map in block collection must be sufficiently indented and end with a }`,
    ]);
});

test('an unknown key is reported at the key, with the allowed keys', async () => {
    const file = await specFile(yaml(...MINIMAL, '    calls:', '      - tool: get_alerts', '        expct: { isError: false }'));
    assert.deepEqual(await specErrors(loadSpec(file, {})), [
        `${file}:8:9: tests[0].calls[0]: unknown key "expct" (allowed: name, tool, args, inputs, timeout, capture, retry, tags, only, skip, expect)`,
    ]);
});

test('a value of the wrong type is reported at the value', async () => {
    const file = await specFile(yaml(...MINIMAL, '    calls:', '      - tool: get_alerts', '        args: CA'));
    assert.deepEqual(await specErrors(loadSpec(file, {})), [`${file}:8:15: tests[0].calls[0].args: expected object, got string`]);
});

test('a test without `server` is reported at the test', async () => {
    const file = await specFile(yaml('servers:', '  weather:', '    command: node', 'tests:', '  - tools:', '      include: [a]'));
    assert.deepEqual(await specErrors(loadSpec(file, {})), [`${file}:5:5: tests[0]: missing required key "server"`]);
});

test('a test naming an undeclared server lists the declared ones', async () => {
    const file = await specFile(
        yaml('servers:', '  weather:', '    command: node', '  weather-http:', '    url: http://x/mcp', 'tests:', '  - server: weather', '  - server: wether'),
    );
    assert.deepEqual(await specErrors(loadSpec(file, {})), [
        `${file}:8:13: tests[1].server: unknown server "wether" (declared: weather, weather-http)`,
    ]);
});

test('a server needs exactly one of `command` and `url`', async () => {
    const file = await specFile(
        yaml('servers:', '  weather:', '    args: [x]', '  both:', '    command: node', '    url: http://x/mcp', 'tests:', '  - server: weather'),
    );
    assert.deepEqual(await specErrors(loadSpec(file, {})), [
        `${file}:3:5: servers.weather: needs "command" (stdio) or "url" (sse / streamable_http)`,
        `${file}:5:5: servers.both: has both "command" and "url"; use "command" for a stdio server or "url" for an HTTP server`,
    ]);
});

test('transport-specific keys are checked against the transport', async () => {
    const file = await specFile(
        yaml(
            'servers:',
            '  local:',
            '    command: node',
            '    start: { command: node }',
            '  remote:',
            '    transport: stdio',
            '    url: http://x/mcp',
            'tests:',
            '  - server: local',
        ),
    );
    assert.deepEqual(await specErrors(loadSpec(file, {})), [
        `${file}:4:5: servers.local: "start" only applies to HTTP servers (sse / streamable_http), but this server uses stdio`,
        `${file}:6:5: servers.remote: transport "stdio" needs "command"`,
        `${file}:7:5: servers.remote: "url" only applies to HTTP servers (sse / streamable_http), but this server uses stdio`,
    ]);
});

test('empty servers, bad durations and bad regexes are reported', async () => {
    const file = await specFile(
        yaml('servers: {}', 'tests:', '  - server: weather', '    calls:', '      - tool: t', '        timeout: 5 minutes', '        expect: { text: { matches: "(" } }'),
    );
    assert.deepEqual(await specErrors(loadSpec(file, {})), [
        `${file}:1:10: servers: must not be empty`,
        `${file}:6:18: tests[0].calls[0].timeout: invalid duration "5 minutes" (use e.g. 500ms, 30s, 5m, 1h, or a number of seconds; more than 0, at most 24 days)`,
        `${file}:7:36: tests[0].calls[0].expect.text.matches: invalid regular expression "(": Unterminated group`,
    ]);
});

test('a missing file is a spec error', async () => {
    const dir = await writeSpecs({});
    assert.deepEqual(await specErrors(loadSpec(join(dir, 'nope.yaml'))), [`spec file not found: ${join(dir, 'nope.yaml')}`]);
});

test('`x-` keys hold anchors that servers can merge', async () => {
    const file = await specFile(
        yaml('x-defaults: &defaults', '  timeout: 45s', 'servers:', '  weather:', '    <<: *defaults', '    command: node', 'tests:', '  - server: weather'),
    );
    const suite = await loadSpec(file, {});
    assert.deepEqual(suite.servers['weather']!.config, { transport: 'stdio', command: 'node', timeoutMs: 45_000 });
});

test('an unknown top-level key is reported as such', async () => {
    const file = await specFile(yaml('nmae: x', ...MINIMAL));
    assert.deepEqual(await specErrors(loadSpec(file, {})), [
        `${file}:1:1: top level: unknown key "nmae" (allowed: $schema, name, secrets, public, servers, tests, x-*)`,
    ]);
});
