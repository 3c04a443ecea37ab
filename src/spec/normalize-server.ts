/** Server entries to typed connector configs: transport resolved, durations in ms, values as strings. */
import type { HttpServerConfig, Readiness, ServerConfig, StartCommand, StdioServerConfig } from '../connect/types.js';
import type { Locator } from './positions.js';
import type { RawServer, RawStart } from './raw.js';
import type { ServerSpec } from './types.js';
import { compact, ms, stringMap } from './values.js';

/** Builds typed servers from validated, interpolated `servers:` data (imports already merged in). */
export function toServers(raw: Record<string, RawServer>, positions: Locator): Record<string, ServerSpec> {
    return Object.fromEntries(
        Object.entries(raw).map(([name, server]): [string, ServerSpec] => [
            name,
            { name, config: toServerConfig(server), loc: positions.locateKey(['servers'], name) },
        ]),
    );
}

function toServerConfig(server: RawServer): ServerConfig {
    const transport = server.transport ?? (server.command !== undefined ? 'stdio' : 'streamable_http');
    if (transport === 'stdio') {
        return compact<StdioServerConfig>({
            transport,
            command: server.command!,
            args: server.args?.map(String),
            env: stringMap(server.env),
            cwd: server.cwd,
            timeoutMs: ms(server.timeout),
        });
    }
    return compact<HttpServerConfig>({
        transport,
        url: server.url!,
        headers: stringMap(server.headers),
        timeoutMs: ms(server.timeout),
        sseReadTimeoutMs: ms(server.sse_read_timeout),
        start: server.start && toStart(server.start, server.url!),
    });
}

function toStart(start: RawStart, url: string): StartCommand {
    return compact<StartCommand>({
        command: start.command,
        args: start.args?.map(String),
        env: stringMap(start.env),
        cwd: start.cwd,
        readyTimeoutMs: ms(start.timeout),
        ready: start.ready && toReadiness(start.ready, url),
    });
}

// A `ready` with `url` or `status` alone takes the other from the server's URL and HTTP 200.
function toReadiness(ready: NonNullable<RawStart['ready']>, url: string): Readiness {
    return ready.log !== undefined ? { log: ready.log } : { url: ready.url ?? url, status: ready.status ?? 200 };
}
