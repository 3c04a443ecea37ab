/** Shared by the tool, resource and prompt checks: capability gating and include/exclude judgement. */
import { classifyRequestError } from './classify.js';
import type { CaseOutcome } from './result.js';
import type { CaseContext } from './session.js';

/** Skips a check against a server that does not declare the capability it needs. */
export function requireCapability(capability: 'resources' | 'prompts', ctx: CaseContext): CaseOutcome | undefined {
    if (ctx.session.declares(capability)) return undefined;
    return { status: 'skipped', reason: `server does not declare ${capability}` };
}

/** A listing that failed after the capability was declared is the server's fault, not a skip. */
export function classifyListError(error: unknown, method: string, ctx: CaseContext): CaseOutcome {
    return classifyRequestError(error, method, ctx.session.timeoutMs, ctx.session.signal);
}

/** Include (`wanted`) or exclude check of one name against what the server listed. */
export function unlisted(what: 'tool' | 'resource' | 'prompt', name: string, listed: readonly string[], wanted: boolean): CaseOutcome {
    const present = listed.includes(name);
    if (present === wanted) return { status: 'passed' };
    if (wanted) {
        return { status: 'failed', problems: [{ kind: 'contract.include', message: `${what} "${name}" is not listed; the server lists: ${summarizeNames(listed)}`, expected: name }] };
    }
    return { status: 'failed', problems: [{ kind: 'contract.exclude', message: `${what} "${name}" is listed but must not be` }] };
}

/** Listed names for messages; bounded so a server with 1,000 tools stays readable. */
export function summarizeNames(names: readonly string[]): string {
    if (names.length === 0) return '(none)';
    const shown = names.slice(0, 30).join(', ');
    return names.length > 30 ? `${shown}, … (${names.length} in all)` : shown;
}
