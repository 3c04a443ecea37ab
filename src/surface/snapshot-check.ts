/**
 * The in-spec `snapshot:` check: compare a live surface with the stored file and fail only
 * on breaking changes. A missing file is written and reported, except under CI, where it
 * fails: a snapshot that CI writes and throws away would let every later change through.
 */
import type { ClientId } from '../assert/lint/portability/clients.js';
import { diffSurfaces } from './diff.js';
import { readSurfaceFile, SurfaceFileError, writeSurfaceFile } from './file.js';
import type { Change, Surface, SurfaceDiff } from './types.js';

export interface SnapshotCheckOptions {
    /** `--update-snapshots`: rewrite the file with the live surface (and pass). */
    update?: boolean;
    /** Running in CI, where a missing snapshot fails instead of being written. @default isCi(process.env) */
    ci?: boolean;
    /** The clients the tools must load in: a change that newly breaks one is breaking. */
    clients?: readonly ClientId[];
}

export interface SnapshotCheckResult {
    status: 'passed' | 'failed' | 'errored';
    /** What happened to the file. */
    file: 'compared' | 'written' | 'updated' | 'missing' | 'unreadable';
    /** One line for the report. */
    message: string;
    /** Every change against the stored file (all levels), sorted by pointer. */
    changes: Change[];
    /** The full diff, when there was a stored file to compare with. */
    diff?: SurfaceDiff;
}

/** Whether the environment says this is CI (`CI=true`, as GitHub Actions, GitLab and most others set it). */
export function isCi(env: NodeJS.ProcessEnv = process.env): boolean {
    return env.CI === 'true' || env.CI === '1';
}

/** Compares `live` with the snapshot in `file`, writing or updating the file as the options say. */
export async function checkSnapshot(live: Surface, file: string, options: SnapshotCheckOptions = {}): Promise<SnapshotCheckResult> {
    const ci = options.ci ?? isCi();
    let stored: Surface | undefined;
    try {
        stored = await readSurfaceFile(file);
    } catch (error) {
        if (!(error instanceof SurfaceFileError)) throw error;
        if (!options.update) return { status: 'errored', file: 'unreadable', message: `${error.message} (--update-snapshots rewrites it)`, changes: [] };
    }
    if (!stored && !options.update) {
        if (ci) {
            const message = `snapshot ${file} does not exist; under CI a missing snapshot fails: run mcp-check with --update-snapshots and commit the file`;
            return { status: 'failed', file: 'missing', message, changes: [] };
        }
        await writeSurfaceFile(file, live);
        return { status: 'passed', file: 'written', message: `snapshot ${file} did not exist and was written: commit it`, changes: [] };
    }
    const diff = stored ? diffSurfaces(stored, live, { clients: options.clients }) : undefined;
    const changes = diff?.servers.flatMap((s) => s.changes) ?? [];
    const { breaking = 0, nonBreaking = 0, info = 0 } = diff?.counts ?? {};
    const tally = `${breaking} breaking, ${nonBreaking} non-breaking, ${info} info`;
    if (options.update) {
        const changed = await writeSurfaceFile(file, live);
        const message = !stored ? `snapshot ${file} written` : changed ? `snapshot ${file} updated (${tally})` : `snapshot ${file} is up to date`;
        return { status: 'passed', file: changed ? (stored ? 'updated' : 'written') : 'compared', message, changes, ...(diff ? { diff } : {}) };
    }
    if (breaking > 0) {
        const message = `${breaking} breaking change${breaking === 1 ? '' : 's'} against snapshot ${file} (${tally}); if intended, run with --update-snapshots`;
        return { status: 'failed', file: 'compared', message, changes, diff };
    }
    const message = changes.length === 0 ? `matches snapshot ${file}` : `no breaking change against snapshot ${file} (${tally}; --update-snapshots records them)`;
    return { status: 'passed', file: 'compared', message, changes, diff };
}

/** One line per change, e.g. for a report's details: `breaking /tools/x/inputSchema/required: property "y" is now required`. */
export function changeLines(changes: readonly Change[]): string[] {
    return changes.map((c) => `${c.level} ${c.pointer || '/'}: ${c.reason}`);
}
