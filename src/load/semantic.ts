/**
 * Rules JSON Schema cannot phrase well: how a server's keys fit together, group names,
 * references from tests to servers and groups, matchers, regexes and durations (the contract
 * part is in `contract-checks.ts`). Written defensively, because they also run on data that
 * failed schema validation, so that one pass reports every problem.
 */
import { SpecError } from '../errors.js';
import { checkAuth } from './auth-checks.js';
import { checkDuration, checkSize, type Report } from './checks.js';
import { checkClient, checkTestContract } from './contract-checks.js';
import { regexProblem } from './matcher.js';
import { invalidUrl, quote } from './messages.js';
import { formatPath, isRecord } from './paths.js';
import type { Locator } from './positions.js';
import { serverNames, serversNamed, type ServerNames } from './server-refs.js';
import type { SpecPath } from './types.js';

const STDIO_KEYS = ['command', 'args', 'env', 'cwd'];
const HTTP_KEYS = ['url', 'headers', 'sse_read_timeout', 'start', 'auth'];
const HTTP_TRANSPORTS = ['sse', 'streamable_http'];

/** Checks cross-field and cross-reference rules of parsed (interpolated) spec data. */
export function checkSemantics(data: unknown, positions: Locator): SpecError[] {
    const errors: SpecError[] = [];
    // `target` is the exact node at fault when it is not `path` itself (e.g. a misplaced key).
    const report: Report = (path, message, target) => {
        const loc = target ? positions.locateKey(target.slice(0, -1), String(target[target.length - 1])) : positions.locate(path);
        errors.push(new SpecError(`${positions.describe(path)}: ${message}`, loc, formatPath(target ?? path) || undefined));
    };
    if (!isRecord(data)) return errors;

    const servers = isRecord(data['servers']) ? data['servers'] : {};
    for (const [name, server] of Object.entries(servers)) {
        if (isRecord(server)) checkServer(['servers', name], server, servers, report);
    }
    const names = serverNames(servers);
    const tests = Array.isArray(data['tests']) ? data['tests'] : [];
    tests.forEach((test, index) => {
        if (isRecord(test)) checkTest(['tests', index], test, names, report);
    });
    return errors;
}

function checkServer(path: SpecPath, server: Record<string, unknown>, servers: Record<string, unknown>, report: Report): void {
    // `server: x` could not tell the server from the group; said at each server joining it,
    // since renaming the group means editing each of them.
    const group = server['group'];
    if (typeof group === 'string' && Object.hasOwn(servers, group)) {
        const message = `group ${quote(group)} has the same name as server ${quote(group)} (a group name must differ from every server name)`;
        report([...path, 'group'], message);
    }
    checkDuration([...path, 'timeout'], server['timeout'], report);
    checkClient([...path, 'client'], server['client'], report);
    checkDuration([...path, 'sse_read_timeout'], server['sse_read_timeout'], report);
    checkDuration([...path, 'max_total_timeout'], server['max_total_timeout'], report);
    checkSize([...path, 'max_message_size'], server['max_message_size'], report);
    if (isRecord(server['start'])) checkStart([...path, 'start'], server['start'], report);
    if (isRecord(server['auth'])) checkAuth([...path, 'auth'], server['auth'], report);
    if (typeof server['url'] === 'string') checkUrl([...path, 'url'], server['url'], report);

    const transport = resolveTransport(path, server, report);
    if (!transport) return;
    const stdio = transport === 'stdio';
    const owner = stdio ? 'HTTP servers (sse / streamable_http)' : 'stdio servers';
    for (const key of (stdio ? HTTP_KEYS : STDIO_KEYS).filter((k) => server[k] !== undefined)) {
        // Stdio keys on an HTTP server usually mean "run this server for me": that is `start`.
        const hint = stdio ? '' : ` (to have mcp-check run the server, use start.${key})`;
        report(path, `"${key}" only applies to ${owner}, but this server uses ${transport}${hint}`, [...path, key]);
    }
}

