/** `mcp-check <spec...>`: load, run, report, and decide the exit code. */
import { ExitCode } from '../errors.js';
import { ReportDispatcher } from '../report/dispatch.js';
import { ProgressReporter, wantsProgress } from '../report/progress.js';
import { loadReporters } from '../report/registry.js';
import { runSuites } from '../run/runner.js';
import { loadSpecs } from '../spec/load.js';
import type { RunCliOptions } from './commands/run.js';
import { watchSignals } from './signals.js';

/** Runs the suites and returns the process exit code. Spec errors are thrown (exit 2 upstream). */
export async function runCommand(options: RunCliOptions): Promise<number> {
    const suites = await loadSpecs(options.specs);
    const reporters = await loadReporters(options.reporters);
    // First, so it clears its line before other reporters print.
    if (wantsProgress()) reporters.unshift(new ProgressReporter());
    const dispatcher = new ReportDispatcher(
        reporters,
        suites.flatMap((s) => s.secrets),
    );
    const signals = watchSignals();
    try {
        const result = await runSuites(suites, {
            timeoutMs: options.timeoutMs,
            signal: signals.signal,
            interruptReason: () => signals.received,
            listener: dispatcher,
            selection: options.selection,
            bail: options.bail,
            updateSnapshots: options.updateSnapshots,
        });
        const failures = await dispatcher.finish(result);
        for (const error of failures) process.stderr.write(`mcp-check: could not write a report: ${error.message}\n`);
        if (result.interrupted) return result.interrupted === 'SIGINT' ? ExitCode.sigint : ExitCode.sigterm;
        if (failures.length) return ExitCode.failed;
        return result.totals.failed + result.totals.errored > 0 ? ExitCode.failed : ExitCode.passed;
    } finally {
        signals.dispose();
    }
}
