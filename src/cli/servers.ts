/**
 * The servers `list` and `call` talk to: read from a spec file (`--spec`) or from an MCP
 * client configuration file (`--config`), then narrowed to the one the user named.
 */
import { UsageError } from '../errors.js';
import type { ProtocolChoice } from '../connect/protocol.js';
import type { ServerConfig } from '../connect/types.js';
import { loadServerConfig } from '../load/import.js';
import { loadSpec } from '../load/load.js';
import type { ServerSpec } from '../load/types.js';
import type { ServerSourceFlags } from './server-flags.js';
import { printSpecWarnings } from './spec-warnings.js';

/** A server by the name its file gives it. */
export interface NamedServer {
    name: string;
    config: ServerConfig;
}

/** The servers of one file, and the values to redact from everything printed about them. */
export interface LoadedServers {
    file: string;
    servers: NamedServer[];
    /** Every server the file declares, for messages (only some may have been resolved). */
    names: string[];
    secrets: string[];
}

/**
 * Reads the servers of `--spec` (a whole spec, checked as `run` checks it, with its `secrets:`)
 * or `--config` (an MCP client config, or any spec's `servers:`; with `only`, just that server
 * is resolved); exactly one must be given. Problems in the file throw `SpecErrors` (exit 2).
 */
export async function loadServers(flags: ServerSourceFlags, only?: string): Promise<LoadedServers> {
    if (flags.spec !== undefined && flags.config !== undefined) throw new UsageError('give either --spec <file> or --config <file>, not both');
    if (flags.spec !== undefined) {
        const suite = await loadSpec(flags.spec);
        printSpecWarnings(suite.warnings);
        return { file: flags.spec, servers: named(suite.servers), names: Object.keys(suite.servers), secrets: suite.secrets };
    }
    if (flags.config !== undefined) {
        const loaded = await loadServerConfig(flags.config, process.env, only);
        printSpecWarnings(loaded.warnings);
        return { file: flags.config, servers: named(loaded.servers), names: loaded.names, secrets: loaded.secrets };
    }
    throw new UsageError('name the servers: --spec <file> (an mcp-check spec) or --config <file> (Claude Desktop, Cursor or VS Code mcpServers file, or a spec)');
}

function named(servers: Record<string, ServerSpec>): NamedServer[] {
    return Object.entries(servers).map(([name, spec]) => ({ name, config: spec.config }));
}

/** All servers, or only the one named; an unknown name is a usage error that lists the known ones. */
export function selectServers(loaded: LoadedServers, name: string | undefined): NamedServer[] {
    if (name === undefined) return loaded.servers;
    const found = loaded.servers.find((s) => s.name === name);
    if (!found) throw new UsageError(`${loaded.file} has no server "${name}"; it has: ${loaded.names.join(', ') || '(none)'}`);
    return [found];
}

/** The config with `--protocol` applied where the file names no revision (as `run` does). */
export function withDefaultProtocol(config: ServerConfig, protocol: ProtocolChoice | undefined): ServerConfig {
    return protocol === undefined || config.protocol !== undefined ? config : { ...config, protocol };
}

/** The config with `--timeout` applied where the file sets no timeout (as `run` does). */
export function withDefaultTimeout(config: ServerConfig, timeoutMs: number | undefined): ServerConfig {
    return timeoutMs === undefined || config.timeoutMs !== undefined ? config : { ...config, timeoutMs };
}
