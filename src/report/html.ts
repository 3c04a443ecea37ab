/**
 * A self-contained HTML report (`--reporter html:<file>`): one file with inline CSS and a
 * small inline script, which opens offline and can be kept as a CI artifact.
 *
 *   header   verdict, date, duration, a tile per status, a stacked bar
 *   filters  a checkbox per status, "Problems only", expand/collapse (shown only with JavaScript)
 *   suites   a section per spec file × server: transport, target, server name/version/protocol,
 *            diagnostics, stderr tail, then a row per check; failures and errors unfold into
 *            each problem's message, location, expected vs actual (indented JSON) and details
 *   portability "Portability": per suite that names clients, tool × client with blast radii, and
 *            every finding with its fix and linked sources (`html/portability.ts`)
 *   matrices "Consistency across servers": per test run against several servers, check × server,
 *            disagreements marked and the answers side by side (`html/matrix.ts`)
 *
 * Everything is rendered here, with escaping, so the page reads without JavaScript; the
 * script only toggles `hidden` and `open`. Results come redacted and bounded (`prepare.ts`).
 */
import type { RunResult } from '../run/result.js';
import { VERSION } from '../version.js';
import { html } from './html/markup.js';
import { renderMatrices } from './html/matrix.js';
import { PORTABILITY_STYLES, renderPortability } from './html/portability.js';
import { renderDocument, renderFilters, renderRunHeader, verdictOf } from './html/page.js';
import { renderSuite } from './html/suite.js';
import { FileReporter, type FileReporterOptions } from './file-reporter.js';

export type HtmlReporterOptions = FileReporterOptions;

/** Writes the HTML report when the run ends. */
export class HtmlReporter extends FileReporter {
    constructor(options: HtmlReporterOptions) {
        super(options, (result) => renderHtml(result));
    }
}

/** Renders the whole run as one self-contained HTML document. */
export function renderHtml(result: RunResult, version: string = VERSION): string {
    const t = result.totals;
    const problems = t.failed + t.errored;
    const summary = problems ? `${t.failed} failed, ${t.errored} errored of ${t.tests}` : `${t.passed} of ${t.tests} passed`;
    const body = html`${renderRunHeader(result, version)}
${renderFilters(t)}
<main>
${result.suites.length ? result.suites.map((suite, i) => renderSuite(suite, i)) : html`<p class="no-match">No checks were run.</p>`}
<p class="no-match" id="no-match" hidden>No checks match the filters.</p>
${renderPortability(result.suites)}
${renderMatrices(result.matrices)}
</main>
<footer>mcp-check ${version} · ${verdictOf(result).label.toLowerCase()} · self-contained report, no network access needed</footer>`;
    return renderDocument({ title: `mcp-check: ${summary}`, body, ...(result.suites.some((s) => s.portability) ? { styles: PORTABILITY_STYLES } : {}) });
}
