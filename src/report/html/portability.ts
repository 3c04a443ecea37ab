/**
 * The portability matrices as HTML: per suite that names clients, a table of tool × client,
 * ✓ where the tool loads and ✗ with the blast radius where it does not; a cell's title names
 * the rules that break it, and each finding below the table links its rule's sources.
 */
import type { LintFinding } from '../../assert/lint/types.js';
import type { SuiteResult } from '../../run/result.js';
import { Markup, html } from './markup.js';

type PortableSuite = SuiteResult & { portability: NonNullable<SuiteResult['portability']> };

/** The section "Portability", or nothing when no suite names clients. */
export function renderPortability(suites: readonly SuiteResult[]): Markup | string {
    const portable = suites.filter((s): s is PortableSuite => s.portability !== undefined);
    if (!portable.length) return '';
    return html`<section class="matrices portability" id="portability" aria-labelledby="portability-title">
<h2 id="portability-title">Portability</h2>
<p class="muted">Will the tools load in each client? ✓ loads; ✗ breaks, with how much: the tool is dropped, the whole server is dropped, or every request fails.</p>
${portable.map((suite, i) => renderSuiteMatrix(suite, i))}
</section>
`;
}

function renderSuiteMatrix(suite: PortableSuite, index: number): Markup {
    const { clients, rows } = suite.portability;
    const findings = suite.cases.flatMap((c) => ('findings' in c && c.findings ? c.findings : []));
    const broken = rows.filter((r) => Object.keys(r.cells).length > 0).length;
    const verdict = broken
        ? html`<span class="chip s-failed">${broken} of ${rows.length} ${rows.length === 1 ? 'row breaks' : 'rows break'} a client</span>`
        : html`<span class="chip s-passed">every tool loads everywhere</span>`;
    return html`<div class="matrix" id="portability-${index + 1}">
<div class="matrix-head"><h3><span class="file">${suite.file}</span> <span class="muted">›</span> ${suite.server}</h3>${verdict}</div>
<div class="matrix-scroll"><table class="matrix-table">
<thead><tr><th scope="col">Tool</th>${clients.map((c) => html`<th scope="col">${c}</th>`)}</tr></thead>
<tbody>
${rows.map((row) => {
    const cells = clients.map((client) => {
        const blast = row.cells[client];
        if (!blast) return html`<td class="cell s-passed"><span class="mark" aria-hidden="true">✓</span> loads</td>`;
        const rules = [...new Set(findings.filter((f) => (f.tool ?? '(tool list)') === row.tool && f.clients?.some((b) => b.client === client)).map((f) => f.rule))];
        return html`<td class="cell s-failed" title="${rules.join(', ')}"><span class="mark" aria-hidden="true">✗</span> ${blast}</td>`;
    });
    return html`<tr class="matrix-row${Object.keys(row.cells).length ? ' inconsistent' : ''}"><th scope="row"><span class="check-name">${row.tool}</span></th>${cells}</tr>
`;
})}</tbody>
</table></div>
${findings.length ? html`<details class="answers"><summary>${findings.length} ${findings.length === 1 ? 'finding' : 'findings'} with fixes and sources</summary><ul class="portability-findings">${findings.map(renderFinding)}</ul></details>` : ''}
</div>
`;
}

function renderFinding(finding: LintFinding): Markup {
    const sources = (finding.sources ?? []).filter((url) => /^https:\/\//.test(url));
    return html`<li><code>${finding.rule}</code> ${finding.message}<br><span class="muted">fix:</span> ${finding.fix ?? ''}<br><span class="muted">sources (verified ${finding.verified ?? '?'}):</span> ${sources.map(
        (url, i) => html`${i ? ' · ' : ''}<a href="${url}" rel="noreferrer noopener">${url.replace(/^https:\/\//, '')}</a>`,
    )} <span class="muted">· ${finding.docs ?? ''}</span></li>`;
}

/** What the portability section adds to the matrices' styles; only pages that have it carry it. */
export const PORTABILITY_STYLES = `
.portability > p { font-size: 13px; margin-top: 4px; }
.portability-findings { margin: 6px 0 0 18px; font-size: 13px; }
.portability-findings li { margin-top: 6px; overflow-wrap: anywhere; }
`;
