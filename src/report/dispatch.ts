/** The listener that feeds reporters redacted, bounded results. */
import type { RunListener } from '../run/runner.js';
import type { CaseResult, RunResult, SuiteResult } from '../run/result.js';
import { prepareForReport } from './prepare.js';
import type { Reporter } from './reporter.js';

/** Fans run events out to reporters, redacting and bounding every result first. */
export class ReportDispatcher implements RunListener {
    private readonly preparedSuites = new WeakMap<SuiteResult, SuiteResult>();

    constructor(
        private readonly targets: readonly Reporter[],
        private readonly secrets: readonly string[],
    ) {}

    onRunStart(info: { total: number; servers: string[] }): void {
        for (const r of this.targets) r.onRunStart?.(info);
    }

    onCaseEnd(result: CaseResult): void {
        if (!this.targets.some((r) => r.onCaseEnd)) return;
        const prepared = prepareForReport(result, { secrets: this.secrets });
        for (const r of this.targets) r.onCaseEnd?.(prepared);
    }

    onSuiteEnd(suite: SuiteResult): void {
        const prepared = prepareForReport(suite, { secrets: this.secrets });
        this.preparedSuites.set(suite, prepared);
        for (const r of this.targets) r.onSuiteEnd?.(prepared);
    }

    /** Gives every reporter the finished run; a failing reporter does not stop the others. */
    async finish(result: RunResult): Promise<Error[]> {
        // Suites were already prepared as they ended; only the rest of the result is left to do.
        const suites = result.suites.map((s) => this.preparedSuites.get(s) ?? prepareForReport(s, { secrets: this.secrets }));
        const prepared = { ...prepareForReport({ ...result, suites: [] }, { secrets: this.secrets }), suites };
        const failures: Error[] = [];
        for (const r of this.targets) {
            try {
                await r.onRunEnd(prepared);
            } catch (error) {
                failures.push(error instanceof Error ? error : new Error(String(error)));
            }
        }
        return failures;
    }
}
