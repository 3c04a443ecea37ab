/** Shared by resource and prompt checks: capability gating and include/exclude judgement. */
import type { CaseOutcome } from './result.js';
import type { CaseContext } from './session.js';

/** Skips a check against a server that does not declare the capability it needs. */
export function requireCapability(capability: 'resources' | 'prompts', ctx: CaseContext): CaseOutcome | undefined {
    if (ctx.session.declares(capability)) return undefined;
    return { status: 'skipped', reason: `server does not declare ${capability}` };
}

/** Include (`wanted`) or exclude check of one name against what the server listed. */
export function unlisted(what: 'resource' | 'prompt', name: string, listed: readonly string[], wanted: boolean): CaseOutcome {
    const present = listed.includes(name);
    if (present === wanted) return { status: 'passed' };
    if (wanted) {
        const shown = listed.length ? listed.slice(0, 30).join(', ') + (listed.length > 30 ? `, … (${listed.length} in all)` : '') : '(none)';
        return { status: 'failed', problems: [{ kind: 'contract.include', message: `${what} "${name}" is not listed; the server lists: ${shown}`, expected: name }] };
    }
    return { status: 'failed', problems: [{ kind: 'contract.exclude', message: `${what} "${name}" is listed but must not be` }] };
}
