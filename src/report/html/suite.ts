/**
 * A suite (spec file × server) and its checks as HTML, rendered on the server side so the
 * report reads without JavaScript. All text goes through the escaping `html` tag.
 */
import { formatLocation } from '../../errors.js';
import type { CaseResult, CaseStatus, Problem, SuiteResult } from '../../run/result.js';
import { countCases } from '../../run/result.js';
import { problemsOf } from '../describe.js';
import { Markup, formatDate, formatDuration, html, prettyJson } from './markup.js';

/** How each status is shown: a symbol so colour is never the only cue, and a word. */
export const STATUS_LOOK: Record<CaseStatus, { icon: string; label: string }> = {
    passed: { icon: '✓', label: 'passed' },
    failed: { icon: '✗', label: 'failed' },
    errored: { icon: '!', label: 'errored' },
    skipped: { icon: '–', label: 'skipped' },
};

/** Statuses in the order reports list them. */
export const STATUSES: readonly CaseStatus[] = ['passed', 'failed', 'errored', 'skipped'];

const OPEN = new Markup(' open');

/** A status pill: `✗ failed`. */
export function statusBadge(status: CaseStatus): Markup {
    const look = STATUS_LOOK[status];
    return html`<span class="badge s-${status}"><span class="icon" aria-hidden="true">${look.icon}</span>${look.label}</span>`;
}

/** One `<section>` per suite: its server, diagnostics, stderr tail and checks. */
export function renderSuite(suite: SuiteResult, suiteIndex: number): Markup {
    const totals = countCases(suite.cases);
    const troubled = totals.failed + totals.errored > 0;
    const tally = STATUSES.filter((s) => totals[s] > 0).map((s) => html`<span class="chip s-${s}">${totals[s]} ${STATUS_LOOK[s].label}</span>`);
    return html`<section class="suite${troubled ? ' troubled' : ''}" id="suite-${suiteIndex + 1}">
<header class="suite-head">
<div class="suite-title"><h2><span class="file">${suite.file}</span><span class="sep" aria-hidden="true"> › </span><span class="server">${suite.server}</span></h2>
${suite.name && suite.name !== suite.file ? html`<p class="suite-name">${suite.name}</p>` : ''}</div>
<div class="suite-tally">${tally}<span class="chip time">${formatDuration(suite.durationMs)}</span></div>
</header>
${renderServerMeta(suite)}
${renderDiagnostics(suite.diagnostics)}
${renderStderr(suite.stderr, totals.errored > 0)}
${suite.cases.length ? html`<ol class="cases">${suite.cases.map((c, i) => renderCase(c, `case-${suiteIndex + 1}-${i + 1}`))}</ol>` : html`<p class="empty">No checks planned for this server.</p>`}
</section>
`;
}

function renderServerMeta(suite: SuiteResult): Markup {
    const info = suite.serverInfo;
    const capabilities = info?.capabilities ? Object.keys(info.capabilities) : [];
    const rows: [string, Markup | string][] = [
        ['Transport', suite.transport],
        ['Target', html`<code>${suite.target}</code>`],
        ['Server', info ? `${info.name} ${info.version}` : 'not connected'],
        ...(info ? ([['Protocol', info.protocolVersion]] as [string, string][]) : []),
        ...(capabilities.length ? ([['Capabilities', capabilities.join(', ')]] as [string, string][]) : []),
        ['Started', formatDate(suite.startedAt) ?? '—'],
    ];
    return html`<dl class="meta">${rows.map(([k, v]) => html`<div><dt>${k}</dt><dd>${v}</dd></div>`)}</dl>`;
}

function renderDiagnostics(diagnostics: readonly string[]): Markup | string {
    if (!diagnostics.length) return '';
    return html`<div class="diagnostics"><h3>Diagnostics</h3><ul>${diagnostics.map((d) => html`<li>${d}</li>`)}</ul></div>`;
}

/** The stderr tail, folded away unless a check errored (then it is usually the explanation). */
function renderStderr(stderr: string | undefined, open: boolean): Markup | string {
    if (!stderr || stderr.trim() === '') return '';
    const lines = stderr.replace(/\n$/, '').split('\n').length;
    return html`<details class="stderr"${open ? OPEN : ''}><summary>Server stderr <span class="muted">(last ${lines} ${lines === 1 ? 'line' : 'lines'})</span></summary><pre>${stderr}</pre></details>`;
}

/** One check: a summary row, and its problems, warnings or notes folded under it. */
export function renderCase(result: CaseResult, id: string): Markup {
    const attempts = result.attempts ? `, ${result.attempts} attempts` : '';
    const sub = result.status === 'skipped' ? html`<span class="case-sub">skipped: ${result.reason}</span>` : html`<span class="case-sub">${result.classname}</span>`;
    const row = html`${statusBadge(result.status)}<span class="case-title"><span class="case-name">${result.name}</span>${sub}</span><code class="case-loc">${formatLocation(result.loc)}</code><span class="case-time">${formatDuration(result.durationMs)}${attempts}</span>`;
    const body = caseBody(result);
    const open = result.status === 'failed' || result.status === 'errored';
    const inner = body
        ? html`<details class="case-details"${open ? OPEN : ''}><summary class="case-row">${row}</summary><div class="case-body">${body}</div></details>`
        : html`<div class="case-row">${row}</div>`;
    return html`<li class="case s-${result.status}" data-status="${result.status}" id="${id}">${inner}</li>`;
}

function caseBody(result: CaseResult): Markup | undefined {
    if (result.status === 'failed' || result.status === 'errored') {
        return html`${problemsOf(result).map((p) => renderProblem(p, result))}`;
    }
    if (result.status === 'passed') {
        const warnings = result.warnings ?? [];
        const notes = result.notes ?? [];
        if (!warnings.length && !notes.length) return undefined;
        return html`<ul class="notes">${warnings.map((w) => html`<li class="warning"><strong>warning</strong> ${w}</li>`)}${notes.map((n) => html`<li>${n}</li>`)}</ul>`;
    }
    return undefined;
}

/** What `actual` holds depends on the problem: the arguments that were not sent, the response, the error data. */
function actualLabel(problem: Problem): string {
    switch (problem.kind) {
        case 'args.invalid':
            return 'Arguments (not sent)';
        case 'assert.rejects':
            return 'Response';
        case 'call.rpcError':
            return 'Error data';
        default:
            return 'Actual';
    }
}

function renderProblem(problem: Problem, result: CaseResult): Markup {
    const values = [
        'expected' in problem ? renderValue('Expected', 'expected', problem.expected) : '',
        'actual' in problem ? renderValue(actualLabel(problem), 'actual', problem.actual) : '',
    ];
    const details = problem.details ?? [];
    return html`<div class="problem">
<div class="problem-head"><span class="kind">${problem.kind}</span><code class="loc">${formatLocation(problem.loc ?? result.loc)}</code></div>
<pre class="message">${problem.message}</pre>
${values.some((v) => v !== '') ? html`<div class="values">${values}</div>` : ''}
${details.length ? html`<ul class="details">${details.map((d) => html`<li>${d}</li>`)}</ul>` : ''}
</div>`;
}

function renderValue(label: string, role: 'expected' | 'actual', value: unknown): Markup {
    const body = value === undefined ? html`<pre class="nothing">(nothing)</pre>` : html`<pre>${prettyJson(value)}</pre>`;
    return html`<figure class="value ${role}"><figcaption>${label}</figcaption>${body}</figure>`;
}
