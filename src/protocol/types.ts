/** The shapes shared by the protocol rules, their registry and the case that runs them. */
import type { ProbeContext } from './context.js';

/** One way the server broke a rule. */
export interface ProtocolFinding {
    message: string;
    /**
     * Set when the revision spoken only recommends (SHOULD) what the rule checks, though another
     * revision requires it: the finding is then a warning even when the rule is at `error`.
     */
    recommended?: boolean;
}

/** What a rule found: findings (none: the server follows it), or why it does not apply to this server. */
export type RuleOutcome = { findings: ProtocolFinding[]; notes?: string[] } | { skip: string };

/** A protocol rule: probes one server and judges what it answers. */
export interface ProtocolRule {
    /** The catalog id; specs name it under `protocol.rules` and cases are named `protocol: <id>`. */
    id: string;
    check(probe: ProbeContext): Promise<RuleOutcome>;
    /** Starts slow work the check will need (a second server process) as soon as the server is probed. */
    prepare?(probe: ProbeContext): void;
}

/** A rule's outcome when the server follows it. */
export const PASS: RuleOutcome = Object.freeze({ findings: [] });

/** Findings from messages; `recommended` marks them all as SHOULD-level. */
export function found(messages: readonly (string | undefined | false)[], recommended = false): { findings: ProtocolFinding[] } {
    const findings = messages.filter((m): m is string => typeof m === 'string').map((message) => (recommended ? { message, recommended } : { message }));
    return { findings };
}
