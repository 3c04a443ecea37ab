/** `mcp-check list` as text: one block per server, a section per listing it declares. */
import { visibleText } from '../../report/safe-text.js';
import { compactSchema } from './compact-schema.js';
import type { ListingKind, ServerInventory } from './inventory.js';

const DESCRIPTION_WIDTH = 100;

/** Renders one server's inventory; server-provided text is made safe for the terminal. */
export function formatInventory(inv: ServerInventory): string {
    const lines = [`${inv.name} (${inv.transport}: ${inv.target})`];
    const info = inv.info;
    if (!info) {
        lines.push(`  cannot connect: ${inv.connectError ?? 'not connected'}`);
        return safe(lines);
    }
    lines.push(`  server: ${info.name || '(no name)'} ${info.version || '(no version)'}, protocol ${info.protocolVersion || '(unknown)'}`);
    section(lines, inv, 'tools', 'tools', (tool) => {
        const hints = annotationsOf(tool);
        const output = tool.outputSchema !== undefined ? ` → ${compactSchema(tool.outputSchema)}` : '';
        return [`${String(tool.name)} ${compactSchema(tool.inputSchema)}${output}${hints}`, ...describe(tool.description)];
    });
    section(lines, inv, 'resources', 'resources', (r) => [`${String(r.uri)}${mime(r)}${named(r)}`, ...describe(r.description)]);
    section(lines, inv, 'resourceTemplates', 'resource templates', (t) => [`${String(t.uriTemplate)}${mime(t)}${named(t)}`, ...describe(t.description)]);
    section(lines, inv, 'prompts', 'prompts', (p) => [`${String(p.name)}(${promptArguments(p)})`, ...describe(p.description)]);
    return safe(lines);
}

function section(
    lines: string[],
    inv: ServerInventory,
    kind: ListingKind,
    title: string,
    render: (item: Record<string, unknown>) => string[],
): void {
    const error = inv.listErrors?.[kind];
    if (error !== undefined) {
        lines.push(`  ${title}: cannot list: ${error}`);
        return;
    }
    const items = inv[kind];
    // Not declared by the server: nothing to say.
    if (!items) return;
    lines.push(`  ${title} (${items.length})${items.length ? ':' : ''}`);
    for (const item of items) {
        const [first, ...rest] = render(item);
        lines.push(`    ${first}`, ...rest.map((l) => `        ${l}`));
    }
}

function annotationsOf(tool: Record<string, unknown>): string {
    const a = (typeof tool.annotations === 'object' && tool.annotations !== null ? tool.annotations : {}) as Record<string, unknown>;
    const hints = [a.readOnlyHint === true && 'read-only', a.destructiveHint === true && 'destructive', a.idempotentHint === true && 'idempotent']
        .filter((h): h is string => typeof h === 'string');
    return hints.length ? `  [${hints.join(', ')}]` : '';
}

function promptArguments(prompt: Record<string, unknown>): string {
    const args = Array.isArray(prompt.arguments) ? (prompt.arguments as Record<string, unknown>[]) : [];
    return args.map((a) => `${String(a.name)}${a.required === true ? '' : '?'}`).join(', ');
}

function mime(item: Record<string, unknown>): string {
    return typeof item.mimeType === 'string' ? `  ${item.mimeType}` : '';
}

function named(item: Record<string, unknown>): string {
    return typeof item.name === 'string' && item.name !== item.uri ? `  (${item.name})` : '';
}

/** The first line of a description, shortened: `list` is for scanning; `--json` has it all. */
function describe(description: unknown): string[] {
    if (typeof description !== 'string' || description.trim() === '') return [];
    const first = description.trim().split('\n')[0]!.trim();
    return [first.length > DESCRIPTION_WIDTH ? `${first.slice(0, DESCRIPTION_WIDTH - 1)}…` : first];
}

function safe(lines: string[]): string {
    return lines.map((l) => visibleText(l)).join('\n');
}
