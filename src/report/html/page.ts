/**
 * The page around the suites: the run's header with its totals, the status filters and the
 * document shell with inline CSS and JS (nothing is loaded from anywhere, so it opens offline).
 */
import { createHash } from 'node:crypto';
import type { RunResult, Totals } from '../../run/result.js';
import { Markup, formatDate, formatDuration, html, isoDate } from './markup.js';
import { MATRIX_STYLES } from './matrix.js';
import { FILTER_SCRIPT } from './script.js';
import { STATUS_LOOK, STATUSES } from './suite.js';
import { STYLES } from './style.js';

/** The run's verdict, as the header shows it. */
export function verdictOf(result: RunResult): { key: 'passed' | 'failed' | 'interrupted' | 'empty'; label: string } {
    if (result.interrupted) return { key: 'interrupted', label: `Interrupted (${result.interrupted})` };
    if (result.totals.failed + result.totals.errored > 0) return { key: 'failed', label: 'Failed' };
    if (result.totals.tests === 0) return { key: 'empty', label: 'No checks' };
    return { key: 'passed', label: 'Passed' };
}

/** The header: verdict, date, duration and a tile per status. */
export function renderRunHeader(result: RunResult, version: string): Markup {
    const t = result.totals;
    const verdict = verdictOf(result);
    const started = formatDate(result.startedAt);
    const suites = result.suites.length;
    return html`<header class="run">
<div class="run-title"><h1>mcp-check report</h1><span class="verdict v-${verdict.key}">${verdict.label}</span></div>
<p class="run-meta">${started ? html`<time datetime="${isoDate(result.startedAt)}">${started}</time> · ` : ''}<span id="run-duration">${formatDuration(result.durationMs)}</span> · ${suites} ${suites === 1 ? 'suite' : 'suites'} · mcp-check ${version}</p>
${result.interrupted ? html`<p class="banner">Interrupted by ${result.interrupted}: checks that had not run are reported as skipped.</p>` : ''}
<div class="tiles">
<div class="tile total"><span class="n" id="count-tests">${t.tests}</span><span class="l">tests</span></div>
${STATUSES.map((s) => html`<div class="tile s-${s}${t[s] ? '' : ' zero'}"><span class="n" id="count-${s}">${t[s]}</span><span class="l">${STATUS_LOOK[s].label}</span></div>`)}
</div>
${renderBar(t)}
</header>`;
}

/** A stacked bar of the statuses' shares (an SVG, so it needs no inline styles). */
function renderBar(t: Totals): Markup | string {
    if (t.tests === 0) return '';
    let x = 0;
    const parts = STATUSES.filter((s) => t[s] > 0).map((s) => {
        const width = (t[s] / t.tests) * 100;
        const rect = html`<rect class="s-${s}" x="${x.toFixed(3)}" y="0" width="${width.toFixed(3)}" height="1"><title>${t[s]} ${STATUS_LOOK[s].label}</title></rect>`;
        x += width;
        return rect;
    });
    return html`<svg class="bar" viewBox="0 0 100 1" preserveAspectRatio="none" role="img" aria-label="share of checks by status">${parts}</svg>`;
}

/** The filter bar; hidden until the script runs, since without JavaScript it could not work. */
export function renderFilters(t: Totals): Markup {
    return html`<nav class="filters" id="filters" hidden aria-label="Filter checks">
<span class="filters-label">Show</span>
${STATUSES.map((s) => html`<label class="filter s-${s}"><input type="checkbox" data-status="${s}" checked> ${STATUS_LOOK[s].label} <span class="count">${t[s]}</span></label>`)}
<span class="filters-actions"><button type="button" data-action="problems">Problems only</button><button type="button" data-action="all">All</button><button type="button" data-action="expand">Expand all</button><button type="button" data-action="collapse">Collapse all</button></span>
<span class="shown" id="shown-count" aria-live="polite"></span>
</nav>`;
}

/**
 * The whole document: a strict Content-Security-Policy allows only this page's own style and
 * script. `styles` adds the rules of optional sections.
 */
export function renderDocument(parts: { title: string; body: Markup; styles?: string }): string {
    // The script is allowed by its hash: any script that got in some other way would not run.
    const scriptHash = createHash('sha256').update(FILTER_SCRIPT).digest('base64');
    const csp = `default-src 'none'; style-src 'unsafe-inline'; script-src 'sha256-${scriptHash}'; img-src data:; base-uri 'none'; form-action 'none'`;
    return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="mcp-check">
<title>${parts.title}</title>
<link rel="icon" href="data:,">
<style>${new Markup(STYLES + MATRIX_STYLES + (parts.styles ?? ''))}</style>
</head>
<body>
${parts.body}
<script>${new Markup(FILTER_SCRIPT)}</script>
</body>
</html>
`.html;
}
