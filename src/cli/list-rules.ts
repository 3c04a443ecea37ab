/** `--list-rules`: every lint and protocol rule, its default level, and (protocol) where the specification states it. */
import { LINT_RULES } from '../assert/lint/index.js';
import type { Era } from '../connect/protocol.js';
import { PROTOCOL_CATALOG, sectionUrl, type ProtocolRuleInfo } from '../protocol/catalog.js';

const ERA_NAMES: Record<Era, string> = { legacy: '2025', modern: '2026-07-28' };
const TRANSPORT_NAMES: Record<string, string> = { stdio: 'stdio', streamable_http: 'Streamable HTTP' };

/** The rule list as text, one rule per line (protocol rules with their specification sections below). */
export function formatRules(): string {
    const width = Math.max(...[...LINT_RULES, ...PROTOCOL_CATALOG].map((rule) => rule.id.length));
    const row = (id: string, level: string, text: string) => `  ${id.padEnd(width)}  ${level.padEnd(5)}  ${text}`;
    const lines = [
        'Lint rules (lint: on a test entry; over the tools a server lists):',
        ...LINT_RULES.map((rule) => row(rule.id, rule.defaultLevel, rule.description)),
        '',
        'Protocol rules (on by default in specs, protocol: on a test entry to set them; mcp-check check-protocol; each checked where it applies):',
        ...PROTOCOL_CATALOG.flatMap((rule) => [
            row(rule.id, rule.defaultLevel, `${rule.description} [${scope(rule)}]`),
            ...rule.eras.map((era) => `  ${' '.repeat(width + 9)}${sectionUrl(rule, era)}`),
        ]),
        '',
        'Levels: error fails the check, warn reports without failing, off turns a rule off.',
    ];
    return `${lines.join('\n')}\n`;
}

/** `2025 and 2026-07-28, stdio` */
function scope(rule: ProtocolRuleInfo): string {
    const eras = rule.eras.map((era) => ERA_NAMES[era]).join(' and ');
    const since = rule.since ? ` (from ${rule.since})` : '';
    const transports = rule.transports ? `, ${rule.transports.map((t) => TRANSPORT_NAMES[t]).join(' and ')}` : '';
    return `${eras}${since}${transports}`;
}
