/** `snapshot: <file>`: the server's surface must have no breaking change against the stored file. */
import type { ClientId } from '../assert/lint/portability/clients.js';
import { captureServerSurface, changeLines, checkSnapshot, toSurface } from '../surface/index.js';
import { classifyRequestError } from './classify.js';
import type { CaseOutcome } from './result.js';
import type { CaseContext } from './session.js';

/**
 * Captures the live surface and checks it against (or writes) the snapshot file; a change
 * that newly breaks one of `clients` counts as breaking.
 */
export async function runSnapshotCase(file: string, key: string, clients: readonly ClientId[], ctx: CaseContext): Promise<CaseOutcome> {
    const { session } = ctx;
    let live;
    try {
        // Keyed by the spec's server name, so the file matches what `mcp-check snapshot` writes.
        live = toSurface({ [key]: await captureServerSurface(session.mcp, session.connectionId, { signal: session.signal, timeoutMs: session.timeoutMs }) });
    } catch (error) {
        return classifyRequestError(error, 'capturing the surface', session.timeoutMs, session.signal);
    }
    const result = await checkSnapshot(live, file, { update: ctx.updateSnapshots, clients });
    const details = changeLines(result.changes);
    if (result.status === 'passed') return { status: 'passed', notes: [result.message, ...details] };
    if (result.status === 'failed') return { status: 'failed', problems: [{ kind: 'contract.snapshot', message: result.message, details }] };
    return { status: 'errored', error: { kind: 'contract.snapshot', message: result.message } };
}
