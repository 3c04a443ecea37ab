/**
 * MCP client configs (Claude Desktop, Cursor, VS Code, and the many clients sharing their
 * shapes) turned into mcp-check's server shape. Client settings mcp-check has no use for are
 * dropped rather than rejected: the file must keep working in the client, and whatever a
 * client adds next must not break a test run.
 */
import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { basename, dirname, extname, isAbsolute, join, resolve, sep } from 'node:path';
import { parseEnvFile } from './env-file.js';
import { interpolateString, type Env } from './interpolate.js';
import { quote, typeName } from './messages.js';
import { isRecord } from './paths.js';
import type { SpecPath } from './types.js';

/** Where a file keeps its servers: a client config's map, or an mcp-check spec's `servers`. */
export type ConfigShape = { kind: 'client'; key: 'mcpServers' | 'servers' } | { kind: 'spec' };

/**
 * Tells the file kinds apart. `mcpServers` is Claude Desktop, Cursor, Windsurf, Claude Code.
 * VS Code's `mcp.json` and mcp-check specs both have `servers`: a spec is YAML or has `tests`.
 */
export function detectShape(data: Record<string, unknown>, file: string): ConfigShape | undefined {
    if ('mcpServers' in data) return { kind: 'client', key: 'mcpServers' };
    if (!('servers' in data)) return undefined;
    const ext = extname(file).toLowerCase();
    if ('tests' in data || (ext !== '.json' && ext !== '.jsonc')) return { kind: 'spec' };
    return { kind: 'client', key: 'servers' };
}

/** What translating one entry needs besides the entry. */
export interface ClientContext {
    /** The config file, as displayed in messages. */
    file: string;
    env: Env;
}

/** A problem with part of an entry, at its path in mcp-check's shape (`servers.<name>...`). */
export interface EntryProblem {
    path: SpecPath;
    message: string;
}

/** One client entry in mcp-check's shape. */
export interface TranslatedServer {
    /** The server; an entry that is not an object is passed on as is, for the schema to report. */
    server: unknown;
    /** mcp-check key → the key the file used, where they differ (`transport` was `type`). */
    renames: Record<string, string>;
    problems: EntryProblem[];
}

// Keys mcp-check reads from client entries; everything else is a client setting.
const KEPT = ['command', 'args', 'env', 'cwd', 'url', 'headers'] as const;

// Client `type` values, compared without case, `-` and `_` (Cline writes `streamableHttp`).
const TYPES: Record<string, 'stdio' | 'sse' | 'streamable_http'> = {
    stdio: 'stdio',
    sse: 'sse',
    http: 'streamable_http',
    streamablehttp: 'streamable_http',
};

/** The transport a client config's `type` names (`http`, `streamableHttp`, `sse`, `stdio`), if any. */
export function transportOfType(type: string): 'stdio' | 'sse' | 'streamable_http' | undefined {
    const key = type.toLowerCase().replace(/[-_]/g, '');
    return Object.hasOwn(TYPES, key) ? TYPES[key] : undefined;
}

/** Translates one client entry (`path` is `['servers', name]`) into mcp-check's server shape. */
export function translateClientServer(entry: unknown, path: SpecPath, ctx: ClientContext): TranslatedServer {
    const result: TranslatedServer = { server: entry, renames: {}, problems: [] };
    if (!isRecord(entry)) return result;
    const report = (at: SpecPath, message: string): void => {
        result.problems.push({ path: [...path, ...at], message });
    };
    const workspace = workspaceFolder(ctx.file);
    const server: Record<string, unknown> = {};

    if (entry['type'] !== undefined) {
        result.renames['transport'] = 'type';
        const transport = typeof entry['type'] === 'string' ? transportOfType(entry['type']) : undefined;
        if (transport) server['transport'] = transport;
        else if (typeof entry['type'] !== 'string') report(['transport'], `expected a string, got ${typeName(entry['type'])}`);
        else report(['transport'], `unsupported server type ${quote(entry['type'])} (mcp-check supports stdio, http and sse)`);
    }
    for (const key of KEPT) {
        if (entry[key] !== undefined) server[key] = withEditorVariables(entry[key], [key], workspace, ctx.env, report);
    }
    // Windsurf names the URL of a remote server `serverUrl`.
    if (entry['url'] === undefined && entry['serverUrl'] !== undefined) {
        result.renames['url'] = 'serverUrl';
        server['url'] = withEditorVariables(entry['serverUrl'], ['url'], workspace, ctx.env, report);
    }
    if (entry['envFile'] !== undefined) {
        const fromFile = readEnvFile(entry['envFile'], workspace, ctx.env, (message) => report(['envFile'], message));
        if (fromFile) {
            // What the entry itself says is the more specific, so `env` wins over the file.
            // A malformed `env` is left for the schema to report.
            const env = server['env'] ?? {};
            if (isRecord(env)) server['env'] = { ...escapeAll(fromFile), ...env };
        }
    }
    result.server = server;
    return result;
}

/** The home directory `~/` and `${userHome}` stand for: `HOME` (or `USERPROFILE`) of `env`, else the OS's. */
export function homeDirectory(env: Env): string {
    return env['HOME'] || env['USERPROFILE'] || homedir();
}

// `${workspaceFolder}`: the folder holding `.vscode/` or `.cursor/`, else the file's own folder.
function workspaceFolder(file: string): string {
    const dir = dirname(resolve(file));
    return basename(dir) === '.vscode' || basename(dir) === '.cursor' ? dirname(dir) : dir;
}

