/**
 * The consistency matrices as HTML: per test run against several servers, a table of
 * check × server with a status mark per cell, the rows where the servers disagree marked
 * (by a `≠`, not only by colour), and what each server answered side by side.
 * Everything from specs and servers goes through the escaping `html` tag.
 */
import type { ConsistencyMatrix, MatrixCell, MatrixRow } from '../../run/matrix.js';
import { Markup, html, prettyJson } from './markup.js';
import { STATUS_LOOK } from './suite.js';

/**
 * Longest JSON shown for one server's answer: answers sit side by side, one per server, so
 * each gets less room than a problem's single value; the JSON report has them whole.
 */
export const MAX_ANSWER_CHARS = 4_000;

const OPEN = new Markup(' open');

/** The section "Consistency across servers", or nothing when no test ran against several servers. */
export function renderMatrices(matrices: readonly ConsistencyMatrix[] | undefined): Markup | string {
    if (!matrices?.length) return '';
    return html`<section class="matrices" id="matrices" aria-labelledby="matrices-title">
<h2 id="matrices-title">Consistency across servers</h2>
${matrices.map((m, i) => renderMatrix(m, i))}
</section>
`;
}

function renderMatrix(matrix: ConsistencyMatrix, index: number): Markup {
    const differing = matrix.rows.filter((r) => !r.consistent).length;
    const verdict = differing
        ? html`<span class="chip s-failed">${differing} of ${matrix.rows.length} ${matrix.rows.length === 1 ? 'check differs' : 'checks differ'}</span>`
        : html`<span class="chip s-passed">all ${matrix.rows.length} ${matrix.rows.length === 1 ? 'check agrees' : 'checks agree'}</span>`;
    const columns = matrix.servers.length + 1;
    return html`<div class="matrix${differing ? ' differing' : ''}" id="matrix-${index + 1}">
<div class="matrix-head"><h3><span class="file">${matrix.file}</span> <span class="muted">${matrix.id}</span></h3><span class="matrix-servers">${matrix.servers.join(' · ')}</span>${verdict}</div>
<div class="matrix-scroll"><table class="matrix-table">
<thead><tr><th scope="col">Check</th>${matrix.servers.map((s) => html`<th scope="col">${s}</th>`)}</tr></thead>
<tbody>
${matrix.rows.map((row) => renderRow(row, matrix.servers, columns))}</tbody>
</table></div>
</div>
`;
}

/** A row of marks, then (when any answer was kept) a row holding the answers. */
function renderRow(row: MatrixRow, servers: readonly string[], columns: number): Markup {
    const marker = row.consistent ? '' : html`<span class="neq" title="the servers disagree">≠</span> `;
    const cells = servers.map((s) => renderCell(row.cells[s]));
    const answers = renderAnswers(row, servers);
    const marks = html`<tr class="matrix-row${row.consistent ? '' : ' inconsistent'}" data-consistent="${String(row.consistent)}"><th scope="row">${marker}<span class="check-name">${row.name}</span></th>${cells}</tr>
`;
    if (!answers) return marks;
    return html`${marks}<tr class="matrix-answers${row.consistent ? '' : ' inconsistent'}"><td colspan="${columns}">${answers}</td></tr>
`;
}

function renderCell(cell: MatrixCell | undefined): Markup {
    if (!cell) return html`<td class="cell not-run"><span class="mark" aria-hidden="true">?</span> not run</td>`;
    const look = STATUS_LOOK[cell.status];
    return html`<td class="cell s-${cell.status}"><span class="mark" aria-hidden="true">${look.icon}</span> ${look.label}</td>`;
}

/**
 * Where servers disagree, every server's answer side by side, unfolded; where they agree the
 * answers are equal, so one copy, folded. Undefined when no server's answer was kept.
 */
function renderAnswers(row: MatrixRow, servers: readonly string[]): Markup | undefined {
    if (!servers.some((s) => row.cells[s] && 'observed' in row.cells[s]!)) return undefined;
    if (row.consistent) {
        const cell = row.cells[servers[0]!]!;
        return html`<details class="answers"><summary>Answer <span class="muted">(the same from every server)</span></summary><div class="answer-grid">${answerFigure('every server', cell)}</div></details>`;
    }
    return html`<details class="answers"${OPEN}><summary>Answers side by side</summary><div class="answer-grid">${servers.map((s) => answerFigure(s, row.cells[s]))}</div></details>`;
}

function answerFigure(label: string, cell: MatrixCell | undefined): Markup {
    const status = cell ? STATUS_LOOK[cell.status].label : 'not run';
    const body = cell && 'observed' in cell ? html`<pre>${prettyJson(cell.observed, MAX_ANSWER_CHARS)}</pre>` : html`<pre class="nothing">(no answer kept)</pre>`;
    return html`<figure class="answer"><figcaption>${label} <span class="muted">· ${status}</span></figcaption>${body}</figure>`;
}

/** The matrices' part of the stylesheet; the page inlines it after the main styles. */
export const MATRIX_STYLES = `
.matrices { margin-top: 16px; background: var(--surface); border: 1px solid var(--border); border-radius: 10px; padding: 14px 18px 16px; }
.matrices > h2 { font-size: 16px; font-weight: 600; }
.matrix { margin-top: 14px; }
.matrix-head { display: flex; align-items: baseline; gap: 10px; flex-wrap: wrap; margin-bottom: 6px; }
.matrix-head h3 { font-size: 14px; font-weight: 600; overflow-wrap: anywhere; }
.matrix-servers { color: var(--muted); font-size: 13px; overflow-wrap: anywhere; }
.matrix-scroll { overflow-x: auto; }
.matrix-table { border-collapse: collapse; width: 100%; font-size: 13px; }
.matrix-table th, .matrix-table td { text-align: left; padding: 5px 10px; border-top: 1px solid var(--border-soft); vertical-align: top; }
/* Server names keep their case: they are identifiers from the spec. */
.matrix-table thead th { font-size: 12px; font-weight: 600; color: var(--muted); border-top: none; overflow-wrap: anywhere; }
.matrix-table tbody th { font-weight: 500; overflow-wrap: anywhere; }
.matrix-row.inconsistent, .matrix-answers.inconsistent { background: var(--failed-bg); }
.matrix-row.inconsistent > th { box-shadow: inset 3px 0 0 var(--failed); }
.matrix-answers > td { border-top: none; padding-top: 0; }
.neq { color: var(--failed); font-weight: 700; }
.cell { white-space: nowrap; }
.cell .mark { font-weight: 700; }
.cell.s-passed { color: var(--passed); } .cell.s-failed { color: var(--failed); }
.cell.s-errored { color: var(--errored); } .cell.s-skipped, .cell.not-run { color: var(--skipped); }
.answers summary { cursor: pointer; font-size: 12px; color: var(--muted); }
.answer-grid { display: grid; grid-template-columns: repeat(auto-fit, minmax(220px, 1fr)); gap: 10px; margin-top: 6px; }
.answer { margin: 0; min-width: 0; }
.answer figcaption { font-size: 12px; font-weight: 600; margin-bottom: 3px; overflow-wrap: anywhere; }
.answer pre { padding: 8px 10px; max-height: 320px; overflow: auto; border: 1px solid var(--border-soft); border-radius: 6px; background: var(--surface); }
.answer pre.nothing { color: var(--muted); font-style: italic; }
`;
