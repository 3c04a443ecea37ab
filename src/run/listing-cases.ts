/** Shared by the tool, resource and prompt checks: capability gating and include/exclude judgement. */
import { classifyRequestError } from './classify.js';
import type { CaseOutcome } from './result.js';
import type { CaseContext } from './session.js';

/** Skips a check against a server that does not declare the capability it needs; fails it when the spec requires the capability. */
export function requireCapability(capability: 'resources' | 'prompts', ctx: CaseContext): CaseOutcome | undefined {
    if (ctx.session.declares(capability)) return undefined;
    if (ctx.required?.has(capability)) return undeclared(capability);
    return { status: 'skipped', reason: `server does not declare ${capability}` };
}

/** The failure of a capability the spec requires and the server does not declare. */
export function undeclared(capability: string): CaseOutcome {
    return { status: 'failed', problems: [{ kind: 'contract.capability', message: `the server does not declare the ${capability} capability, which the spec requires` }] };
}

/** `exact:` — the listed names must be exactly these: the missing and the extra ones are each a problem. */
export function exactly(what: 'tool' | 'resource' | 'prompt', wanted: readonly string[], listed: readonly string[], cut?: string): CaseOutcome {
    const missing = wanted.filter((name) => !listed.includes(name));
    const extra = [...new Set(listed)].filter((name) => !wanted.includes(name));
    const problems = [
        ...(missing.length ? [{ kind: 'contract.exact' as const, message: `${what}s missing: ${summarizeNames(missing)}${cutNote(cut)}`, expected: missing }] : []),
        ...(extra.length ? [{ kind: 'contract.exact' as const, message: `${what}s listed but not named under exact: ${summarizeNames(extra)}`, actual: extra }] : []),
    ];
    return problems.length ? { status: 'failed', problems } : { status: 'passed' };
}

/** A listing that failed after the capability was declared is the server's fault, not a skip. */
export function classifyListError(error: unknown, method: string, ctx: CaseContext): CaseOutcome {
    return classifyRequestError(error, method, ctx.session.timeoutMs, ctx.session.signal);
}

/** Include (`wanted`) or exclude check of one name against what the server listed. */
export function unlisted(what: 'tool' | 'resource' | 'prompt', name: string, listed: readonly string[], wanted: boolean, cut?: string): CaseOutcome {
    const present = listed.includes(name);
    if (present === wanted) return { status: 'passed' };
    if (wanted) {
        return { status: 'failed', problems: [{ kind: 'contract.include', message: `${what} "${name}" is not listed; the server lists: ${summarizeNames(listed)}${cutNote(cut)}`, expected: name }] };
    }
    return { status: 'failed', problems: [{ kind: 'contract.exclude', message: `${what} "${name}" is listed but must not be` }] };
}

/** Why a listing stopped early, for the names of the server's listings it may have missed. */
export function listingCut(ctx: CaseContext, ...methods: string[]): string | undefined {
    const cuts = methods.map((method) => ctx.session.mcp.listingCut(ctx.session.connectionId, method)).filter((cut) => cut !== undefined);
    return cuts.length ? cuts.join('; ') : undefined;
}

function cutNote(cut: string | undefined): string {
    return cut ? ` (the listing is incomplete: ${cut})` : '';
}

/** Listed names for messages; bounded so a server with 1,000 tools stays readable. */
export function summarizeNames(names: readonly string[]): string {
    if (names.length === 0) return '(none)';
    const shown = names.slice(0, 30).join(', ');
    return names.length > 30 ? `${shown}, … (${names.length} in all)` : shown;
}
