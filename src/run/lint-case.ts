/** One lint rule as one check: failed when an `error` rule has findings, a warning when a `warn` rule has. */
import { lintTools, type LintResult } from '../assert/lint/index.js';
import type { LintConfig } from '../spec/types.js';
import type { CaseOutcome } from './result.js';
import type { CaseContext } from './session.js';

// Lint runs once per server and config; each rule's case picks its own result.
const cache = new WeakMap<LintConfig, Map<string, LintResult>>();

/** Judges one lint rule over the server's raw tool list. */
export function runLintRule(rule: string, config: LintConfig, ctx: CaseContext): CaseOutcome {
    let results = cache.get(config);
    if (!results) {
        results = new Map(lintTools(ctx.session.listedTools, config).map((r) => [r.rule, r]));
        cache.set(config, results);
    }
    const result = results.get(rule);
    if (!result || result.findings.length === 0) return { status: 'passed' };
    const messages = result.findings.map((f) => f.message);
    if (result.level === 'warn') return { status: 'passed', warnings: messages.map((m) => `${rule}: ${m}`) };
    return { status: 'failed', problems: messages.map((message) => ({ kind: 'lint', message: `${rule}: ${message}` })) };
}
