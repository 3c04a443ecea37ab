/**
 * The portability matrix as console lines, printed after the run for every suite that names
 * clients: a row per tool, a column per client, ✓ where the tool loads and ✗ with the blast
 * radius where it does not.
 *
 *   Portability of portability (specs/p.yaml): ✓ loads · ✗R request fails · ✗S server dropped · ✗T tool dropped
 *     tool           openai  gemini  cursor
 *     clean_tool     ✓       ✓       ✓
 *     set_due_date   ✓       ✗R      ✓
 */
import type { BlastRadius } from '../assert/lint/portability/clients.js';
import type { PortabilityMatrix } from '../assert/lint/portability/index.js';
import { visibleText } from './safe-text.js';

/** The short cell marks and what they mean, for the legend. */
const BLAST_MARKS: Readonly<Record<BlastRadius, string>> = Object.freeze({ 'request fails': '✗R', 'server dropped': '✗S', 'tool dropped': '✗T' });

const MAX_TOOL_WIDTH = 40;

/** Renders one server's matrix under a heading naming it; `paint` colours the ✗ cells. */
export function portabilityLines(what: string, matrix: PortabilityMatrix, paint: (text: string) => string): string[] {
    const legend = ['✓ loads', ...Object.entries(BLAST_MARKS).reverse().map(([radius, mark]) => `${mark} ${radius}`)].join(' · ');
    const names = matrix.rows.map((row) => visibleText(row.tool));
    const width = Math.min(MAX_TOOL_WIDTH, Math.max(4, ...names.map((n) => n.length)));
    const broken = matrix.rows.filter((row) => Object.keys(row.cells).length > 0).length;
    const lines = [
        `Portability of ${visibleText(what)}: ${broken} of ${matrix.rows.length} rows break a client — ${legend}`,
        `    ${'tool'.padEnd(width)}  ${matrix.clients.join('  ')}`,
    ];
    matrix.rows.forEach((row, i) => {
        const name = names[i]!;
        const shown = name.length > width ? `${name.slice(0, width - 1)}…` : name.padEnd(width);
        const cells = matrix.clients.map((client) => {
            const blast = row.cells[client];
            const mark = blast ? BLAST_MARKS[blast] : '✓';
            const padded = mark.padEnd(client.length);
            return blast ? paint(padded) : padded;
        });
        lines.push(`    ${shown}  ${cells.join('  ')}`.trimEnd());
    });
    return lines;
}
