/**
 * Portability in a diff: a change that makes a tool break a client the spec targets is
 * breaking for that client (`breaking for gemini: type is a list …`), even when the schema
 * change itself only widens an input. A problem that goes away on a tool both sides have is
 * reported as non-breaking (`no longer breaks gemini`).
 */
import type { ClientId } from '../assert/lint/portability/clients.js';
import { lintPortability } from '../assert/lint/portability/index.js';
import { pointerSegment } from '../assert/lint/portability/schema-walk.js';
import type { LintFinding } from '../assert/lint/types.js';
import type { Change, ServerSurface } from './types.js';

/** What a server's tools break, by rule, tool and pointer: the clients and the finding. */
type Breakage = Map<string, { finding: LintFinding; clients: Set<ClientId> }>;

/** The portability changes between two surfaces of a server, for the named clients. */
export function portabilityChanges(before: { name: string; surface: ServerSurface }, after: { name: string; surface: ServerSurface }, clients: readonly ClientId[]): Change[] {
    if (clients.length === 0) return [];
    const old = breakage(before.name, before.surface, clients);
    const now = breakage(after.name, after.surface, clients);
    const changes: Change[] = [];
    for (const [key, { finding, clients: broken }] of now) {
        const fresh = [...broken].filter((client) => !old.get(key)?.clients.has(client));
        if (fresh.length) changes.push(change(finding, 'breaking', `breaking for ${fresh.join(', ')}`, fresh));
    }
    for (const [key, { finding, clients: broken }] of old) {
        // A removed tool is reported as removed; only tools both sides have can be fixed.
        if (finding.tool !== undefined && !Object.hasOwn(after.surface.tools, finding.tool)) continue;
        const fixed = [...broken].filter((client) => !now.get(key)?.clients.has(client));
        if (fixed.length) changes.push(change(finding, 'non-breaking', `no longer breaks ${fixed.join(', ')}`, fixed));
    }
    return changes;
}

function breakage(server: string, surface: ServerSurface, clients: readonly ClientId[]): Breakage {
    const tools = Object.entries(surface.tools).map(([name, tool]) => ({ name, raw: { name, ...tool } as Record<string, unknown> }));
    const out: Breakage = new Map();
    for (const result of lintPortability(tools, { rules: {}, clients: [...clients], budget: {} }, server)) {
        for (const finding of result.findings) {
            if (!finding.clients?.length) continue;
            out.set(`${finding.rule}\u0000${finding.tool ?? ''}\u0000${finding.pointer ?? ''}`, { finding, clients: new Set(finding.clients.map((c) => c.client)) });
        }
    }
    return out;
}

function change(finding: LintFinding, level: Change['level'], verdict: string, clients: ClientId[]): Change {
    const blast = clients.map((client) => finding.clients?.find((c) => c.client === client)?.blast).filter((b) => b !== undefined);
    const pointer = finding.tool === undefined ? '/tools' : `/tools/${pointerSegment(finding.tool)}${finding.pointer ?? ''}`;
    const why = level === 'breaking' ? ` (${finding.rule}, ${[...new Set(blast)].join(' / ')}; ${finding.docs})` : ` (${finding.rule})`;
    return { pointer, level, reason: `${verdict}: ${finding.problem ?? finding.message}${why}`, clients };
}
