/** The shapes shared by the tool lint rules and their registry. */
import type { ListedTool } from '../../connect/client.js';
import type { BlastRadius, ClientId } from './portability/clients.js';

/** One problem a rule found, usually about one tool. */
export interface LintFinding {
    /** The rule's id. */
    rule: string;
    /** The tool's name, when the finding is about one tool that has a string name. */
    tool?: string;
    /** Names the tool, e.g. `tool "bad name!": name must be 1–128 characters of A-Z a-z 0-9 _ . -`. */
    message: string;
    /** Portability findings: what is wrong, without the tool and the clients (`type is a list ["string","null"]`). */
    problem?: string;
    /** Portability findings: the JSON pointer in the tool (`/inputSchema/properties/a/type`), `` for the whole list. */
    pointer?: string;
    /** Portability findings: the named clients it breaks, and how badly (none for a budget). */
    clients?: { client: ClientId; blast: BlastRadius }[];
    /** Portability findings: how to fix it, in one line. */
    fix?: string;
    /** Portability findings: the issue threads and documentation the rule was written from. */
    sources?: string[];
    /** Portability findings: when the rule was last checked against its sources (`YYYY-MM-DD`). */
    verified?: string;
    /** Portability findings: where the rule is explained, e.g. `docs/portability.md#type-array`. */
    docs?: string;
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
