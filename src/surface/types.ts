import type { ClientId } from '../assert/lint/portability/clients.js';

/**
 * The surface model: what MCP servers expose, in a canonical form that can be written to a
 * file and compared across releases, and the changes found between two such surfaces.
 */

/** Marks a file as a surface snapshot, and its layout version. */
export const SURFACE_FORMAT = 'mcp-check/surface@1';

/** A snapshot file: one or more servers by the name the spec gives them. */
export interface Surface {
    format: typeof SURFACE_FORMAT;
    servers: Record<string, ServerSurface>;
}

/** Everything one server exposes; lists are maps keyed by name (or URI) so pointers read well. */
export interface ServerSurface {
    server: ServerIdentity;
    capabilities: Record<string, unknown>;
    tools: Record<string, ToolSurface>;
    /** By `uri`. */
    resources: Record<string, ResourceSurface>;
    /** By `uriTemplate`. */
    resourceTemplates: Record<string, ResourceSurface>;
    prompts: Record<string, PromptSurface>;
    /** 2026-07-28 caching hints of each list (`ttlMs`, `cacheScope`), where the server gives them. */
    cache?: Partial<Record<ListName, CacheHint>>;
}

/** The lists a surface is made of. */
export type ListName = 'tools' | 'resources' | 'resourceTemplates' | 'prompts';

/** How long, and for whom, a client may cache a list (2026-07-28). */
export interface CacheHint {
    ttlMs?: number;
    cacheScope?: string;
}

/**
 * `serverInfo` and `instructions` from `initialize`. The negotiated protocol version is left
 * out: it depends on the client's SDK as much as on the server, so it would churn snapshots.
 */
export interface ServerIdentity {
    name: string;
    version: string;
    instructions?: string;
}

export interface ToolSurface {
    title?: string;
    description?: string;
    inputSchema: unknown;
    outputSchema?: unknown;
    annotations?: Record<string, unknown>;
}

/** A resource or a resource template (the key says which). */
export interface ResourceSurface {
    name?: string;
    title?: string;
    description?: string;
    mimeType?: string;
    annotations?: Record<string, unknown>;
}

export interface PromptSurface {
    title?: string;
    description?: string;
    arguments: Record<string, PromptArgumentSurface>;
}

export interface PromptArgumentSurface {
    title?: string;
    description?: string;
    required: boolean;
}

/** How much a change matters to clients built against the old surface. */
export type ChangeLevel = 'breaking' | 'non-breaking' | 'info';

/** Levels from the most to the least severe; reports list them in this order. */
export const CHANGE_LEVELS: readonly ChangeLevel[] = ['breaking', 'non-breaking', 'info'];

/** One classified difference between two server surfaces. */
export interface Change {
    /** JSON pointer into the server's surface, e.g. `/tools/add_note/inputSchema/properties/title/maxLength`. */
    pointer: string;
    level: ChangeLevel;
    /** One line, for people. */
    reason: string;
    /** The old and new values, when they are short and worth showing (descriptions, annotations). */
    before?: unknown;
    after?: unknown;
    /** Portability changes: the named clients it newly breaks (breaking) or no longer breaks (non-breaking). */
    clients?: ClientId[];
}

/** The changes between one old server and the new server it was paired with. */
export interface ServerDiff {
    /** Server names (as the spec or snapshot calls them) on each side; absent when the server exists on one side only. */
    old?: string;
    new?: string;
    /** What each side's server said about itself in `initialize`. */
    oldInfo?: { name: string; version: string };
    newInfo?: { name: string; version: string };
    changes: Change[];
}

/** Counts of changes by level. */
export interface ChangeCounts {
    breaking: number;
    nonBreaking: number;
    info: number;
}

/** The result of comparing two surfaces, servers in a stable order, changes sorted by pointer. */
export interface SurfaceDiff {
    servers: ServerDiff[];
    counts: ChangeCounts;
}
