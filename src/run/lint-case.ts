/** One lint rule as one check: failed when an `error` rule has findings, a warning when a `warn` rule has. */
import { lintTools, type LintFinding, type LintResult } from '../assert/lint/index.js';
import { portabilityRuleInfo } from '../assert/lint/portability/catalog.js';
import { portabilityMatrix, type PortabilityMatrix } from '../assert/lint/portability/index.js';
import type { ListedTool } from '../connect/client.js';
import type { LintConfig } from '../load/types.js';
import type { PlannedSuite } from './plan.js';
import type { CaseOutcome, Problem } from './result.js';
import type { CaseContext } from './session.js';

// Lint runs once per server and config; each rule's case picks its own result.
const cache = new WeakMap<LintConfig, { tools: readonly ListedTool[]; results: Map<string, LintResult> }>();

/** Judges one lint rule over the server's raw tool list; `server` is its name in the spec. */
export function runLintRule(rule: string, config: LintConfig, server: string, ctx: CaseContext): CaseOutcome {
    let linted = cache.get(config);
    if (!linted) {
        const tools = ctx.session.listedTools;
        linted = { tools, results: new Map(lintTools(tools, config, server).map((r) => [r.rule, r])) };
        cache.set(config, linted);
    }
    const result = linted.results.get(rule);
    if (!result || result.findings.length === 0) return { status: 'passed' };
    // Portability findings travel whole (clients, pointer, fix, sources) for the reporters.
    const findings = portabilityRuleInfo(rule) ? { findings: result.findings } : {};
    if (result.level === 'warn') return { status: 'passed', warnings: result.findings.map((f) => `${rule}: ${oneLine(f)}`), ...findings };
    return { status: 'failed', problems: result.findings.map((f) => problemOf(rule, f)), ...findings };
}

/**
 * The tool × client matrix of a planned suite, once its lint cases have run (undefined when
 * it names no clients, or none of its portability cases ran).
 */
export function suitePortability(ps: PlannedSuite): PortabilityMatrix | undefined {
    if (!ps.lint?.enabled || ps.lint.clients.length === 0) return undefined;
    const linted = cache.get(ps.lint);
    if (!linted) return undefined;
    const findings = [...linted.results.values()].filter((r) => portabilityRuleInfo(r.rule)).flatMap((r) => r.findings);
    return portabilityMatrix(linted.tools, ps.lint.clients, findings);
}

function problemOf(rule: string, finding: LintFinding): Problem {
    const details = finding.fix === undefined ? undefined : portabilityDetails(finding);
    return { kind: 'lint', message: `${rule}: ${finding.message}`, ...(details ? { details } : {}) };
}

/** The fix, the sources and the rule's docs of a portability finding, one line each. */
function portabilityDetails(finding: LintFinding): string[] {
    return [`fix: ${finding.fix}`, `source: ${(finding.sources ?? []).join(' ')} (verified ${finding.verified})`, `rule: ${finding.docs}`];
}

/** A finding as one line (warnings have no details): the message, then the fix and the docs. */
function oneLine(finding: LintFinding): string {
    return finding.fix === undefined ? finding.message : `${finding.message} — fix: ${finding.fix} (${finding.docs}; ${finding.sources?.[0] ?? ''})`;
}
