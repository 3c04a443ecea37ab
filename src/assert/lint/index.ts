/**
 * Automatic lint of every listed tool. Rules work on the raw `tools/list` entries
 * (`ListedTool.raw`), because the SDK's own `listTools()` rejects exactly the sloppy lists
 * lint exists to report. Everything here is pure: no I/O, no server.
 */
import type { ListedTool } from '../../connect/client.js';
import type { LintConfig } from '../../load/types.js';
import { annotationsBoolean } from './annotations-boolean.js';
import { inputSchemaCompiles } from './input-schema-compiles.js';
import { inputSchemaObject } from './input-schema-object.js';
import { portabilityRuleInfo } from './portability/catalog.js';
import { lintPortability } from './portability/index.js';
import { outputSchemaValid } from './output-schema-valid.js';
import { requiredDeclared } from './required-declared.js';
import { toolDescription } from './tool-description.js';
import { toolName } from './tool-name.js';
import type { LintResult, LintResults, LintRule } from './types.js';
import { uniqueToolNames } from './unique-tool-names.js';

export type { LintFinding, LintResult, LintResults, LintRule } from './types.js';

/** Every rule, in the order results are reported. Ids are stable: specs name them. */
export const LINT_RULES: readonly LintRule[] = Object.freeze([
    inputSchemaCompiles,
    inputSchemaObject,
    outputSchemaValid,
    toolName,
    uniqueToolNames,
    toolDescription,
    requiredDeclared,
    annotationsBoolean,
]);

/** The rule with this id, if there is one. */
export function findLintRule(id: string): LintRule | undefined {
    return LINT_RULES.find((rule) => rule.id === id);
}

/** The ids in a lint config's `rules` that name no rule (nor portability rule), in the order they were written. */
export function unknownLintRules(rules: LintConfig['rules']): string[] {
    return Object.keys(rules).filter((id) => !findLintRule(id) && !portabilityRuleInfo(id));
}

/**
 * Runs every rule that is not `off` over a server's listed tools and returns one result per
 * rule, in `LINT_RULES` order, then the portability rules that the config's clients and
 * budgets call for (`server` is the server's name in the spec, which some clients put in front
 * of tool names). A rule's configured level overrides its default; with `enabled: false` no
 * rule runs. Config ids that name no rule do not throw: they come back in the result's
 * `unknownRules` field (whether or not lint is enabled).
 */
export function lintTools(
    tools: readonly ListedTool[],
    config: Pick<LintConfig, 'enabled' | 'rules'> & Partial<Pick<LintConfig, 'clients' | 'budget'>>,
    server = '',
): LintResults {
    const results: LintResult[] = [];
    if (config.enabled) {
        for (const rule of LINT_RULES) {
            const level = Object.hasOwn(config.rules, rule.id) ? config.rules[rule.id]! : rule.defaultLevel;
            if (level === 'off') continue;
            results.push({ rule: rule.id, level, findings: rule.check(tools) });
        }
        results.push(...lintPortability(tools, { rules: config.rules, clients: config.clients ?? [], budget: config.budget ?? {} }, server));
    }
    return Object.assign(results, { unknownRules: unknownLintRules(config.rules) });
}
