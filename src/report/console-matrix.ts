/** The consistency matrix as console lines: a mark per server, and the answers where servers disagree. */
import type { ConsistencyMatrix } from '../run/matrix.js';
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
    for (const row of matrix.rows) {
        const name = visibleText(row.name);
        const shown = name.length > width ? `${name.slice(0, width - 1)}…` : name.padEnd(width);
        const cells = matrix.servers.map((s, i) => (row.cells[s] ? MARKS[row.cells[s]!.status] : '?').padEnd(columns[i]!.length));
        lines.push(`  ${row.consistent ? ' ' : paint('≠')} ${shown}  ${cells.join('  ')}`);
        if (!row.consistent) {
            for (const server of matrix.servers) {
                const cell = row.cells[server];
                const answer = cell && 'observed' in cell ? renderValue(cell.observed) : '(no answer kept)';
                lines.push(`      ${visibleText(server)}: ${cell?.status ?? 'not run'}, ${visibleText(answer)}`);
            }
        }
    }
    return lines;
}
