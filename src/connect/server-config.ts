/**
 * Servers given in code (`addServer`), checked with the spec's own schema and rules so that a
 * bad config fails at once with the message a spec would get, instead of later as
 * `undefined undefined: Invalid URL`. Three shapes are accepted: the connector's typed
 * `ServerConfig`, an `mcpServers` entry of an MCP client config (`type: http` included), and
 * the flat shape with `name`, `timeout` and `sse_read_timeout` in seconds.
 */
import { SpecError, SpecErrors } from '../errors.js';
import { transportOfType } from '../load/client-config.js';
import { quote } from '../load/messages.js';
import { toServers } from '../load/normalize-server.js';
import { formatPath, isRecord } from '../load/paths.js';
import type { Locator } from '../load/positions.js';
import type { RawServer } from '../load/raw.js';
import { checkSemantics } from '../load/semantic.js';
import type { SpecPath } from '../load/types.js';
import { validateSpecData } from '../load/validate.js';
import type { AuthConfig } from './auth/types.js';
import type { ServerConfig, TransportKind } from './types.js';

/** A server as an MCP client config or a script writes it; durations are seconds or `30s`-style strings. */
export interface ServerEntry {
    transport?: TransportKind;
    /** An MCP client config's name for `transport`: `stdio`, `http` (Streamable HTTP) or `sse`. */
    type?: string;
    command?: string;
    args?: (string | number | boolean)[];
    env?: Record<string, string | number | boolean>;
    cwd?: string;
    url?: string;
    headers?: Record<string, string | number | boolean>;
    timeout?: number | string;
    sse_read_timeout?: number | string;
    max_total_timeout?: number | string;
    max_pages?: number;
    max_message_size?: number | string;
}

/** A `ServerEntry` that carries its own name, as `addServer({ name, ... })` takes it. */
export interface NamedServerEntry extends ServerEntry {
    name: string;
}

/** What `addServer` accepts for a server. */
export type ServerInput = ServerConfig | ServerEntry;

/** The name and checked, typed config of a server given in code; throws `SpecErrors` listing every problem. */
export function serverConfigOf(nameOrEntry: string | NamedServerEntry, input?: ServerInput): { name: string; config: ServerConfig } {
    const named = typeof nameOrEntry === 'string' ? undefined : nameOrEntry;
    const name = named ? named.name : (nameOrEntry as string);
    if (typeof name !== 'string' || name === '') throw new SpecErrors([new SpecError(`a server needs a name (a non-empty string), got ${quote(name)}`)]);
    const given: unknown = named ? withoutName(named) : input;
    const { server, problems, clientCapabilities, auth } = toSpecShape(given);
    const data = { servers: { [name]: server } };
    const locator = codeLocator(name);
    const errors = [
        ...problems.map((p) => new SpecError(`${locator.describe(['servers', name, ...p.path])}: ${p.message}`)),
        ...validateSpecData(data, locator).filter((e) => e.key?.startsWith('servers')),
        ...checkSemantics(data, locator),
    ];
    // The schema and the semantic checks can find the same problem, in the same words: say it once.
    const messages = [...new Set(errors.map((e) => e.message))];
    if (messages.length > 0) throw new SpecErrors(messages.map((message) => new SpecError(message)));
    const config = toServers({ [name]: server as RawServer }, locator)[name]!.config;
    return { name, config: { ...config, ...(clientCapabilities ? { clientCapabilities } : {}), ...(auth && config.transport !== 'stdio' ? { auth } : {}) } };
}

function withoutName(entry: NamedServerEntry): ServerEntry {
    const { name: _, ...rest } = entry;
    return rest;
}

// The typed config's millisecond keys and a client config's `type`, in the spec's words.
// `clientCapabilities` has no spec key (the runner derives it from `inputs:`), so it is checked here.
// A typed `auth` (with `method`, as `toServers` made it) has no spec form; it is kept as it is.
function toSpecShape(input: unknown): { server: unknown; problems: { path: SpecPath; message: string }[]; clientCapabilities?: Record<string, unknown>; auth?: AuthConfig } {
    if (!isRecord(input)) return { server: input, problems: [] };
    const { timeoutMs, sseReadTimeoutMs, maxTotalTimeoutMs, maxPages, maxMessageBytes, type, start, clientCapabilities, ...rest } = input;
    const typedAuth = isRecord(rest['auth']) && typeof rest['auth']['method'] === 'string' ? (rest['auth'] as unknown as AuthConfig) : undefined;
    if (typedAuth) delete rest['auth'];
    const server: Record<string, unknown> = { ...rest };
    const problems: { path: SpecPath; message: string }[] = [];
    if (clientCapabilities !== undefined && !isRecord(clientCapabilities)) problems.push({ path: ['clientCapabilities'], message: 'must be an object' });
    if (timeoutMs !== undefined) server['timeout'] = milliseconds(timeoutMs);
    if (sseReadTimeoutMs !== undefined) server['sse_read_timeout'] = milliseconds(sseReadTimeoutMs);
    if (maxTotalTimeoutMs !== undefined) server['max_total_timeout'] = milliseconds(maxTotalTimeoutMs);
    if (maxPages !== undefined) server['max_pages'] = maxPages;
    if (maxMessageBytes !== undefined) server['max_message_size'] = maxMessageBytes;
    if (isRecord(start)) {
        const { readyTimeoutMs, ...startRest } = start;
        server['start'] = readyTimeoutMs === undefined ? startRest : { ...startRest, timeout: milliseconds(readyTimeoutMs) };
    } else if (start !== undefined) {
        server['start'] = start;
    }
    // The typed config's `roots` are the spec's `client.roots`.
    if (server['roots'] !== undefined) {
        server['client'] = { roots: server['roots'] };
        delete server['roots'];
    }
    if (type !== undefined) {
        const transport = typeof type === 'string' ? transportOfType(type) : undefined;
        if (transport && server['transport'] === undefined) server['transport'] = transport;
        else if (!transport) problems.push({ path: ['type'], message: `unsupported server type ${quote(type)} (mcp-check supports stdio, http and sse)` });
    }
    return { server, problems, ...(isRecord(clientCapabilities) ? { clientCapabilities } : {}), ...(typedAuth ? { auth: typedAuth } : {}) };
}

// A number of ms as a duration the spec reads; anything else is left for the schema to judge.
function milliseconds(value: unknown): unknown {
    return typeof value === 'number' ? `${value}ms` : value;
}

// Messages name the server and the key within it: `server "x": needs "command" ...`, `server "x" timeout: ...`.
function codeLocator(name: string): Locator {
    const nowhere = { file: '', line: 0, col: 0 };
    return {
        file: '',
        locate: () => nowhere,
        locateKey: () => nowhere,
        describe: (path) => {
            const inside = path.slice(2);
            return path[1] === name ? `server ${quote(name)}${inside.length ? ` ${formatPath(inside)}` : ''}` : formatPath(path);
        },
    };
}
