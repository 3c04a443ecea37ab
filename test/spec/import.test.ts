import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join, relative } from 'node:path';
import { loadServerConfigFile } from '../../src/spec/import.js';
import { loadSpec } from '../../src/spec/load.js';
import { specErrors, writeSpecs, yaml } from './helpers.js';

/** JSON text, one line per argument, so tests can count lines and columns at a glance. */
function json(...lines: string[]): string {
    return lines.join('\n') + '\n';
}

/** A spec that imports `targets` and tests the server `server`. */
function importing(targets: string, server: string, ...servers: string[]): string {
    return yaml('servers:', `  $import: ${targets}`, ...servers, 'tests:', `  - server: ${server}`);
}

const CLAUDE_DESKTOP = json(
    '{',
    '  "mcpServers": {',
    '    "github": {',
    '      "command": "npx",',
    '      "args": ["-y", "@modelcontextprotocol/server-github"],',
    '      "env": { "GITHUB_PERSONAL_ACCESS_TOKEN": "ghp_0123456789abcdef", "LOG_LEVEL": "debug" }',
    '    }',
    '  }',
    '}',
);

const CURSOR = json(
    '{',
    '  "mcpServers": {',
    '    "docs": {',
    '      "url": "https://docs.example.com/mcp",',
    '      "headers": { "Authorization": "Bearer ${env:DOCS_TOKEN}" },',
    '      "disabled": false,',
    '      "autoApprove": ["search"],',
    '      "timeout": 60',
    '    }',
    '  }',
    '}',
);

const VSCODE = json(
    '{',
    '  "inputs": [{ "type": "promptString", "id": "token", "password": true }],',
    '  "servers": {',
    '    "local": { "type": "stdio", "command": "node", "args": ["${workspaceFolder}/server.js"], "env": { "MODE": "dev" } },',
    '    "api": { "type": "http", "url": "https://api.example.com/mcp", "headers": { "X-Team": "core" } },',
    '    "legacy": { "type": "sse", "url": "http://127.0.0.1:9000/sse" }',
    '  }',
    '}',
);

test('a Claude Desktop config imports stdio servers with their args and env', async () => {
    const dir = await writeSpecs({ 'spec.yaml': importing('claude_desktop_config.json', 'github'), 'claude_desktop_config.json': CLAUDE_DESKTOP });
    const suite = await loadSpec(join(dir, 'spec.yaml'), {});
    assert.deepEqual(suite.servers['github'], {
        name: 'github',
        config: {
            transport: 'stdio',
            command: 'npx',
            args: ['-y', '@modelcontextprotocol/server-github'],
            env: { GITHUB_PERSONAL_ACCESS_TOKEN: 'ghp_0123456789abcdef', LOG_LEVEL: 'debug' },
        },
        loc: { file: join(dir, 'claude_desktop_config.json'), line: 3, col: 5 },
    });
});

test('a Cursor config imports URL servers with headers, ${env:NAME} and client settings ignored', async () => {
    const dir = await writeSpecs({ 'spec.yaml': importing('.cursor/mcp.json', 'docs'), '.cursor/mcp.json': CURSOR });
    const suite = await loadSpec(join(dir, 'spec.yaml'), { DOCS_TOKEN: 'tok-123' });
    assert.deepEqual(suite.servers['docs']!.config, {
        transport: 'streamable_http',
        url: 'https://docs.example.com/mcp',
        headers: { Authorization: 'Bearer tok-123' },
    });
});

test('a VS Code config maps `type` to the transport and expands ${workspaceFolder}', async () => {
    const dir = await writeSpecs({ 'spec.yaml': importing('.vscode/mcp.json', 'local'), '.vscode/mcp.json': VSCODE });
    const { servers } = await loadSpec(join(dir, 'spec.yaml'), {});
    assert.deepEqual(servers['local']!.config, { transport: 'stdio', command: 'node', args: [join(dir, 'server.js')], env: { MODE: 'dev' } });
    assert.deepEqual(servers['api']!.config, { transport: 'streamable_http', url: 'https://api.example.com/mcp', headers: { 'X-Team': 'core' } });
    assert.deepEqual(servers['legacy']!.config, { transport: 'sse', url: 'http://127.0.0.1:9000/sse' });
});

