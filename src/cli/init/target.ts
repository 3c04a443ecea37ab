/**
 * The server `init` connects to, from its command line: a command after `--` (stdio) or
 * `--url` (HTTP). It is kept twice: as a connector config, and as the `servers:` entry the
 * starter spec gets, written as the user typed it.
 */
import type { ProtocolChoice } from '../../connect/protocol.js';
import type { ServerConfig, ServerInfo } from '../../connect/types.js';
import { UsageError } from '../../errors.js';

export type HttpTransport = 'sse' | 'streamable_http';

/** `init`'s flags that say which server to reach. */
export interface TargetFlags {
    command: string[];
    url?: string;
    transport?: HttpTransport;
    headers: string[];
    /** `--start '<command>'`: the command that runs the `--url` server, started and stopped by mcp-check. */
    start?: string;
    timeoutMs?: number;
    protocol?: ProtocolChoice;
}

/** What to connect to, and how the spec will say it. */
export interface InitTarget {
    config: ServerConfig;
    /** The `servers.<name>` entry of the spec. */
    entry: Record<string, unknown>;
}

/** Builds the target; a missing, doubled or malformed target is a usage error. */
export function targetFromFlags(flags: TargetFlags): InitTarget {
    const [command, ...args] = flags.command;
    if (command !== undefined && flags.url !== undefined) throw new UsageError('give either a command after -- or --url, not both');
    if (command !== undefined) {
        if (flags.transport !== undefined || flags.headers.length || flags.start !== undefined) {
            throw new UsageError('--transport, --header and --start are for --url servers');
        }
        const entry = { command, ...(args.length ? { args } : {}) };
        return { config: { transport: 'stdio', command, args, timeoutMs: flags.timeoutMs, protocol: flags.protocol }, entry };
    }
    if (flags.url === undefined) {
        throw new UsageError('name the server: mcp-check init -- <command> [args...] (stdio), or mcp-check init --url <url> (HTTP)');
    }
    checkUrl(flags.url);
    const transport = flags.transport ?? 'streamable_http';
    const headers = Object.fromEntries(flags.headers.map(parseHeader));
    const hasHeaders = Object.keys(headers).length > 0;
    const start = flags.start === undefined ? undefined : startCommand(flags.start);
    // A bare `url` already means Streamable HTTP; say `transport` only when it is not that.
    const entry = { ...(transport === 'sse' ? { transport } : {}), url: flags.url, ...(hasHeaders ? { headers } : {}), ...(start ? { start } : {}) };
    return {
        config: { transport, url: flags.url, ...(hasHeaders ? { headers } : {}), ...(start ? { start } : {}), timeoutMs: flags.timeoutMs, protocol: flags.protocol },
        entry,
    };
}

/** `--start 'node server.js --port 8931'` as a command and its arguments. */
function startCommand(line: string): { command: string; args?: string[] } {
    const [command, ...args] = splitWords(line);
    if (command === undefined) throw new UsageError('--start needs a command, e.g. --start "node server.js --http 8931"');
    return { command, ...(args.length ? { args } : {}) };
}

/**
 * Splits a command line into words as a POSIX shell would, quotes and backslashes included.
 * The command is run without a shell (as a spec's `start:` is), so what only a shell does
 * (pipes, `&&`, redirections, `$VAR`) is refused instead of passed on as arguments.
 */
export function splitWords(line: string): string[] {
    const words: string[] = [];
    let word: string | undefined;
    for (let i = 0; i < line.length; i++) {
        const ch = line[i]!;
        if (/\s/.test(ch)) {
            if (word !== undefined) words.push(word);
            word = undefined;
        } else if (ch === "'") {
            const close = line.indexOf("'", i + 1);
            if (close < 0) throw new UsageError(`--start: unterminated ' in ${JSON.stringify(line)}`);
            word = (word ?? '') + line.slice(i + 1, close);
            i = close;
        } else if (ch === '"') {
            let text = '';
            for (i++; i < line.length && line[i] !== '"'; i++) {
                // Inside double quotes a backslash escapes only these, as in sh.
                if (line[i] === '\\' && '"\\$`'.includes(line[i + 1] ?? '')) i++;
                else if (line[i] === '$' || line[i] === '`') throw shellOnly(line);
                text += line[i];
            }
            if (i >= line.length) throw new UsageError(`--start: unterminated " in ${JSON.stringify(line)}`);
            word = (word ?? '') + text;
        } else if (ch === '\\') {
            word = (word ?? '') + (line[++i] ?? '');
        } else if ('|&;<>()$`'.includes(ch)) {
            throw shellOnly(line);
        } else {
            word = (word ?? '') + ch;
        }
    }
    if (word !== undefined) words.push(word);
    return words;
}

function shellOnly(line: string): UsageError {
    return new UsageError(`--start runs its command without a shell, so pipes, &&, redirections and $VARs do not work: ${JSON.stringify(line)} (put them in a script and start that)`);
}

/** `--header 'Name: value'` as a pair. */
export function parseHeader(value: string): [string, string] {
    const colon = value.indexOf(':');
    const name = colon > 0 ? value.slice(0, colon).trim() : '';
    if (!/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(name)) throw new UsageError(`--header must look like 'Name: value', got ${JSON.stringify(value)}`);
    return [name, value.slice(colon + 1).trim()];
}

function checkUrl(url: string): void {
    let parsed: URL;
    try {
        parsed = new URL(url);
    } catch {
        throw new UsageError(`--url is not a URL: ${JSON.stringify(url)}`);
    }
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw new UsageError(`--url must be http:// or https://, got ${JSON.stringify(url)}`);
}

/** A short, file-name-safe server name: from what the server calls itself, else from its target. */
export function defaultServerName(info: Pick<ServerInfo, 'name'>, config: ServerConfig): string {
    const fromTarget = config.transport === 'stdio' ? (config.args?.at(-1) ?? config.command).split(/[\\/]/).pop()!.replace(/\.[cm]?[jt]s$/, '') : new URL(config.url).hostname;
    for (const candidate of [info.name.split('/').pop() ?? '', fromTarget]) {
        const name = candidate
            .toLowerCase()
            .replace(/[^a-z0-9_-]+/g, '-')
            .replace(/^-+|-+$/g, '');
        if (name) return name;
    }
    return 'server';
}
