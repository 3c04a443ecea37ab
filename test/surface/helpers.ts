/** Small builders for the surface tests: hand-written schemas and surfaces, and compact views of changes. */
import { diffSchemas } from '../../src/surface/schema/compare.js';
import type { Direction } from '../../src/surface/schema/context.js';
import { SURFACE_FORMAT, type Change, type ServerSurface, type Surface, type ToolSurface } from '../../src/surface/types.js';

/** `[pointer, level]` of every change, for assertions that read like the rule they test. */
export function levels(changes: readonly Change[]): [string, string][] {
    return changes.map((c) => [c.pointer, c.level]);
}

/** The changes between two schemas in one direction. */
export function schemaChanges(before: unknown, after: unknown, direction: Direction): Change[] {
    return diffSchemas(before, after, { direction });
}

/** An object schema with the given properties (and optional extra keywords). */
export function obj(properties: Record<string, unknown>, extra: Record<string, unknown> = {}): Record<string, unknown> {
    return { type: 'object', properties, ...extra };
}

/** A server surface with nothing in it but what `parts` add. */
export function server(parts: Partial<ServerSurface> = {}): ServerSurface {
    return {
        server: { name: 'fixture', version: '1.0.0' },
        capabilities: { tools: {} },
        tools: {},
        resources: {},
        resourceTemplates: {},
        prompts: {},
        ...parts,
    };
}

/** A tool with an empty object input schema, plus `parts`. */
export function tool(parts: Partial<ToolSurface> = {}): ToolSurface {
    return { description: 'Does a thing.', inputSchema: { type: 'object' }, ...parts };
}

/** A one-server snapshot document. */
export function surface(servers: Record<string, ServerSurface>): Surface {
    return { format: SURFACE_FORMAT, servers };
}