test('JSON comments and trailing commas are accepted, as VS Code allows them', async () => {
    const config = json(
        '{',
        '  // project servers',
        '  "servers": {',
        '    /* local */ "local": { "type": "stdio", "command": "node", "args": ["--base=http://localhost/*x*/"], },',
        '  },',
        '}',
    );
    const dir = await writeSpecs({ 'spec.yaml': importing('.vscode/mcp.json', 'local'), '.vscode/mcp.json': config });
    const suite = await loadSpec(join(dir, 'spec.yaml'), {});
    assert.deepEqual(suite.servers['local'], {
        name: 'local',
        // Comment markers inside strings are text.
        config: { transport: 'stdio', command: 'node', args: ['--base=http://localhost/*x*/'] },
        loc: { file: join(dir, '.vscode/mcp.json'), line: 4, col: 17 },
    });
});

test('${VAR:-default} in an imported value works, as in Claude Code\'s .mcp.json', async () => {
    const config = json('{ "mcpServers": { "api": { "type": "http", "url": "${API_URL:-http://127.0.0.1:8931/mcp}" } } }');
    const dir = await writeSpecs({ 'spec.yaml': importing('.mcp.json', 'api'), '.mcp.json': config });
    const suite = await loadSpec(join(dir, 'spec.yaml'), {});
    assert.deepEqual(suite.servers['api']!.config, { transport: 'streamable_http', url: 'http://127.0.0.1:8931/mcp' });
});

test('a server written in the spec replaces an imported one of the same name', async () => {
    const spec = importing('.cursor/mcp.json', 'docs', '  docs:', '    url: http://127.0.0.1:8931/mcp');
    const dir = await writeSpecs({ 'spec.yaml': spec, '.cursor/mcp.json': CURSOR });
    const file = join(dir, 'spec.yaml');
    const suite = await loadSpec(file, {});
    assert.deepEqual(suite.servers['docs'], {
        name: 'docs',
        config: { transport: 'streamable_http', url: 'http://127.0.0.1:8931/mcp' },
        loc: { file, line: 3, col: 3 },
    });
});

test('imported servers come first, later files override earlier ones, and the spec\'s own follow', async () => {
    const spec = importing('[a.json, b.json]', 'one', '  extra:', '    command: extra');
    const a = json('{ "mcpServers": { "one": { "command": "a1" }, "two": { "command": "a2" } } }');
    const b = json('{ "mcpServers": { "two": { "command": "b2" } } }');
    const dir = await writeSpecs({ 'spec.yaml': spec, 'a.json': a, 'b.json': b });
    const { servers } = await loadSpec(join(dir, 'spec.yaml'), {});
    assert.deepEqual(Object.keys(servers), ['one', 'two', 'extra']);
    assert.equal(servers['two']!.config.transport === 'stdio' && servers['two']!.config.command, 'b2');
});

test('an import path is relative to the spec file\'s directory', async () => {
    const dir = await writeSpecs({ 'specs/spec.yaml': importing('../.cursor/mcp.json', 'docs'), '.cursor/mcp.json': CURSOR });
    const file = relative(process.cwd(), join(dir, 'specs/spec.yaml'));
    const suite = await loadSpec(file, { DOCS_TOKEN: 't' });
    // A relative spec path gives a relative import path, as readable as the spec's own.
    assert.deepEqual(suite.servers['docs']!.loc, { file: join(relative(process.cwd(), dir), '.cursor/mcp.json'), line: 3, col: 5 });
});

test('a missing import file is reported at the `$import` that names it', async () => {
    const dir = await writeSpecs({ 'spec.yaml': importing('[.cursor/mcp.json, .vscode/mcp.json]', 'docs'), '.cursor/mcp.json': CURSOR });
    const file = join(dir, 'spec.yaml');
    assert.deepEqual(await specErrors(loadSpec(file, {})), [`${file}:2:31: servers.$import[1]: file not found: ${join(dir, '.vscode/mcp.json')}`]);
});

test('invalid JSON in an imported file is reported at its position in that file', async () => {
    const config = json('{', '  "mcpServers": {', '    "a": { "command": "x" }', '    "b": { "command": "y" }', '  }', '}');
    const dir = await writeSpecs({ 'spec.yaml': importing('mcp.json', 'a'), 'mcp.json': config });
    assert.deepEqual(await specErrors(loadSpec(join(dir, 'spec.yaml'), {})), [
        `${join(dir, 'mcp.json')}:4:5: JSON syntax error: Missing , between flow map items`,
    ]);
});