function checkStart(path: SpecPath, start: Record<string, unknown>, report: Report): void {
    checkDuration([...path, 'timeout'], start['timeout'], report);
    const ready = start['ready'];
    if (!isRecord(ready)) return;
    if (typeof ready['url'] === 'string') checkUrl([...path, 'ready', 'url'], ready['url'], report);
    if (typeof ready['log'] === 'string') {
        const invalid = regexProblem(ready['log']);
        if (invalid) report([...path, 'ready', 'log'], invalid);
        if (ready['url'] !== undefined || ready['status'] !== undefined) {
            report([...path, 'ready'], 'use either "log" (a line of output) or "url" / "status" (an HTTP answer), not both');
        }
    }
}

// The transport a server will use, reporting a missing or conflicting `command` / `url`.
// `undefined` when no transport can be told, so key placement is not judged at all.
function resolveTransport(path: SpecPath, server: Record<string, unknown>, report: Report): string | undefined {
    const hasCommand = server['command'] !== undefined;
    const hasUrl = server['url'] !== undefined;
    const transport = server['transport'];
    // An invalid `transport` is the schema's to report; judge the keys by what is there.
    if (transport === 'stdio' || (typeof transport === 'string' && HTTP_TRANSPORTS.includes(transport))) {
        const needed = transport === 'stdio' ? 'command' : 'url';
        if (server[needed] === undefined) report(path, `transport "${transport}" needs "${needed}"`);
        return transport;
    }
    if (hasCommand && hasUrl) {
        report(path, 'has both "command" and "url"; use "command" for a stdio server or "url" for an HTTP server');
        return undefined;
    }
    if (!hasCommand && !hasUrl) {
        report(path, 'needs "command" (stdio) or "url" (sse / streamable_http)');
        return undefined;
    }
    return hasCommand ? 'stdio' : 'streamable_http';
}

function checkTest(path: SpecPath, test: Record<string, unknown>, names: ServerNames, report: Report): void {
    checkServerRef([...path, 'server'], test['server'], names, report);
    checkTestContract(path, test, report);
}

// `server:` — a server, a group, or a list of those naming each server once.
function checkServerRef(path: SpecPath, value: unknown, names: ServerNames, report: Report): void {
    // With no servers declared, the schema already says so; listing "declared: " helps no one.
    if (names.servers.length === 0) return;
    if (typeof value === 'string') {
        if (!serversNamed(value, names)) report(path, unknownServer(value, names));
        return;
    }
    // Other types, an empty list and items that are not strings are the schema's to report.
    if (!Array.isArray(value)) return;
    // Where each server was first named, and by which name, to explain a repeat.
    const seen = new Map<string, { at: SpecPath; name: string }>();
    value.forEach((name, index) => {
        if (typeof name !== 'string') return;
        const at = [...path, index];
        const servers = serversNamed(name, names);
        if (!servers) {
            report(at, unknownServer(name, names));
            return;
        }
        // One report per item: a group repeating several servers has one cause.
        const repeat = servers.find((server) => seen.has(server));
        if (repeat !== undefined) {
            report(at, repeated(name, repeat, seen.get(repeat)!, names));
            return;
        }
        for (const server of servers) seen.set(server, { at, name });
    });
}

function unknownServer(name: string, names: ServerNames): string {
    if (names.groups.size === 0) return `unknown server ${quote(name)} (declared: ${names.servers.join(', ')})`;
    return `unknown server or group ${quote(name)} (servers: ${names.servers.join(', ')}; groups: ${[...names.groups.keys()].join(', ')})`;
}

// `name` (a list item) names `server` again, first named at `first`.
function repeated(name: string, server: string, first: { at: SpecPath; name: string }, names: ServerNames): string {
    const kind = (n: string): string => (names.servers.includes(n) ? 'server' : 'group');
    const where = formatPath(first.at);
    if (name === first.name) return `${kind(name)} ${quote(name)} is listed twice (first at ${where})`;
    if (kind(name) === 'group') return `group ${quote(name)} includes server ${quote(server)}, already listed at ${where}`;
    return `server ${quote(server)} is already listed, by group ${quote(first.name)} at ${where}`;
}

// The schema's pattern lets `${` through for editors; the interpolated value must be a real URL.
function checkUrl(path: SpecPath, value: string, report: Report): void {
    let protocol: string | undefined;
    try {
        protocol = new URL(value).protocol;
    } catch {
        protocol = undefined;
    }
    if (protocol !== 'http:' && protocol !== 'https:') report(path, invalidUrl(value));
}
