/**
 * The Markdown rendering of a diff, for a pull-request comment. Everything that came from a
 * server is escaped: a poisoned description must show as text, never as markup or a link.
 */
import { visibleText } from '../report/safe-text.js';
import { pairLabel, type DiffReport, type ServerDiffReport } from './report.js';
import type { Change, ChangeLevel } from './types.js';

const HEADINGS: Record<ChangeLevel, string> = {
    breaking: '💥 Breaking changes',
    'non-breaking': '✅ Non-breaking changes',
    info: 'ℹ️ Info: descriptions and annotations',
};
const SHOWN_TEXT = 500;

/** Renders the report as GitHub-flavoured Markdown. */
export function renderMarkdown(report: DiffReport): string {
    const { breaking, nonBreaking, info } = report.counts;
    const verdict = report.failed ? `❌ fails \`--fail-on ${report.failOn}\`` : '✅ passes';
    const lines = [
        `## MCP surface diff: ${code(report.old)} → ${code(report.new)}`,
        '',
        `**${breaking} breaking**, ${nonBreaking} non-breaking, ${info} info: ${verdict}${report.servers.some((s) => s.semver && !s.semver.ok) ? ' (semver)' : ''}`,
    ];
    for (const server of report.servers) lines.push('', ...serverSection(server));
    return `${lines.join('\n')}\n`;
}

function serverSection(server: ServerDiffReport): string[] {
    const out = [`### ${text(pairLabel(server))}`];
    if (server.semver) out.push('', `**Semver:** ${server.semver.ok ? '✅' : '❌'} ${text(server.semver.message)}`);
    if (server.changes.length === 0) out.push('', 'No changes.');
    for (const level of ['breaking', 'non-breaking', 'info'] as const) {
        const changes = server.changes.filter((c) => c.level === level);
        if (changes.length === 0) continue;
        out.push('', `#### ${HEADINGS[level]} (${changes.length})`, '');
        if (level === 'info') {
            out.push('> Review these: silent description and annotation changes are how tool poisoning ships.', '');
            out.push('| Pointer | Change | Before | After |', '|---|---|---|---|');
            for (const c of changes) out.push(`| ${code(c.pointer || '/')} | ${text(c.reason)} | ${value(c.before)} | ${value(c.after)} |`);
        } else {
            out.push('| Pointer | Change |', '|---|---|');
            for (const c of changes) out.push(`| ${code(c.pointer || '/')} | ${text(c.reason)} |`);
        }
    }
    return out;
}

/** A value shown in a table cell: strings as escaped text, anything else as compact JSON. */
function value(v: Change['before']): string {
    if (v === undefined) return '';
    const raw = typeof v === 'string' ? v : JSON.stringify(v);
    return text(raw.length > SHOWN_TEXT ? `${raw.slice(0, SHOWN_TEXT - 1)}…` : raw);
}

/** Plain text safe in a table cell: no HTML, no Markdown syntax, no line breaks that end the row. */
export function text(s: string): string {
    return visibleText(s)
        .replace(/[&<>]/g, (ch) => (ch === '&' ? '&amp;' : ch === '<' ? '&lt;' : '&gt;'))
        // Only what is special inside a table cell: emphasis, code, links, strikethrough and the cell separator.
        .replace(/[\\`*_[\]|~]/g, '\\$&')
        .replace(/\r?\n/g, '<br>');
}

/** A code span that survives backticks and pipes in the content (GFM allows `\|` inside table code spans). */
export function code(s: string): string {
    const flat = visibleText(s).replace(/\r?\n/g, ' ').replaceAll('|', '\\|');
    const longest = Math.max(0, ...[...flat.matchAll(/`+/g)].map((m) => m[0].length));
    const fence = '`'.repeat(longest + 1);
    const pad = flat.startsWith('`') || flat.endsWith('`') ? ' ' : '';
    return `${fence}${pad}${flat}${pad}${fence}`;
}
