/**
 * The consistency matrix: a test run against several servers (the stdio and HTTP builds of
 * one server, staging and production, ports to other languages) becomes a table of check ×
 * server, and a row where the servers disagree — in status or in what they answered — is
 * marked, with each server's answer side by side.
 */
import { jsonEqual } from '../assert/json-equal.js';
import type { CaseStatus, SuiteResult } from './result.js';

export interface MatrixCell {
    status: CaseStatus;
    observed?: unknown;
}

export interface MatrixRow {
    name: string;
    cells: Record<string, MatrixCell>;
    /** Every server has the same status and, where answers were kept, the same answer. */
    consistent: boolean;
}

export interface ConsistencyMatrix {
    file: string;
    /** The test entry it comes from, e.g. `tests[3]`. */
    id: string;
    servers: string[];
    rows: MatrixRow[];
}

/**
 * Builds one matrix per multi-server test entry from the finished suites. `order` gives each
 * matrix's servers as the spec lists them; without it they appear in the order first seen.
 */
export function buildMatrices(suites: readonly SuiteResult[], order: ReadonlyMap<string, readonly string[]> = new Map()): ConsistencyMatrix[] {
    const matrices = new Map<string, ConsistencyMatrix>();
    const rows = new Map<ConsistencyMatrix, Map<string, MatrixRow>>();
    for (const suite of suites) {
        for (const result of suite.cases) {
            if (!result.matrix) continue;
            const key = matrixKey(suite.file, result.matrix);
            let matrix = matrices.get(key);
            if (!matrix) {
                matrix = { file: suite.file, id: result.matrix, servers: [...(order.get(key) ?? [])], rows: [] };
                matrices.set(key, matrix);
                rows.set(matrix, new Map());
            }
            if (!matrix.servers.includes(result.server)) matrix.servers.push(result.server);
            // Rows are keyed by where the check was written, which every server's copy shares;
            // names alone may repeat (two unnamed calls with the same arguments).
            const rowKey = `${result.kind}@${result.loc.line}:${result.loc.col}`;
            let row = rows.get(matrix)!.get(rowKey);
            if (!row) {
                row = { name: result.name, cells: {}, consistent: true };
                rows.get(matrix)!.set(rowKey, row);
                matrix.rows.push(row);
            }
            row.cells[result.server] = { status: result.status, ...('observed' in result ? { observed: result.observed } : {}) };
        }
    }
    for (const matrix of matrices.values()) {
        for (const row of matrix.rows) row.consistent = agrees(matrix.servers.map((s) => row.cells[s]));
    }
    return [...matrices.values()];
}

function agrees(cells: (MatrixCell | undefined)[]): boolean {
    const [first, ...rest] = cells;
    if (!first) return false;
    return rest.every((c) => c !== undefined && c.status === first.status && jsonEqual(c.observed, first.observed));
}

/** Identifies a matrix across suites: its spec file and test entry. */
export function matrixKey(file: string, id: string): string {
    return `${file}\u0000${id}`;
}