test('a VS Code ${input:...} variable is an error naming the file, the server and the key', async () => {
    const config = json('{', '  "servers": {', '    "api": { "type": "http", "url": "https://x.example/mcp", "headers": { "Authorization": "Bearer ${input:token}" } }', '  }', '}');
    const dir = await writeSpecs({ 'spec.yaml': importing('.vscode/mcp.json', 'api'), '.vscode/mcp.json': config });
    assert.deepEqual(await specErrors(loadSpec(join(dir, 'spec.yaml'), {})), [
        `${join(dir, '.vscode/mcp.json')}:3:92: servers.api.headers.Authorization: VS Code input variable "\${input:token}" is not supported: mcp-check runs unattended and cannot prompt for it (use "\${env:NAME}" to read the value from the environment)`,
    ]);
});

test('a server written in the spec replaces an imported one that has a problem, and its problem goes too', async () => {
    const config = json('{ "servers": { "api": { "type": "http", "url": "https://x.example/mcp", "headers": { "A": "${input:token}" } } } }');
    const spec = importing('.vscode/mcp.json', 'api', '  api:', '    url: https://x.example/mcp');
    const dir = await writeSpecs({ 'spec.yaml': spec, '.vscode/mcp.json': config });
    const suite = await loadSpec(join(dir, 'spec.yaml'), {});
    assert.deepEqual(suite.servers['api']!.config, { transport: 'streamable_http', url: 'https://x.example/mcp' });
});

test('${VAR}s in imported values are interpolated, and a missing one is reported in the imported file', async () => {
    const config = json('{', '  "mcpServers": {', '    "a": { "command": "node", "env": { "HOME_DIR": "${MISSING_DIR}" } }', '  }', '}');
    const dir = await writeSpecs({ 'spec.yaml': importing('mcp.json', 'a'), 'mcp.json': config });
    assert.deepEqual(await specErrors(loadSpec(join(dir, 'spec.yaml'), {})), [
        `${join(dir, 'mcp.json')}:3:52: mcpServers.a.env.HOME_DIR: environment variable "MISSING_DIR" is not set (write "\${MISSING_DIR:-default}" to give a default)`,
    ]);
});

test('imported servers are validated like the spec\'s own, located in the imported file', async () => {
    const config = json('{', '  "mcpServers": {', '    "a": { "command": "node", "args": "server.js" },', '    "b": { "url": "ftp://example.org" }', '  }', '}');
    const dir = await writeSpecs({ 'spec.yaml': importing('mcp.json', 'a'), 'mcp.json': config });
    const file = join(dir, 'mcp.json');
    assert.deepEqual(await specErrors(loadSpec(join(dir, 'spec.yaml'), {})), [
        `${file}:3:39: mcpServers.a.args: expected array, got string`,
        `${file}:4:19: mcpServers.b.url: expected an http:// or https:// URL, got "ftp://example.org"`,
    ]);
});

test('an unknown server `type` is reported at the `type` key\'s value', async () => {
    const config = json('{', '  "servers": {', '    "ws": { "type": "websocket", "url": "https://x.example/ws" }', '  }', '}');
    const dir = await writeSpecs({ 'spec.yaml': importing('.vscode/mcp.json', 'ws'), '.vscode/mcp.json': config });
    assert.deepEqual(await specErrors(loadSpec(join(dir, 'spec.yaml'), {})), [
        `${join(dir, '.vscode/mcp.json')}:3:21: servers.ws.type: unsupported server type "websocket" (mcp-check supports stdio, http and sse)`,
    ]);
});

test('`envFile` is read relative to the workspace folder, and `env` overrides it', async () => {
    const config = json('{ "servers": { "a": { "type": "stdio", "command": "node", "envFile": "${workspaceFolder}/.env", "env": { "MODE": "test" } } } }');
    const dir = await writeSpecs({
        'spec.yaml': importing('.vscode/mcp.json', 'a'),
        '.vscode/mcp.json': config,
        '.env': '# local settings\nexport MODE=dev\nGREETING="hi ${there}"\n',
    });
    const suite = await loadSpec(join(dir, 'spec.yaml'), {});
    assert.deepEqual(suite.servers['a']!.config, { transport: 'stdio', command: 'node', env: { GREETING: 'hi ${there}', MODE: 'test' } });
});

test('imported credentials are redacted: secret-named literals and values from the environment', async () => {
    const dir = await writeSpecs({
        'spec.yaml': importing('[claude_desktop_config.json, .cursor/mcp.json]', 'github'),
        'claude_desktop_config.json': CLAUDE_DESKTOP,
        '.cursor/mcp.json': CURSOR,
    });
    const suite = await loadSpec(join(dir, 'spec.yaml'), { DOCS_TOKEN: 'tok-123' });
    assert.deepEqual([...suite.secrets].sort(), ['ghp_0123456789abcdef', 'tok-123']);
});

