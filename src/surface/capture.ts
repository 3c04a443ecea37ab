/**
 * Reads a live server's surface: `initialize` plus every list the server declares, reduced
 * to the fields that make up its contract. Volatile fields (connection time, negotiated
 * protocol version, resource sizes and `lastModified`, `_meta`) are left out so a snapshot
 * of an unchanged server is byte-for-byte the same.
 */
import { UniversalMCPClient, type CallOptions } from '../connect/client.js';
import type { ServerConfig, ServerInfo } from '../connect/types.js';
import { isObject, sortKeys } from './canonical.js';
import {
    SURFACE_FORMAT,
    type CacheHint,
    type ListName,
    type PromptArgumentSurface,
    type PromptSurface,
    type ResourceSurface,
    type ServerSurface,
    type Surface,
    type ToolSurface,
} from './types.js';

/** What the lists of a server returned, raw. */
export interface RawListings {
    info: Pick<ServerInfo, 'name' | 'version' | 'capabilities' | 'instructions'>;
    tools: Record<string, unknown>[];
    resources: Record<string, unknown>[];
    resourceTemplates: Record<string, unknown>[];
    prompts: Record<string, unknown>[];
    /** Caching hints by list method (`tools/list`, …), as the connector noted them. */
    cacheHints?: Record<string, CacheHint>;
}

const LIST_METHODS: Record<ListName, string> = { tools: 'tools/list', resources: 'resources/list', resourceTemplates: 'resources/templates/list', prompts: 'prompts/list' };

/** Connects (or reuses the connection) and captures one server's surface. */
export async function captureServerSurface(mcp: UniversalMCPClient, id: string, options: CallOptions = {}): Promise<ServerSurface> {
    const info = await mcp.connect(id, { signal: options.signal });
    const declares = (capability: string) => isObject(info.capabilities[capability]);
    // Only what the server declares is listed: asking for the rest would be a protocol error.
    const tools = declares('tools') ? (await mcp.listTools(id, options)).map((t) => t.raw) : [];
    const resources = declares('resources') ? await mcp.listResources(id, options) : [];
    const resourceTemplates = declares('resources') ? await mcp.listResourceTemplates(id, options) : [];
    const prompts = declares('prompts') ? await mcp.listPrompts(id, options) : [];
    return surfaceFromListings({ info, tools, resources, resourceTemplates, prompts, cacheHints: mcp.cacheHints(id) });
}

/** Starts or reaches each server, captures its surface and closes it; servers are captured in parallel. */
export async function captureSurface(servers: Record<string, ServerConfig>, options: CallOptions = {}): Promise<Surface> {
    const mcp = new UniversalMCPClient();
    const names = Object.keys(servers);
    try {
        for (const name of names) mcp.addServer(name, servers[name]!);
        const captured = await Promise.all(names.map((name) => captureServerSurface(mcp, name, options)));
        return toSurface(Object.fromEntries(names.map((name, i) => [name, captured[i]!])));
    } finally {
        await mcp.close();
    }
}

/** Wraps server surfaces into a snapshot document. */
export function toSurface(servers: Record<string, ServerSurface>): Surface {
    return { format: SURFACE_FORMAT, servers };
}

/** Reduces raw listings to the canonical surface (pure; the capture without the network). */
export function surfaceFromListings(raw: RawListings): ServerSurface {
    return sortKeys({
        server: {
            name: raw.info.name,
            version: raw.info.version,
            ...(raw.info.instructions ? { instructions: raw.info.instructions } : {}),
        },
        capabilities: raw.info.capabilities,
        tools: byKey(raw.tools, 'name', toolSurface),
        resources: byKey(raw.resources, 'uri', resourceSurface),
        resourceTemplates: byKey(raw.resourceTemplates, 'uriTemplate', resourceSurface),
        prompts: byKey(raw.prompts, 'name', promptSurface),
        ...cacheOf(raw.cacheHints ?? {}),
    }) as ServerSurface;
}

/** The hints by list name, or nothing when the server gave none (2025-era servers). */
function cacheOf(hints: Record<string, CacheHint>): { cache?: ServerSurface['cache'] } {
    const cache = Object.fromEntries(
        (Object.entries(LIST_METHODS) as [ListName, string][]).filter(([, method]) => hints[method]).map(([list, method]) => [list, hints[method]!]),
    );
    return Object.keys(cache).length ? { cache } : {};
}

/** A map from each item's `key` to its reduced form; the first of two items with one key wins. */
function byKey<T>(items: Record<string, unknown>[], key: string, reduce: (item: Record<string, unknown>) => T): Record<string, T> {
    const out: Record<string, T> = {};
    for (const item of items) {
        const id = item[key];
        if (typeof id === 'string' && !(id in out)) out[id] = reduce(item);
    }
    return out;
}

function toolSurface(raw: Record<string, unknown>): ToolSurface {
    return {
        ...texts(raw, 'title', 'description'),
        inputSchema: raw.inputSchema ?? {},
        ...(raw.outputSchema !== undefined ? { outputSchema: raw.outputSchema } : {}),
        ...(isObject(raw.annotations) ? { annotations: raw.annotations } : {}),
    };
}

function resourceSurface(raw: Record<string, unknown>): ResourceSurface {
    const annotations = isObject(raw.annotations) ? { ...raw.annotations } : undefined;
    // lastModified changes whenever the content does; it describes data, not the contract.
    if (annotations) delete annotations.lastModified;
    return {
        ...texts(raw, 'name', 'title', 'description', 'mimeType'),
        ...(annotations && Object.keys(annotations).length ? { annotations } : {}),
    };
}

function promptSurface(raw: Record<string, unknown>): PromptSurface {
    const args: Record<string, PromptArgumentSurface> = {};
    for (const arg of Array.isArray(raw.arguments) ? raw.arguments : []) {
        if (!isObject(arg) || typeof arg.name !== 'string' || arg.name in args) continue;
        args[arg.name] = { ...texts(arg, 'title', 'description'), required: arg.required === true };
    }
    return { ...texts(raw, 'title', 'description'), arguments: args };
}

/** The named members of `raw` that are strings. */
function texts(raw: Record<string, unknown>, ...keys: string[]): Record<string, string> {
    const out: Record<string, string> = {};
    for (const key of keys) if (typeof raw[key] === 'string') out[key] = raw[key];
    return out;
}
