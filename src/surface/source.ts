/**
 * One side of `mcp-check diff` (or the input of `mcp-check snapshot`): a snapshot file, or a
 * spec whose servers are connected to and captured live. `path#server` picks one server of
 * that side; `--server` picks one on every side that has it.
 */
import { readFile, stat } from 'node:fs/promises';
import { orderClients, type ClientId } from '../assert/lint/portability/clients.js';
import type { ServerConfig } from '../connect/types.js';
import { UsageError } from '../errors.js';
import { loadSpec } from '../load/load.js';
import { captureSurface } from './capture.js';
import { looksLikeSurface, parseSurface } from './file.js';
import type { Surface } from './types.js';

export interface SourceOptions {
    /** `--server`: the server to take from each side. */
    server?: string;
    /** Connect and request timeout for servers whose spec sets none, in ms. */
    timeoutMs?: number;
}

/** A loaded side and how to name it in reports. */
export interface LoadedSide {
    label: string;
    surface: Surface;
    /** Whether it was captured from live servers (a spec) rather than read from a file. */
    live: boolean;
    /** The `lint.clients` the spec's test entries name for the servers taken (none for a snapshot file). */
    clients: ClientId[];
}

/** Loads a snapshot file or captures a spec's servers. Bad input throws `UsageError` or `SpecErrors`; connection failures throw `ConnectError`. */
export async function loadSide(arg: string, options: SourceOptions = {}): Promise<LoadedSide> {
    const { path, server } = await splitServer(arg);
    const wanted = server ?? options.server;
    const text = await readFile(path, 'utf8').catch((error: NodeJS.ErrnoException) => {
        throw new UsageError(error.code === 'ENOENT' ? `file not found: ${path}` : `cannot read ${path}: ${error.message}`);
    });
    const json = parseJson(text);
    if (looksLikeSurface(json)) {
        const surface = parseSurfaceOrUsage(json, path);
        return { label: arg, surface: { ...surface, servers: pick(surface.servers, wanted, path, server !== undefined) }, live: false, clients: [] };
    }
    const suite = await loadSpec(path);
    const configs = pick(
        Object.fromEntries(Object.entries(suite.servers).map(([name, spec]) => [name, spec.config])),
        wanted,
        path,
        server !== undefined,
    );
    const withTimeouts = Object.fromEntries(
        Object.entries(configs).map(([name, config]): [string, ServerConfig] => [name, { ...config, timeoutMs: config.timeoutMs ?? options.timeoutMs }]),
    );
    const clients = orderClients(suite.tests.filter((test) => Object.hasOwn(configs, test.server)).flatMap((test) => test.lint.clients));
    return { label: arg, surface: await captureSurface(withTimeouts), live: true, clients };
}

/** `file#server` → the file and the server, unless a file by the whole name exists. */
async function splitServer(arg: string): Promise<{ path: string; server?: string }> {
    const hash = arg.lastIndexOf('#');
    if (hash <= 0 || hash === arg.length - 1) return { path: arg };
    const whole = await stat(arg).then(
        () => true,
        () => false,
    );
    return whole ? { path: arg } : { path: arg.slice(0, hash), server: arg.slice(hash + 1) };
}

/**
 * The servers to use from one side. A name given as `#server` must exist. `--server` picks
 * that server where it exists; a side with a single server uses it whatever it is called.
 */
function pick<T>(servers: Record<string, T>, name: string | undefined, path: string, exact: boolean): Record<string, T> {
    if (name === undefined) {
        if (Object.keys(servers).length === 0) throw new UsageError(`${path} has no servers`);
        return servers;
    }
    if (Object.hasOwn(servers, name)) return { [name]: servers[name]! };
    const names = Object.keys(servers);
    if (!exact && names.length === 1) return servers;
    throw new UsageError(`${path} has no server "${name}" (it has: ${names.join(', ') || 'none'})`);
}

function parseJson(text: string): unknown {
    try {
        return JSON.parse(text);
    } catch {
        return undefined;
    }
}

function parseSurfaceOrUsage(json: unknown, path: string): Surface {
    try {
        return parseSurface(json, path);
    } catch (error) {
        throw new UsageError((error as Error).message);
    }
}
