import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { interpolateString } from '../../src/load/interpolate.js';
import { loadSpec } from '../../src/load/load.js';
import { MINIMAL, specErrors, writeSpecs, yaml } from './helpers.js';

test('${VAR} takes the value from the environment', () => {
    assert.deepEqual(interpolateString('http://${HOST}/mcp', { HOST: 'example.org' }), {
        value: 'http://example.org/mcp',
        fromEnv: ['example.org'],
    });
});

test('${VAR:-default} uses the default when the variable is unset or empty', () => {
    assert.equal(interpolateString('${PORT:-8931}', {}).value, '8931');
    assert.equal(interpolateString('${PORT:-8931}', { PORT: '' }).value, '8931');
    assert.equal(interpolateString('${PORT:-8931}', { PORT: '9000' }).value, '9000');
    assert.deepEqual(interpolateString('${PORT:-8931}', {}).fromEnv, []);
});

test('${{ ... }} is left untouched for captures', () => {
    assert.equal(interpolateString('id=${{ captures.noteId }}', {}).value, 'id=${{ captures.noteId }}');
});

test('$${VAR} is an escape for a literal ${VAR}', () => {
    assert.equal(interpolateString('cost: $${PRICE} and $5', { PRICE: '3' }).value, 'cost: ${PRICE} and $5');
});

test('a missing variable is named in the problem', () => {
    assert.equal(
        interpolateString('Bearer ${TOKEN}', {}).problem,
        'environment variable "TOKEN" is not set (write "${TOKEN:-default}" to give a default)',
    );
});

test('a missing variable in a spec is reported at the string that uses it', async () => {
    const dir = await writeSpecs({
        'spec.yaml': yaml(
            'servers:',
            '  weather:',
            '    url: http://127.0.0.1:${PORT:-8931}/mcp',
            '    headers:',
            '      Authorization: "Bearer ${WEATHER_TOKEN}"',
            'tests:',
            '  - server: weather',
        ),
    });
    const file = join(dir, 'spec.yaml');
    assert.deepEqual(await specErrors(loadSpec(file, {})), [
        `${file}:5:22: servers.weather.headers.Authorization: environment variable "WEATHER_TOKEN" is not set (write "\${WEATHER_TOKEN:-default}" to give a default)`,
    ]);
});

test('variables are interpolated in values but not in keys', async () => {
    const dir = await writeSpecs({
        'spec.yaml': yaml(
            ...MINIMAL,
            '    calls:',
            '      - tool: ${TOOL:-echo}',
            '        args: { "${KEY}": "${VALUE}", note: "${{ captures.id }}", literal: "$${VALUE}" }',
        ),
    });
    const suite = await loadSpec(join(dir, 'spec.yaml'), { VALUE: 'v' });
    const call = suite.tests[0]!.calls[0]!;
    assert.equal(call.tool, 'echo');
    assert.deepEqual(call.args, { '${KEY}': 'v', note: '${{ captures.id }}', literal: '${VALUE}' });
});

test('secrets: the secrets list, header values, credential-named env and URL credentials, less public values', async () => {
    const dir = await writeSpecs({
        'spec.yaml': yaml(
            'secrets: ["${API_TOKEN}", literal-secret, "${UNSET:-}"]',
            'public: ["${SESSION_TTL}"]',
            'servers:',
            '  local:',
            '    command: node',
            '    args: [--api-key, key-5, --port, "${PORT}", "postgres://app:pa%40ss@db/x", --verbose]',
            '    env: { DB_PASSWORD: "${DB_PASSWORD}", MODE: "${MODE:-dev}", PORT: "${PORT}", SESSION_TTL: "${SESSION_TTL}" }',
            '  remote:',
            '    url: "https://u:p-6@example.org:${PORT}/mcp?api_key=${QUERY_KEY}"',
            '    headers: { Authorization: "Bearer ${TOKEN}" }',
            '    start: { command: node, env: { KEY: "${START_KEY}" } }',
            'tests:',
            '  - server: local',
        ),
    });
    const env = { API_TOKEN: 'api-1', DB_PASSWORD: 'pw-2', TOKEN: 'tok-3', START_KEY: 'key-4', PORT: '8931', SESSION_TTL: '3600', QUERY_KEY: 'q-7' };
    const suite = await loadSpec(join(dir, 'spec.yaml'), env);
    assert.deepEqual([...suite.secrets].sort(), ['api-1', 'app', 'key-4', 'key-5', 'literal-secret', 'p-6', 'pa@ss', 'pw-2', 'q-7', 'tok-3', 'u']);
});

test('a string with a missing variable gets no follow-on errors', async () => {
    const dir = await writeSpecs({
        'spec.yaml': yaml('servers:', '  weather:', '    url: ${WEATHER_URL}', 'tests:', '  - server: ${SERVER}'),
    });
    const file = join(dir, 'spec.yaml');
    assert.deepEqual(await specErrors(loadSpec(file, {})), [
        `${file}:3:10: servers.weather.url: environment variable "WEATHER_URL" is not set (write "\${WEATHER_URL:-default}" to give a default)`,
        `${file}:5:13: tests[0].server: environment variable "SERVER" is not set (write "\${SERVER:-default}" to give a default)`,
    ]);
});

test('values are interpolated before validation, so durations can come from the environment', async () => {
    const dir = await writeSpecs({
        'spec.yaml': yaml('servers:', '  weather:', '    command: node', '    timeout: ${TIMEOUT:-45s}', 'tests:', '  - server: weather'),
    });
    const suite = await loadSpec(join(dir, 'spec.yaml'), { TIMEOUT: '2m' });
    assert.equal(suite.servers['weather']!.config.timeoutMs, 120_000);
});

test('malformed references are problems, not silent text', () => {
    assert.equal(
        interpolateString('${FOO BAR}', {}).problem,
        'invalid variable reference "${FOO BAR}" (use ${NAME} or ${NAME:-default}; write "$${" for a literal "${")',
    );
    assert.equal(interpolateString('x ${FOO', {}).problem, 'unterminated "${" (write "$${" for a literal "${")');
});

test('${SPEC_DIR} is the absolute folder of the spec file, not an environment variable', async () => {
    const dir = await writeSpecs({
        'specs/spec.yaml': yaml(
            'servers:',
            '  local:',
            '    command: node',
            '    args: ["${SPEC_DIR}/server.js", "$${SPEC_DIR}"]',
            '    cwd: "${SPEC_DIR}"',
            '    env: { DATA: "${SPEC_DIR}/data" }',
            'tests:',
            '  - server: local',
        ),
    });
    const specs = join(dir, 'specs');
    const suite = await loadSpec(join(specs, 'spec.yaml'), { SPEC_DIR: '/elsewhere' });
    assert.deepEqual(suite.servers['local']!.config, {
        transport: 'stdio',
        command: 'node',
        args: [join(specs, 'server.js'), '${SPEC_DIR}'],
        cwd: specs,
        env: { DATA: join(specs, 'data') },
    });
});

test('${SPEC_DIR} in a server an imported spec lends is the folder of that spec', async () => {
    const dir = await writeSpecs({
        'main.yaml': yaml('servers:', '  $import: shared/servers.yaml', 'tests:', '  - server: local'),
        'shared/servers.yaml': yaml('servers:', '  local: { command: node, args: ["${SPEC_DIR}/server.js"] }', 'tests:', '  - server: local'),
    });
    const suite = await loadSpec(join(dir, 'main.yaml'), {});
    assert.deepEqual(suite.servers['local']!.config, { transport: 'stdio', command: 'node', args: [join(dir, 'shared', 'server.js')] });
});
