/**
 * Compares two surface documents. The engine is pure: surfaces in, classified changes out,
 * so the same code serves `mcp-check diff`, the in-spec `snapshot:` check and library users.
 */
import { compareStrings } from './canonical.js';
import type { ClientId } from '../assert/lint/portability/clients.js';
import { diffServerSurfaces, sortChanges } from './diff-server.js';
import { portabilityChanges } from './portability.js';
import type { Change, ChangeCounts, ChangeLevel, ServerDiff, ServerSurface, Surface, SurfaceDiff } from './types.js';

/** Options of `diffSurfaces`. */
export interface DiffOptions {
    /** The clients the tools must load in: a change that newly breaks one of them is breaking for it. */
    clients?: readonly ClientId[];
}

/**
 * Compares every server of `before` with its counterpart in `after`. Two one-server
 * documents are paired whatever the servers are called (a spec may name v1 and v2
 * differently); otherwise servers are paired by name, and a missing one is breaking.
 */
export function diffSurfaces(before: Surface, after: Surface, options: DiffOptions = {}): SurfaceDiff {
    const clients = options.clients ?? [];
    const oldNames = Object.keys(before.servers).sort(compareStrings);
    const newNames = Object.keys(after.servers).sort(compareStrings);
    const servers: ServerDiff[] = [];
    if (oldNames.length === 1 && newNames.length === 1) {
        servers.push(pairDiff(before, after, oldNames[0]!, newNames[0]!, clients));
    } else {
        for (const name of [...new Set([...oldNames, ...newNames])].sort(compareStrings)) {
            const o = before.servers[name];
            const n = after.servers[name];
            if (o && n) servers.push(pairDiff(before, after, name, name, clients));
            else if (o) servers.push({ old: name, oldInfo: identity(o), changes: [{ pointer: '', level: 'breaking', reason: `server "${name}" removed` }] });
            else servers.push({ new: name, newInfo: identity(n!), changes: [{ pointer: '', level: 'non-breaking', reason: `server "${name}" added` }] });
        }
    }
    return { servers, counts: countChanges(servers.flatMap((s) => s.changes)) };
}

function pairDiff(before: Surface, after: Surface, oldName: string, newName: string, clients: readonly ClientId[]): ServerDiff {
    const o = before.servers[oldName]!;
    const n = after.servers[newName]!;
    const portability = portabilityChanges({ name: oldName, surface: o }, { name: newName, surface: n }, clients);
    const changes = portability.length ? sortChanges([...diffServerSurfaces(o, n), ...portability]) : diffServerSurfaces(o, n);
    return { old: oldName, new: newName, oldInfo: identity(o), newInfo: identity(n), changes };
}

function identity(server: ServerSurface): { name: string; version: string } {
    return { name: server.server.name, version: server.server.version };
}

/** How many changes there are of each level. */
export function countChanges(changes: readonly Change[]): ChangeCounts {
    return {
        breaking: changes.filter((c) => c.level === 'breaking').length,
        nonBreaking: changes.filter((c) => c.level === 'non-breaking').length,
        info: changes.filter((c) => c.level === 'info').length,
    };
}

/** `--fail-on`: the least severe level that fails the diff. */
export type FailOn = 'breaking' | 'non-breaking' | 'any';

/** The levels that count as failures for a `--fail-on` setting. */
export function failingLevels(failOn: FailOn): ChangeLevel[] {
    return failOn === 'breaking' ? ['breaking'] : failOn === 'non-breaking' ? ['breaking', 'non-breaking'] : ['breaking', 'non-breaking', 'info'];
}

/** Whether the diff has a change at or above the `--fail-on` level. */
export function failsAt(diff: SurfaceDiff, failOn: FailOn): boolean {
    const levels = failingLevels(failOn);
    return diff.servers.some((s) => s.changes.some((c) => levels.includes(c.level)));
}
