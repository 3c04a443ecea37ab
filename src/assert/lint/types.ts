/** The shapes shared by the tool lint rules and their registry. */
import type { ListedTool } from '../../connect/client.js';

/** One problem a rule found, usually about one tool. */
export interface LintFinding {
    /** The rule's id. */
    rule: string;
    /** The tool's name, when the finding is about one tool that has a string name. */
    tool?: string;
    /** Names the tool, e.g. `tool "bad name!": name must be 1–128 characters of A-Z a-z 0-9 _ . -`. */
    message: string;
}

/** A lint rule: a pure check over the raw `tools/list` entries. */
export interface LintRule {
    /** Stable id, used in `lint.rules` of a spec and in case names (`lint: <id>`). */
    id: string;
    /** Level when the spec does not configure the rule. */
    defaultLevel: 'error' | 'warn';
    /** One line on what the rule demands. */
    description: string;
    check(tools: readonly ListedTool[]): LintFinding[];
}

/** One rule's outcome for one server: passed when `findings` is empty. */
export interface LintResult {
    rule: string;
    /** The configured level, else the rule's default; rules that are `off` give no result. */
    level: 'error' | 'warn';
    findings: LintFinding[];
}

/**
 * What `lintTools` returns: one result per rule that is not `off`, in `LINT_RULES` order
 * (none when lint is disabled), plus the config's rule ids that name no rule.
 */
export type LintResults = LintResult[] & {
    /** Ids in the config's `rules` that name no rule, in the order they were written. */
    unknownRules: string[];
};
