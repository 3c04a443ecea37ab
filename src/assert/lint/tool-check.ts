/** Helpers the lint rules share: walking tools, naming them and describing values in messages. */
import type { ListedTool } from '../../connect/client.js';
import { describeType } from '../json-schema.js';
import type { LintFinding } from './types.js';

/** A JSON object (not null, not an array). */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** How messages name a tool: `tool "x"`, or something readable when the name is not a string. */
export function toolLabel(tool: ListedTool): string {
    const name = tool.raw.name;
    if (typeof name === 'string') return `tool ${JSON.stringify(name)}`;
    if (name === undefined) return 'a tool without a name';
    return `tool with name ${describeValue(name)}`;
}

/** A value's type and, for scalars, the value: `string "yes"`, `number 1`, `null`, `array`. */
export function describeValue(value: unknown): string {
    if (value === null || value === undefined) return String(value);
    if (typeof value === 'string') return `string ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)}`;
    if (typeof value === 'number' || typeof value === 'boolean') return `${typeof value} ${String(value)}`;
    return describeType(value);
}

/**
 * Runs a per-tool check and turns each message it returns into a finding that names the tool.
 * The check returns nothing, one message, or several.
 */
export function checkEachTool(
    rule: string,
    tools: readonly ListedTool[],
    check: (raw: Record<string, unknown>, tool: ListedTool) => string | readonly string[] | undefined,
): LintFinding[] {
    const findings: LintFinding[] = [];
    for (const tool of tools) {
        const result = check(tool.raw, tool);
        const messages = result === undefined ? [] : typeof result === 'string' ? [result] : result;
        for (const message of messages) findings.push(toolFinding(rule, tool, message));
    }
    return findings;
}

/** A finding about one tool; the message is prefixed with the tool's label. */
export function toolFinding(rule: string, tool: ListedTool, message: string): LintFinding {
    const finding: LintFinding = { rule, message: `${toolLabel(tool)}: ${message}` };
    if (typeof tool.raw.name === 'string') finding.tool = tool.raw.name;
    return finding;
}
