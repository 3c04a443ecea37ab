/**
 * `list --clients`: the portability findings and the tool × client matrix of each listed
 * server, and `list --list-rules`: every lint rule with its targets, blast radii, fix and sources.
 */
import { LINT_CATALOG } from '../../assert/lint/catalog.js';
import { findLintRule } from '../../assert/lint/index.js';
import { CLIENT_DESCRIPTIONS, CLIENT_IDS, type ClientId } from '../../assert/lint/portability/clients.js';
import { PORTABILITY_CATALOG, PORTABILITY_DOCS, portabilityLevel, targetsOf } from '../../assert/lint/portability/catalog.js';
import { lintPortability, portabilityMatrix, type PortabilityMatrix } from '../../assert/lint/portability/index.js';
import type { LintFinding } from '../../assert/lint/types.js';
import { portabilityLines } from '../../report/console-portability.js';
import { visibleText } from '../../report/safe-text.js';
import type { ServerInventory } from './inventory.js';

/** One server's portability: its findings (every rule, at its default level) and the matrix. */
export interface ServerPortability {
    findings: LintFinding[];
    matrix: PortabilityMatrix;
}

/** Checks a server's listed tools against the clients. */
export function inventoryPortability(inv: ServerInventory, clients: readonly ClientId[]): ServerPortability | undefined {
    if (!inv.tools) return undefined;
    const tools = inv.tools.map((raw) => ({ name: typeof raw.name === 'string' ? raw.name : '', raw }));
    const findings = lintPortability(tools, { rules: {}, clients: [...clients], budget: {} }, inv.name).flatMap((r) => r.findings);
    return { findings, matrix: portabilityMatrix(tools, clients, findings) };
}

/** The text `list --clients` adds under a server: each finding on a line, then the matrix. */
export function formatPortability(name: string, portability: ServerPortability): string {
    const lines = [`  portability (${portability.findings.length} ${portability.findings.length === 1 ? 'finding' : 'findings'}):`];
    for (const f of portability.findings) lines.push(`    ${f.rule}: ${f.message}`, `        fix: ${f.fix}`, `        see ${f.docs}`);
    lines.push(...portabilityLines(name, portability.matrix, (t) => t).map((l) => `  ${l}`));
    return lines.map((l) => visibleText(l)).join('\n');
}

/** `--list-rules`: every rule (general ones first), limited to the clients' rules when some are given. */
export function formatRules(clients: readonly ClientId[] | undefined): string {
    const lines: string[] = [];
    if (!clients) {
        lines.push('General lint rules (always on):');
        for (const { id, defaultLevel } of LINT_CATALOG) lines.push(`  ${id} [${defaultLevel}]: ${findLintRule(id)?.description ?? ''}`);
        lines.push('');
    }
    const wanted: readonly ClientId[] = clients ?? CLIENT_IDS;
    lines.push(`Portability rules and budgets (with lint.clients or --clients; explained in ${PORTABILITY_DOCS}):`);
    for (const rule of PORTABILITY_CATALOG) {
        const targets = targetsOf(rule).filter((c) => wanted.includes(c));
        if (clients && rule.kind === 'client' && targets.length === 0) continue;
        lines.push(`  ${rule.id} [${portabilityLevel(rule, targets)}${rule.kind === 'budget' ? ', budget' : ''}]: ${rule.summary}`);
        if (targets.length) lines.push(`    breaks: ${targets.map((c) => `${c} (${rule.targets[c]})`).join(', ')}`);
        lines.push(`    fix: ${rule.fix}`);
        lines.push(`    sources (verified ${rule.verified}):`, ...rule.sources.map((s) => `      ${s.url}${s.client ? ` [${s.client}]` : ''} — ${s.shows}`));
        if (rule.thin) lines.push(`    thin evidence: ${rule.thin}`);
    }
    lines.push('', 'Clients:', ...Object.entries(CLIENT_DESCRIPTIONS).map(([id, what]) => `  ${id}: ${what}`));
    return `${lines.join('\n')}\n`;
}
