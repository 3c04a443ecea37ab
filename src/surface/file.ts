/** Snapshot files: canonical JSON on disk, checked on the way in so a wrong file is a clear error, not a bogus diff. */
import { readFile } from 'node:fs/promises';
import { writeOutputFile } from '../output-file.js';
import { canonicalJson, isObject } from './canonical.js';
import { SURFACE_FORMAT, type ServerSurface, type Surface } from './types.js';

/** A file that is not a readable surface snapshot. */
export class SurfaceFileError extends Error {
    override readonly name = 'SurfaceFileError';
}

/** Whether parsed JSON is meant as a surface snapshot (it carries the format marker). */
export function looksLikeSurface(data: unknown): boolean {
    return isObject(data) && typeof data.format === 'string' && data.format.startsWith('mcp-check/surface@');
}

/** Checks the shape of a parsed snapshot; `source` names it in errors. Missing lists count as empty. */
export function parseSurface(data: unknown, source: string): Surface {
    if (!looksLikeSurface(data)) throw new SurfaceFileError(`${source}: not a surface snapshot (no "format": "${SURFACE_FORMAT}")`);
    const doc = data as Record<string, unknown>;
    if (doc.format !== SURFACE_FORMAT) throw new SurfaceFileError(`${source}: unsupported snapshot format ${JSON.stringify(doc.format)} (this mcp-check reads ${SURFACE_FORMAT})`);
    if (!isObject(doc.servers)) throw new SurfaceFileError(`${source}: "servers" must be an object`);
    const servers: Record<string, ServerSurface> = {};
    for (const [name, raw] of Object.entries(doc.servers)) {
        if (!isObject(raw) || !isObject(raw.server) || typeof raw.server.name !== 'string' || typeof raw.server.version !== 'string') {
            throw new SurfaceFileError(`${source}: servers.${name} needs "server": { "name", "version" }`);
        }
        for (const key of ['capabilities', 'tools', 'resources', 'resourceTemplates', 'prompts', 'cache']) {
            if (raw[key] !== undefined && !isObject(raw[key])) throw new SurfaceFileError(`${source}: servers.${name}.${key} must be an object`);
        }
        servers[name] = {
            server: raw.server as unknown as ServerSurface['server'],
            capabilities: (raw.capabilities ?? {}) as ServerSurface['capabilities'],
            tools: (raw.tools ?? {}) as ServerSurface['tools'],
            resources: (raw.resources ?? {}) as ServerSurface['resources'],
            resourceTemplates: (raw.resourceTemplates ?? {}) as ServerSurface['resourceTemplates'],
            prompts: (raw.prompts ?? {}) as ServerSurface['prompts'],
            ...(raw.cache !== undefined ? { cache: raw.cache as ServerSurface['cache'] } : {}),
        };
    }
    return { format: SURFACE_FORMAT, servers };
}

/** Reads a snapshot file; undefined when it does not exist. Throws `SurfaceFileError` when it is not a snapshot. */
export async function readSurfaceFile(file: string): Promise<Surface | undefined> {
    let text: string;
    try {
        text = await readFile(file, 'utf8');
    } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
        throw new SurfaceFileError(`cannot read ${file}: ${(error as Error).message}`);
    }
    let data: unknown;
    try {
        data = JSON.parse(text);
    } catch (error) {
        throw new SurfaceFileError(`${file}: not valid JSON: ${(error as Error).message}`);
    }
    return parseSurface(data, file);
}

/** The exact bytes of a snapshot file. */
export function serializeSurface(surface: Surface): string {
    return canonicalJson(surface);
}

/** Writes a snapshot file (creating folders); returns whether the bytes changed. */
export async function writeSurfaceFile(file: string, surface: Surface): Promise<boolean> {
    const text = serializeSurface(surface);
    const previous = await readFile(file, 'utf8').catch(() => undefined);
    if (previous === text) return false;
    await writeOutputFile(file, text);
    return true;
}
