/** `mcp-check <spec...>`: load, run, report, and decide the exit code. */
import { ExitCode } from '../../errors.js';
import { launchedProcesses, launchServers } from '../../run/launch.js';
import { planRun, type RunPlan } from '../../run/plan.js';
import { selectCases } from '../../run/select.js';
import { loadSpecs } from '../../load/load.js';
import type { Suite } from '../../load/types.js';
import type { RunCliOptions } from './command.js';
import { watchSignals } from '../signals.js';
import { printEscapees, printSpecWarnings } from '../spec-warnings.js';

/** Runs the suites and returns the process exit code. Spec errors are thrown (exit 2 upstream). */
export async function runCommand(options: RunCliOptions): Promise<number> {
    const suites = await loadSpecs(options.specs, process.env, { protocol: options.protocol });
    return runAndReport(suites, selectCases(planRun(suites, { clients: options.clients }), options.selection), options);
}

/** What `runAndReport` needs besides the plan. */
export type ReportedRunOptions = Pick<RunCliOptions, 'reporters' | 'timeoutMs' | 'bail' | 'updateSnapshots'>;

/** Runs a plan of loaded suites with the reporters asked for; returns the exit code. */
export async function runAndReport(suites: readonly Suite[], plan: RunPlan, options: ReportedRunOptions): Promise<number> {
    printSpecWarnings(suites.flatMap((s) => s.warnings));
    const signals = watchSignals();
    try {
        // The spec is valid, so servers may start: they boot while the runner (with the SDK) and
        // the reporters load, which is most of mcp-check's own start-up.
        const launched = launchServers(plan);
        const [{ runPlan }, { ReportDispatcher }, { ProgressReporter, wantsProgress }, reporters] = await Promise.all([
            import('../../run/runner.js'),
            import('../../report/dispatch.js'),
            import('../../report/progress.js'),
            import('../../report/registry.js').then(({ loadReporters }) => loadReporters(options.reporters)),
        ]).catch(async (error: unknown) => {
            // No run will adopt the servers: stop them politely rather than leave them to the exit hook.
            await Promise.all(launchedProcesses(launched).map((proc) => proc.stop()));
            throw error;
        });
        // First, so it clears its line before other reporters print.
        if (wantsProgress()) reporters.unshift(new ProgressReporter());
        const dispatcher = new ReportDispatcher(
            reporters,
            suites.flatMap((s) => s.secrets),
        );
        const result = await runPlan(plan, {
            timeoutMs: options.timeoutMs,
            signal: signals.signal,
            interruptReason: () => signals.received,
            listener: dispatcher,
            bail: options.bail,
            updateSnapshots: options.updateSnapshots,
            launched,
        });
        printEscapees(suites.flatMap((s) => s.secrets));
        const failures = await dispatcher.finish(result);
        for (const error of failures) process.stderr.write(`mcp-check: could not write a report: ${error.message}\n`);
        if (result.interrupted) return result.interrupted === 'SIGINT' ? ExitCode.sigint : ExitCode.sigterm;
        if (failures.length) return ExitCode.failed;
        return result.totals.failed + result.totals.errored > 0 ? ExitCode.failed : ExitCode.passed;
    } finally {
        signals.dispose();
    }
}
