/** Server entries to typed connector configs: transport resolved, durations in ms, values as strings. */
import type { ProtocolChoice, Revision } from '../connect/protocol.js';
import type { HttpServerConfig, Readiness, ServerConfig, StartCommand, StdioServerConfig } from '../connect/types.js';
import type { Locator } from './positions.js';
import { toAuth } from './normalize-auth.js';
import type { RawServer, RawStart } from './raw.js';
import { parseSize } from './size.js';
import type { ServerSpec } from './types.js';
import { compact, ms, stringMap } from './values.js';

/** `protocol:` as written, or `--protocol`: one choice, or a list of revisions to check one by one. */
export type ProtocolSetting = ProtocolChoice | readonly Revision[];

/**
 * Builds typed servers from validated, interpolated `servers:` data (imports already merged in).
 * A server with a list of revisions becomes one server per revision, named `name@revision`;
 * `defaultProtocol` applies to servers that name none.
 */
export function toServers(raw: Record<string, RawServer>, positions: Locator, defaultProtocol?: ProtocolSetting): Record<string, ServerSpec> {
    return Object.fromEntries(
        Object.entries(raw).flatMap(([name, server]): [string, ServerSpec][] => {
            const loc = positions.locateKey(['servers'], name);
            const config = toServerConfig(server, positions.file);
            const protocol = server.protocol ?? defaultProtocol;
            if (protocol === undefined) return [[name, { name, config, loc }]];
            if (typeof protocol === 'string') return [[name, { name, config: { ...config, protocol }, loc }]];
            if (protocol.length === 1) return [[name, { name, config: { ...config, protocol: protocol[0] }, loc }]];
            return protocol.map((revision) => {
                const variant = `${name}@${revision}`;
                return [variant, { name: variant, declaredAs: name, config: { ...config, protocol: revision }, loc }];
            });
        }),
    );
}

/** The servers each declared name stands for: itself, or one per revision of its `protocol:` list. */
export function serverVariants(servers: Record<string, ServerSpec>): Map<string, string[]> {
    const variants = new Map<string, string[]>();
    for (const spec of Object.values(servers)) {
        const declared = spec.declaredAs ?? spec.name;
        variants.set(declared, [...(variants.get(declared) ?? []), spec.name]);
    }
    return variants;
}

function toServerConfig(server: RawServer, specFile: string): ServerConfig {
    const transport = server.transport ?? (server.command !== undefined ? 'stdio' : 'streamable_http');
    const limits = {
        maxTotalTimeoutMs: ms(server.max_total_timeout),
        maxPages: server.max_pages,
        maxMessageBytes: server.max_message_size === undefined ? undefined : parseSize(server.max_message_size),
    };
    if (transport === 'stdio') {
        return compact<StdioServerConfig>({
            transport,
            ...clientConfig(server.client),
            command: server.command!,
            args: server.args?.map(String),
            env: stringMap(server.env),
            cwd: server.cwd,
            timeoutMs: ms(server.timeout),
            ...limits,
        });
    }
    return compact<HttpServerConfig>({
        transport,
        ...clientConfig(server.client),
        url: server.url!,
        headers: stringMap(server.headers),
        timeoutMs: ms(server.timeout),
        sseReadTimeoutMs: ms(server.sse_read_timeout),
        ...limits,
        start: server.start && toStart(server.start, server.url!),
        auth: server.auth && toAuth(server.auth, specFile),
    });
}

/**
 * What `client:` makes the connector do: offer its `roots`, and declare the capabilities the
 * server needs to see before it asks (`roots`, `sampling`). The sampling answers themselves
 * hold matchers, so they stay with the tests (see `normalize.ts`).
 */
export function clientConfig(client: RawServer['client']): Pick<ServerConfig, 'roots' | 'clientCapabilities'> {
    const roots = client?.roots?.map((root) => (typeof root === 'string' ? { uri: root } : { ...root }));
    const capabilities = { ...(roots ? { roots: {} } : {}), ...(client?.sampling ? { sampling: {} } : {}) };
    return { ...(roots ? { roots } : {}), ...(Object.keys(capabilities).length ? { clientCapabilities: capabilities } : {}) };
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
