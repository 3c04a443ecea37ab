/** The consistency matrix as console lines: a mark per server, and the answers where servers disagree. */
import type { ConsistencyMatrix, MatrixCell } from '../run/matrix.js';
import type { CaseStatus } from '../run/result.js';
import { renderValue } from './describe.js';
import { visibleText } from './safe-text.js';

const MARKS: Record<CaseStatus, string> = { passed: '✓', failed: '✗', errored: '!', skipped: '-' };

/** Renders one matrix; `paint` colours a disagreement marker. */
export function matrixLines(matrix: ConsistencyMatrix, paint: (text: string) => string): string[] {
    const width = Math.min(40, Math.max(5, ...matrix.rows.map((r) => visibleText(r.name).length)));
    const columns = matrix.servers.map((s) => visibleText(s));
    const header = `    ${'check'.padEnd(width)}  ${columns.join('  ')}`;
    const lines = [`Consistency across ${columns.join(', ')} (${matrix.file} ${matrix.id}):`, header];
    // A server whose every check errored (it could not be reached) has nothing to compare:
    // said once below the table instead of on every row.
    const down = matrix.servers.filter((s) => matrix.rows.every((r) => r.cells[s]?.status === 'errored' && !('observed' in r.cells[s]!)));
    // Answers are shown to compare them: with one server left, there is nothing to compare.
    const compared = matrix.servers.filter((s) => !down.includes(s));
    for (const row of matrix.rows) {
        const name = visibleText(row.name);
        const shown = name.length > width ? `${name.slice(0, width - 1)}…` : name.padEnd(width);
        const cells = matrix.servers.map((s, i) => (row.cells[s] ? MARKS[row.cells[s]!.status] : '?').padEnd(columns[i]!.length));
        lines.push(`  ${row.consistent ? ' ' : paint('≠')} ${shown}  ${cells.join('  ')}`);
        if (row.consistent || compared.length < 2) continue;
        for (const server of compared) {
            const cell = row.cells[server];
            lines.push(`      ${visibleText(server)}: ${cell?.status ?? 'not run'}${cell ? answerOf(cell) : ''}`);
        }
    }
    for (const server of down) lines.push(`    ${visibleText(server)}: every check errored (see its server error above)`);
    return lines;
}

// Errored and skipped checks have no answer to show; a passed or failed one may not have kept it.
function answerOf(cell: MatrixCell): string {
    if ('observed' in cell) return `, ${visibleText(renderValue(cell.observed))}`;
    return cell.status === 'passed' || cell.status === 'failed' ? ', (no answer kept)' : '';
}
