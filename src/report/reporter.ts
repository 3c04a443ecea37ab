/**
 * Reporters are plugins over the result model: they get events while the run goes and the
 * finished result at the end, and never talk to servers.
 */
import type { CaseResult, RunResult, SuiteResult } from '../run/result.js';

export interface Reporter {
    /** Before anything starts: how many checks are planned, on which servers. */
    onRunStart?(info: { total: number; servers: string[] }): void;
    /** A suite (one spec file × one server) has finished, already redacted. */
    onSuiteEnd?(suite: SuiteResult): void;
    /** A check has finished (redacted like everything reporters get). */
    onCaseEnd?(result: CaseResult): void;
    /** The run is over; write the report. */
    onRunEnd(result: RunResult): void | Promise<void>;
}