test('an mcp-check spec file can be imported: its servers, with its own imports', async () => {
    const shared = yaml('servers:', '  $import: claude.json', '  notes:', '    command: node', 'tests:', '  - server: nope');
    const dir = await writeSpecs({ 'spec.yaml': importing('shared/servers.yaml', 'github'), 'shared/servers.yaml': shared, 'shared/claude.json': CLAUDE_DESKTOP });
    const { servers } = await loadSpec(join(dir, 'spec.yaml'), {});
    assert.deepEqual(Object.keys(servers), ['github', 'notes']);
    assert.deepEqual(servers['github']!.loc, { file: join(dir, 'shared/claude.json'), line: 3, col: 5 });
    assert.deepEqual(servers['notes']!.loc, { file: join(dir, 'shared/servers.yaml'), line: 3, col: 3 });
});

test('an import cycle is reported at the `$import` that closes it', async () => {
    const dir = await writeSpecs({ 'a.yaml': importing('b.yaml', 'x'), 'b.yaml': importing('a.yaml', 'x') });
    const a = join(dir, 'a.yaml');
    const b = join(dir, 'b.yaml');
    assert.deepEqual(await specErrors(loadSpec(a, {})), [`${b}:2:12: servers.$import: import cycle: ${a} → ${b} → ${a}`]);
});

test('a mistyped `$import` key is reported, not taken for a server', async () => {
    const dir = await writeSpecs({ 'spec.yaml': yaml('servers:', '  $imports: mcp.json', 'tests:', '  - server: a') });
    const file = join(dir, 'spec.yaml');
    assert.deepEqual(await specErrors(loadSpec(file, {})), [
        `${file}:2:3: servers: unknown key "$imports" (server names cannot start with "$"; "$import" imports servers from files)`,
    ]);
});

test('a file with neither `mcpServers` nor `servers` is reported', async () => {
    const dir = await writeSpecs({ 'spec.yaml': importing('settings.json', 'a'), 'settings.json': '{ "editor.tabSize": 4 }\n' });
    assert.deepEqual(await specErrors(loadSpec(join(dir, 'spec.yaml'), {})), [
        `${join(dir, 'settings.json')}:1:1: top level: no "mcpServers" (Claude Desktop, Cursor) or "servers" (VS Code, mcp-check spec) found`,
    ]);
});

test('loadServerConfigFile reads a client config', async () => {
    const dir = await writeSpecs({ '.vscode/mcp.json': VSCODE });
    const servers = await loadServerConfigFile(join(dir, '.vscode/mcp.json'), {});
    assert.deepEqual(Object.keys(servers), ['local', 'api', 'legacy']);
    assert.deepEqual(servers['legacy'], {
        name: 'legacy',
        config: { transport: 'sse', url: 'http://127.0.0.1:9000/sse' },
        loc: { file: join(dir, '.vscode/mcp.json'), line: 6, col: 5 },
    });
});

test('loadServerConfigFile takes the servers of a spec file, whatever its tests say', async () => {
    const spec = yaml('servers:', '  $import: .cursor/mcp.json', '  local:', '    command: node', 'tests:', '  - server: nowhere', '    calls: oops');
    const dir = await writeSpecs({ 'spec.yaml': spec, '.cursor/mcp.json': CURSOR });
    const servers = await loadServerConfigFile(join(dir, 'spec.yaml'), { DOCS_TOKEN: 't' });
    assert.deepEqual(Object.keys(servers), ['docs', 'local']);
    assert.deepEqual(servers['local']!.config, { transport: 'stdio', command: 'node' });
});

test('loadServerConfigFile reports problems with the servers at their position', async () => {
    const config = json('{', '  "mcpServers": {', '    "a": { "url": "https://x.example/mcp", "headers": { "Authorization": "Bearer ${TOKEN}" } }', '  }', '}');
    const dir = await writeSpecs({ 'claude.json': config });
    const file = join(dir, 'claude.json');
    assert.deepEqual(await specErrors(loadServerConfigFile(file, {})), [
        `${file}:3:74: mcpServers.a.headers.Authorization: environment variable "TOKEN" is not set (write "\${TOKEN:-default}" to give a default)`,
    ]);
});

test('loadServerConfigFile on a missing file says so', async () => {
    const dir = await writeSpecs({});
    const file = join(dir, 'mcp.json');
    assert.deepEqual(await specErrors(loadServerConfigFile(file, {})), [`config file not found: ${file}`]);
});
