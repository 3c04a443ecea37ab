/**
 * The probe's console output: per server, one line per probed tool (runs, valid calls
 * accepted, invalid variants rejected), each failure with its smallest counterexample and
 * the command that replays it, then the tools left alone.
 */
import pc from 'picocolors';
import { visibleText } from '../report/safe-text.js';
import type { ProbeCheck, ProbeReport, ToolProbe } from './types.js';

export interface FormatOptions {
    color: boolean;
    /** The command line that replays one tool, e.g. `mcp-check probe spec.yaml --tool ratio --seed 42`. */
    replay: (tool: string) => string;
    /** Applied to every line (secrets → `***`). */
    redact?: (text: string) => string;
}

/** The lines that report one server's probe. */
export function formatProbeReport(report: ProbeReport, options: FormatOptions): string[] {
    const c = pc.createColors(options.color);
    const lines: string[] = [];
    for (const tool of report.tools) {
        const mark = tool.status === 'passed' ? c.green('✓') : tool.status === 'failed' ? c.red('✗') : c.yellow('!');
        lines.push(`  ${mark} ${tool.tool}  ${summary(tool)} ${c.dim(`(${tool.durationMs} ms)`)}`);
        if (tool.reason) lines.push(`      ${c.yellow(tool.reason)}`);
        for (const check of tool.checks) lines.push(...checkLines(check, tool.tool, options, c));
    }
    for (const skipped of report.skipped) lines.push(`  ${c.dim('-')} ${skipped.tool}  ${c.dim(`skipped: ${skipped.reason}`)}`);
    for (const name of report.notListed) lines.push(`  ${c.yellow('!')} ${name}  ${c.yellow('not listed by the server')}`);
    if (report.tools.length === 0) lines.push(`  ${c.dim('no tool to probe')}`);
    const redact = options.redact ?? ((text: string) => text);
    return lines.map((line) => visibleText(redact(line)));
}

/** `50 valid runs ok · 2/2 invalid variants rejected`. */
function summary(tool: ToolProbe): string {
    const valid = tool.checks.find((c) => c.kind === 'valid');
    const variants = tool.checks.filter((c) => c.kind !== 'valid' && c.status !== 'skipped');
    const parts: string[] = [];
    if (valid) {
        parts.push(
            valid.status === 'passed'
                ? `${valid.runs} valid runs ok`
                : valid.status === 'failed'
                  ? `valid arguments failed after ${valid.runs} run${valid.runs === 1 ? '' : 's'}`
                  : 'valid arguments not checked',
        );
    }
    if (valid && tool.checks.length === 1) parts.push('no invalid variants');
    else if (variants.length > 0) parts.push(`${variants.filter((c) => c.status === 'passed').length}/${variants.length} invalid variants rejected`);
    return parts.join(' · ');
}

function checkLines(check: ProbeCheck, tool: string, options: FormatOptions, c: ReturnType<typeof pc.createColors>): string[] {
    if (check.status === 'errored') return [`      ${c.yellow(`${check.name}: ${check.reason ?? 'could not run'}`)}`];
    if (check.status === 'skipped') return [`      ${c.dim(`${check.name}: skipped: ${check.reason ?? ''}`)}`];
    const failure = check.failure;
    if (check.status !== 'failed' || !failure) return [];
    const lines = [`      ${c.red(`${check.name}: ${failure.message}`)}`];
    for (const detail of failure.details ?? []) lines.push(`        - ${detail}`);
    lines.push(`        smallest failing arguments: ${JSON.stringify(failure.counterexample)}${failure.shrinks ? c.dim(` (after ${failure.shrinks} shrink${failure.shrinks === 1 ? '' : 's'})`) : ''}`);
    if (failure.actual !== undefined) lines.push(`        answer: ${bounded(JSON.stringify(failure.actual) ?? String(failure.actual))}`);
    lines.push(`        replay: ${options.replay(tool)}`);
    return lines;
}

function bounded(text: string): string {
    return text.length > 300 ? `${text.slice(0, 300)}…` : text;
}
