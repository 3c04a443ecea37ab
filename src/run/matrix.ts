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

/** Builds one matrix per multi-server test entry from the finished suites. */
export function buildMatrices(suites: readonly SuiteResult[]): ConsistencyMatrix[] {
    const matrices = new Map<string, ConsistencyMatrix>();
    for (const suite of suites) {
        for (const result of suite.cases) {
            if (!result.matrix) continue;
            const key = `${suite.file}\u0000${result.matrix}`;
            let matrix = matrices.get(key);
            if (!matrix) {
                matrix = { file: suite.file, id: result.matrix, servers: [], rows: [] };
                matrices.set(key, matrix);
            }
            if (!matrix.servers.includes(result.server)) matrix.servers.push(result.server);
            let row = matrix.rows.find((r) => r.name === result.name);
            if (!row) {
                row = { name: result.name, cells: {}, consistent: true };
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
