/**
 * The console rendering of a diff: breaking, non-breaking and info changes in separate
 * blocks, each sorted by pointer; info changes show the old and new text, because a quietly
 * reworded description is exactly what a reviewer should read.
 */
import pc from 'picocolors';
import { visibleText } from '../report/safe-text.js';
import { pairLabel, type DiffReport, type ServerDiffReport } from './report.js';
import type { Change, ChangeLevel } from './types.js';

type Colors = ReturnType<typeof pc.createColors>;

const TITLES: Record<ChangeLevel, string> = { breaking: 'Breaking changes', 'non-breaking': 'Non-breaking changes', info: 'Info' };
const INFO_NOTE = 'descriptions and annotations; review them, silent description changes are how tool poisoning ships';
const MARKS: Record<ChangeLevel, string> = { breaking: '✗', 'non-breaking': '+', info: '•' };
const SHOWN_TEXT = 300;

/** Renders the report for a terminal; `color` turns ANSI colours on. */
export function renderConsole(report: DiffReport, color = false): string {
    const c = pc.createColors(color);
    const lines: string[] = [c.bold(`mcp-check diff: ${visibleText(report.old)} → ${visibleText(report.new)}`)];
    for (const server of report.servers) lines.push('', ...serverLines(server, c));
    const { breaking, nonBreaking, info } = report.counts;
    const verdict = report.failed ? c.red(`fails (--fail-on ${report.failOn}${report.servers.some((s) => s.semver && !s.semver.ok) ? ', --semver' : ''})`) : c.green('passes');
    lines.push('', `${breaking} breaking, ${nonBreaking} non-breaking, ${info} info: ${verdict}`);
    return `${lines.join('\n')}\n`;
}

function serverLines(server: ServerDiffReport, c: Colors): string[] {
    const out = [c.bold(visibleText(pairLabel(server)))];
    if (server.changes.length === 0) out.push('  no changes');
    for (const level of ['breaking', 'non-breaking', 'info'] as const) {
        const changes = server.changes.filter((ch) => ch.level === level);
        if (changes.length === 0) continue;
        const paint = level === 'breaking' ? c.red : level === 'non-breaking' ? c.green : c.yellow;
        out.push(paint(`  ${TITLES[level]} (${changes.length})${level === 'info' ? `: ${INFO_NOTE}` : ''}`));
        for (const change of changes) out.push(...changeLines(change, paint));
    }
    if (server.semver) {
        const mark = server.semver.ok ? c.green('✓') : c.red('✗');
        out.push(`  Semver ${mark} ${visibleText(server.semver.message)}`);
    }
    return out;
}

function changeLines(change: Change, paint: (s: string) => string): string[] {
    const out = [`    ${paint(MARKS[change.level])} ${visibleText(change.pointer || '/')}: ${visibleText(change.reason)}`];
    if (typeof change.before === 'string') out.push(`        - ${shown(change.before)}`);
    if (typeof change.after === 'string') out.push(`        + ${shown(change.after)}`);
    return out;
}

/** One line of at most SHOWN_TEXT characters, newlines visible. */
function shown(text: string): string {
    const flat = visibleText(text).replaceAll('\n', '⏎');
    return flat.length > SHOWN_TEXT ? `${flat.slice(0, SHOWN_TEXT - 1)}…` : flat;
}