// Applies `translateEditorVariables` to every string in `value`; a string with an unsupported
// variable is reported and escaped, so interpolation does not report it a second time.
function withEditorVariables(
    value: unknown,
    at: SpecPath,
    workspace: string,
    env: Env,
    report: (at: SpecPath, message: string) => void,
): unknown {
    if (typeof value === 'string') {
        const done = translateEditorVariables(value, workspace, env);
        if (done.problem === undefined) return done.value;
        report(at, done.problem);
        return escape(value);
    }
    if (Array.isArray(value)) return value.map((item, i) => withEditorVariables(item, [...at, i], workspace, env, report));
    if (isRecord(value)) {
        return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, withEditorVariables(v, [...at, k], workspace, env, report)]));
    }
    return value;
}

/** The outcome of translating editor variables in one string. */
export interface TranslatedString {
    value: string;
    problem?: string;
}

/**
 * Rewrites the variables VS Code and Cursor expand in `mcp.json` into what the spec's own
 * interpolation understands: `${env:NAME}` becomes `${NAME}`, and `${userHome}`,
 * `${workspaceFolder}`, `${workspaceFolderBasename}`, `${pathSeparator}` and `${/}` become
 * their values. `${NAME}` and `${NAME:-default}` (Claude Code's syntax, and ours) stay for
 * interpolation. `${input:...}` and other editor variables cannot be had outside the editor.
 */
export function translateEditorVariables(input: string, workspace: string, env: Env): TranslatedString {
    let out = '';
    let i = 0;
    for (let dollar = input.indexOf('$'); dollar >= 0; dollar = input.indexOf('$', i)) {
        out += input.slice(i, dollar);
        const close = input.indexOf('}', dollar + 2);
        if (input.startsWith('$${', dollar)) {
            // The interpolation's escape for a literal `${`: keep it for the interpolation.
            out += '$${';
            i = dollar + 3;
        } else if (input.startsWith('${{', dollar)) {
            // Capture expressions are the runner's; copy them verbatim.
            const end = input.indexOf('}}', dollar + 3);
            i = end < 0 ? input.length : end + 2;
            out += input.slice(dollar, i);
        } else if (input.startsWith('${', dollar) && close >= 0) {
            const replaced = editorVariable(input.slice(dollar + 2, close), workspace, env);
            if (typeof replaced !== 'string') return { value: input, problem: replaced.problem };
            out += replaced;
            i = close + 1;
        } else {
            // A lone `$`, or an unterminated `${` for the interpolation to report.
            out += '$';
            i = dollar + 1;
        }
    }
    return { value: out + input.slice(i) };
}

// One `${...}` body. `NAME:-default` is ours; `kind:rest` is an editor variable.
function editorVariable(body: string, workspace: string, env: Env): string | { problem: string } {
    switch (body) {
        case 'userHome':
            return escape(homeDirectory(env));
        case 'workspaceFolder':
            return escape(workspace);
        case 'workspaceFolderBasename':
            return escape(basename(workspace));
        case 'pathSeparator':
        case '/':
            return sep;
    }
    const match = /^([A-Za-z]+):(?!-)(.*)$/s.exec(body);
    if (!match) return `\${${body}}`;
    const [, kind, rest] = match as unknown as [string, string, string];
    if (kind === 'env') return `\${${rest}}`;
    if (kind === 'input') {
        return {
            problem: `VS Code input variable "\${${body}}" is not supported: mcp-check runs unattended and cannot prompt for it (use "\${env:NAME}" to read the value from the environment)`,
        };
    }
    return { problem: `editor variable "\${${body}}" is not supported (use "\${env:NAME}" for environment variables)` };
}

// Text substituted into a string that is interpolated later must not start a `${` itself.
function escape(text: string): string {
    // A function replacement: in a replacement string, `$$` would mean a single `$`.
    return text.replaceAll('${', () => '$${');
}

function escapeAll(map: Record<string, string>): Record<string, string> {
    return Object.fromEntries(Object.entries(map).map(([k, v]) => [k, escape(v)]));
}

// `envFile:` — read now, so a missing file is a spec error, not a server that fails to start.
// Relative paths resolve against the workspace folder, like VS Code's.
function readEnvFile(value: unknown, workspace: string, env: Env, report: (message: string) => void): Record<string, string> | undefined {
    if (typeof value !== 'string') {
        report(`expected a file path, got ${typeName(value)}`);
        return undefined;
    }
    const translated = translateEditorVariables(value, workspace, env);
    const interpolated = translated.problem === undefined ? interpolateString(translated.value, env) : undefined;
    const problem = translated.problem ?? interpolated?.problem;
    if (problem !== undefined || interpolated === undefined) {
        report(problem ?? 'invalid path');
        return undefined;
    }
    const file = isAbsolute(interpolated.value) ? interpolated.value : join(workspace, interpolated.value);
    try {
        return parseEnvFile(readFileSync(file, 'utf8'));
    } catch (error) {
        const code = (error as NodeJS.ErrnoException | undefined)?.code;
        const reason = error instanceof Error ? error.message : String(error);
        report(code === 'ENOENT' ? `env file not found: ${file}` : `cannot read env file ${file}: ${reason}`);
        return undefined;
    }
}
