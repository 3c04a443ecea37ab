/**
 * What `mcp-check diff` reports: the diff, the verdict for `--fail-on`, and the `--semver`
 * verdict of each server pair. Renderers (console, Markdown, JSON) all read this one model.
 */
import { countChanges, failsAt, type FailOn } from './diff.js';
import { checkSemver, type SemverVerdict } from './semver.js';
import type { ChangeCounts, ServerDiff, SurfaceDiff } from './types.js';

/** Marks JSON diff output, and its layout version. */
export const DIFF_FORMAT = 'mcp-check/surface-diff@1';

export interface ServerDiffReport extends ServerDiff {
    counts: ChangeCounts;
    /** Set with `--semver`, for servers present on both sides. */
    semver?: SemverVerdict;
}

export interface DiffReport {
    /** How each side was given, e.g. `old.json` or `specs/notes.yaml#notes`. */
    old: string;
    new: string;
    failOn: FailOn;
    /** Whether the exit code is 1: a change at or above `failOn`, or a failed semver check. */
    failed: boolean;
    counts: ChangeCounts;
    servers: ServerDiffReport[];
}

/** Adds the verdicts to a diff. */
export function buildDiffReport(sides: { old: string; new: string }, diff: SurfaceDiff, options: { failOn: FailOn; semver?: boolean }): DiffReport {
    const servers = diff.servers.map((s): ServerDiffReport => {
        const counts = countChanges(s.changes);
        const paired = s.old !== undefined && s.new !== undefined;
        return { ...s, counts, ...(options.semver && paired ? { semver: checkSemver(s.oldInfo?.version, s.newInfo?.version, counts) } : {}) };
    });
    const semverFailed = servers.some((s) => s.semver && !s.semver.ok);
    return { ...sides, failOn: options.failOn, failed: failsAt(diff, options.failOn) || semverFailed, counts: diff.counts, servers };
}

/** The JSON output: the report with a format marker, stable key order, a final newline. */
export function renderJson(report: DiffReport): string {
    return `${JSON.stringify({ format: DIFF_FORMAT, ...report }, null, 2)}\n`;
}

/** `notes: surface-fixture 1.0.0 → 2.0.0`-style heading of a server pair. */
export function pairLabel(server: ServerDiff): string {
    const side = (name: string | undefined, info: ServerDiff['oldInfo']) => (name === undefined ? '(none)' : `${name} (${info?.name ?? '?'} ${shownVersion(info)})`);
    if (server.old !== undefined && server.old === server.new && server.oldInfo?.name === server.newInfo?.name) {
        return `${server.old}: ${server.oldInfo?.name} ${shownVersion(server.oldInfo)} → ${shownVersion(server.newInfo)}`;
    }
    return `${side(server.old, server.oldInfo)} → ${side(server.new, server.newInfo)}`;
}

// Many servers announce `version: ""`; an empty slot in `1.0.0 → ` reads like a rendering bug.
function shownVersion(info: ServerDiff['oldInfo']): string {
    if (info === undefined) return '?';
    return info.version.trim() === '' ? '(no version)' : info.version;
}
