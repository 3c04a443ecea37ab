/**
 * One protocol rule as one check. A rule that does not apply to the server (the other era, a
 * revision before the one that states it) is skipped with the reason;
 * otherwise its findings fail an `error` rule and warn for a `warn` rule. Each names the
 * specification section it comes from.
 */
import { eraOf, type Era } from '../connect/protocol.js';
import type { ServerConfig } from '../connect/types.js';
import { findProtocolRule, protocolRuleInfo, ProbeContext, sectionUrl, type ProtocolRuleInfo, type RuleOutcome } from '../protocol/index.js';
import { classifyRequestError } from './classify.js';
import type { CaseOutcome } from './result.js';
import type { CaseContext, ServerSession } from './session.js';

// A connection shared by several spec files runs each rule once; every file's case reads it.
const probes = new WeakMap<ServerSession, { context: ProbeContext; outcomes: Map<string, Promise<RuleOutcome>> }>();

/**
 * Starts what the suite's protocol rules will need that takes time (a second copy of a stdio
 * server), so it boots while the calls run. Called once the server is connected.
 */
export function prepareProtocolRules(config: ServerConfig, ctx: CaseContext): void {
    if (ctx.protocolRules?.size) probeOf(config, ctx);
}

/** The server's probe context, made (and its planned rules prepared) on first use. */
function probeOf(config: ServerConfig, ctx: CaseContext): { context: ProbeContext; outcomes: Map<string, Promise<RuleOutcome>> } {
    const { session } = ctx;
    let probe = probes.get(session);
    if (!probe) {
        const server = session.mcp.serverInfo(session.connectionId)!;
        const context = new ProbeContext({ mcp: session.mcp, server: session.connectionId, config, info: server, listedTools: session.listedTools, timeoutMs: session.timeoutMs, signal: session.signal, secondCopy: ctx.secondCopy });
        probe = { context, outcomes: new Map() };
        probes.set(session, probe);
        for (const planned of ctx.protocolRules ?? []) {
            const info = protocolRuleInfo(planned);
            if (!notApplicable(info, context.era, server.protocolVersion)) findProtocolRule(planned)?.prepare?.(context);
        }
    }
    return probe;
}

/** Runs (or reuses) rule `id` against the case's server and judges it at `level`. */
export async function runProtocolRule(id: string, level: 'error' | 'warn', config: ServerConfig, ctx: CaseContext): Promise<CaseOutcome> {
    const { session } = ctx;
    const info = protocolRuleInfo(id);
    const server = session.mcp.serverInfo(session.connectionId)!;
    const era = eraOf(server.protocolVersion);
    const reason = notApplicable(info, era, server.protocolVersion);
    if (reason) return { status: 'skipped', reason };
    const probe = probeOf(config, ctx);
    const rule = findProtocolRule(id)!;
    let pending = probe.outcomes.get(id);
    if (!pending) {
        pending = rule.check(probe.context);
        probe.outcomes.set(id, pending);
    }
    let outcome: RuleOutcome;
    try {
        outcome = await pending;
    } catch (error) {
        return classifyRequestError(error, `protocol: ${id}`, session.timeoutMs, session.signal);
    }
    return judge(outcome, level, sectionUrl(info, era, server.protocolVersion)!);
}

/** Why a planned rule does not apply to the era or revision found on connecting, or undefined when it does. */
function notApplicable(info: ProtocolRuleInfo, era: Era, revision: string): string | undefined {
    if (!info.eras.includes(era)) {
        const scope = era === 'modern' ? 'a 2025-era rule' : 'a 2026-07-28 rule';
        return `${scope}: this server is spoken to in ${revision}${info.elsewhere ? ` (${info.elsewhere})` : ''}`;
    }
    if (era === 'legacy' && info.since && revision < info.since) return `stated from ${info.since} on: this server is spoken to in ${revision}`;
    return undefined;
}

function judge(outcome: RuleOutcome, level: 'error' | 'warn', url: string): CaseOutcome {
    if ('skip' in outcome) return { status: 'skipped', reason: outcome.skip };
    const notes = outcome.notes?.length ? { notes: outcome.notes } : {};
    const cite = (message: string) => `${message} (${url})`;
    const failing = level === 'error' ? outcome.findings.filter((f) => !f.recommended) : [];
    if (failing.length === 0) {
        const warnings = outcome.findings.map((f) => cite(f.message));
        return { status: 'passed', ...(warnings.length ? { warnings } : {}), ...notes };
    }
    const problems = outcome.findings.map((f) => ({ kind: 'protocol' as const, message: cite(f.recommended ? `${f.message} (recommended)` : f.message) }));
    return { status: 'failed', problems };
}
