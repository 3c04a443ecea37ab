/** `mcp-check merge-reports`: read shard reports, merge them, report, and decide the exit code. */
import { buildMatrices, matrixKey } from '../../run/matrix.js';
import { resolve } from 'node:path';
import { ExitCode, UsageError } from '../../errors.js';
import { ReportDispatcher } from '../../report/dispatch.js';
import { readReport } from '../../report/read-report.js';
import { loadReporters } from '../../report/registry.js';
import { countCases, type RunResult, type SuiteResult } from '../../run/result.js';
import type { MergeReportsCliOptions } from './command.js';

/** Merges the reports and writes them through the reporters; returns the exit code. Bad reports throw (exit 2 upstream). */
export async function mergeReportsCommand(options: MergeReportsCliOptions): Promise<number> {
    // Every file is read before anything is written, so one bad shard leaves no half-merged report.
    const runs = await Promise.all(options.files.map((file) => readReport(file)));
    refuseRepeats(options.files, runs);
    const merged = mergeRuns(runs);
    const dispatcher = new ReportDispatcher(await loadReporters(options.reporters), []);
    // Replayed in run order, so reporters that build their output from events see a normal run.
    dispatcher.onRunStart({ total: merged.totals.tests, servers: [...new Set(merged.suites.map((s) => s.server))] });
    for (const suite of merged.suites) {
        for (const result of suite.cases) dispatcher.onCaseEnd(result);
        dispatcher.onSuiteEnd(suite);
    }
    const failures = await dispatcher.finish(merged);
    for (const error of failures) process.stderr.write(`mcp-check: could not write a report: ${error.message}\n`);
    // An interrupted shard did not run all its checks, so the merged run cannot count as passed.
    if (failures.length || merged.interrupted) return ExitCode.failed;
    return merged.totals.failed + merged.totals.errored > 0 ? ExitCode.failed : ExitCode.passed;
}

/** A shard given twice (or a copy of one) would count its checks twice: refused, naming both. */
function refuseRepeats(files: readonly string[], runs: readonly RunResult[]): void {
    const seen = new Map<string, string>();
    files.forEach((file, i) => {
        const key = JSON.stringify(runs[i]);
        const first = seen.get(key) ?? seen.get(resolve(file));
        if (first !== undefined) {
            const what = resolve(first) === resolve(file) ? `${file} is given twice` : `${first} and ${file} hold the same run`;
            throw new UsageError(`merge-reports: ${what}; each shard counts once, so give each report once`);
        }
        seen.set(key, file);
        seen.set(resolve(file), file);
    });
}

/**
 * One run from several: suites concatenated in order, totals recounted, from the earliest
 * start to the latest end, interrupted if any was. Case ids stay unique: a repeated one gets
 * `~<n>` appended, n being the 1-based position of the run it came from.
 */
export function mergeRuns(runs: readonly RunResult[]): RunResult {
    if (runs.length === 0) throw new Error('mergeRuns needs at least one run');
    const seen = new Set<string>();
    const suites: SuiteResult[] = runs.flatMap((run, index) =>
        run.suites.map((suite) => ({
            ...suite,
            cases: suite.cases.map((c) => {
                let id = c.id;
                if (seen.has(id)) id = `${c.id}~${index + 1}`;
                // The same report given twice: count on until the id is free.
                for (let n = 2; seen.has(id); n++) id = `${c.id}~${index + 1}.${n}`;
                seen.add(id);
                return id === c.id ? c : { ...c, id };
            }),
        })),
    );
    const start = Math.min(...runs.map((r) => r.startedAt.getTime()));
    const end = Math.max(...runs.map((r) => r.startedAt.getTime() + r.durationMs));
    const interrupted = runs.find((r) => r.interrupted)?.interrupted;
    // Each shard's matrix lists every server of its entry in declaration order, those it did not run too.
    const order = new Map(runs.flatMap((run) => run.matrices ?? []).map((m) => [matrixKey(m.file, m.id), m.servers]));
    const matrices = buildMatrices(suites, order);
    return {
        suites,
        totals: countCases(suites.flatMap((s) => s.cases)),
        startedAt: new Date(start),
        durationMs: end - start,
        ...(interrupted ? { interrupted } : {}),
        // Shards split by server, so a matrix is whole only once the shards are together again.
        ...(matrices.length ? { matrices } : {}),
    };
}
