/**
 * The run as JSON (`--reporter json:<file>`): the result model written faithfully in a
 * documented, versioned shape (`schema/report.schema.json`), so other tools can read it and
 * `mcp-check merge-reports` can turn CI shards back into one run.
 *
 *   { "$schema": "https://unpkg.com/mcp-check/schema/report.schema.json", "reportVersion": 1,
 *     "tool": { "name": "mcp-check", "version": "0.1.0" }, "startedAt": "2026-11-24T13:17:39.120Z",
 *     "durationMs": 420, "totals": { "tests": 3, "passed": 2, "failed": 1, "errored": 0, "skipped": 0 },
 *     "suites": [ { "file": "specs/weather.yaml", "server": "weather", …, "cases": [
 *       { "id": "specs/weather.yaml#weather#0", "name": "alerts for California", "status": "passed", … } ] } ] }
 */
import type { PortabilityMatrix } from '../assert/lint/portability/index.js';
import type { LintFinding } from '../assert/lint/types.js';
import type { ConsistencyMatrix } from '../run/matrix.js';
import type { AuthSummary } from '../connect/auth/types.js';
import type { ServerInfo, TransportKind } from '../connect/types.js';
import type { SourceLocation } from '../errors.js';
import type { CaseResult, Problem, RunResult, SuiteResult, Totals } from '../run/result.js';
import { VERSION } from '../version.js';
import { FileReporter, type FileReporterOptions } from './file-reporter.js';

/** The `reportVersion` this mcp-check writes and reads. */
export const REPORT_VERSION = 1;

/** The report schema's `$id`, written as `$schema` in every report. */
export const REPORT_SCHEMA_ID = 'https://unpkg.com/mcp-check/schema/report.schema.json';

/** A problem as JSON; `absent` lists `expected`/`actual` that were given without a value. */
export interface ProblemJson {
    kind: string;
    message: string;
    loc?: SourceLocation;
    expected?: unknown;
    actual?: unknown;
    absent?: ('expected' | 'actual')[];
    details?: string[];
}

/** A check as JSON: the `CaseResult` with its problems in JSON form. */
export interface CaseJson {
    id: string;
    name: string;
    classname: string;
    kind: string;
    server: string;
    tool?: string;
    loc: SourceLocation;
    status: CaseResult['status'];
    durationMs: number;
    attempts?: number;
    matrix?: string;
    observed?: unknown;
    warnings?: string[];
    notes?: string[];
    findings?: LintFinding[];
    problems?: ProblemJson[];
    error?: ProblemJson;
    reason?: string;
}

/** Server information as JSON (`connectedAt` as an ISO string). */
export type ServerInfoJson = Omit<ServerInfo, 'connectedAt'> & { connectedAt: string };

/** A suite as JSON. */
export interface SuiteJson {
    file: string;
    name: string;
    server: string;
    transport: TransportKind;
    target: string;
    serverInfo?: ServerInfoJson;
    auth?: AuthSummary;
    stderr?: string;
    diagnostics: string[];
    startedAt: string;
    durationMs: number;
    cases: CaseJson[];
    portability?: PortabilityMatrix;
}

/** The whole report, as described by `schema/report.schema.json`. */
export interface ReportJson {
    $schema?: string;
    reportVersion: typeof REPORT_VERSION;
    tool: { name: 'mcp-check'; version: string };
    startedAt: string;
    durationMs: number;
    interrupted?: 'SIGINT' | 'SIGTERM';
    matrices?: ConsistencyMatrix[];
    totals: Totals;
    suites: SuiteJson[];
}

export type JsonReporterOptions = FileReporterOptions;

/** Writes the finished run to `outputFile` as a JSON report. */
export class JsonReporter extends FileReporter {
    constructor(options: JsonReporterOptions) {
        super(options, (result) => renderJsonReport(result));
    }
}

/** Renders the run as the text of a JSON report (pretty-printed, newline-terminated). */
export function renderJsonReport(result: RunResult): string {
    return `${JSON.stringify(toReportJson(result), null, 2)}\n`;
}

/** Converts the result model to the report shape; keys in a fixed order so reports diff well. */
export function toReportJson(result: RunResult): ReportJson {
    return {
        $schema: REPORT_SCHEMA_ID,
        reportVersion: REPORT_VERSION,
        tool: { name: 'mcp-check', version: VERSION },
        startedAt: result.startedAt.toISOString(),
        durationMs: result.durationMs,
        ...(result.interrupted ? { interrupted: result.interrupted } : {}),
        totals: { ...result.totals },
        ...(result.matrices ? { matrices: result.matrices } : {}),
        suites: result.suites.map(suiteJson),
    };
}

function suiteJson(suite: SuiteResult): SuiteJson {
    return {
        file: suite.file,
        name: suite.name,
        server: suite.server,
        transport: suite.transport,
        target: suite.target,
        ...(suite.serverInfo ? { serverInfo: { ...suite.serverInfo, connectedAt: suite.serverInfo.connectedAt.toISOString() } } : {}),
        ...(suite.auth ? { auth: { ...suite.auth } } : {}),
        ...(suite.stderr !== undefined ? { stderr: suite.stderr } : {}),
        diagnostics: [...suite.diagnostics],
        startedAt: suite.startedAt.toISOString(),
        durationMs: suite.durationMs,
        cases: suite.cases.map(caseJson),
        ...(suite.portability ? { portability: suite.portability } : {}),
    };
}

function caseJson(result: CaseResult): CaseJson {
    const out: CaseJson = {
        id: result.id,
        name: result.name,
        classname: result.classname,
        kind: result.kind,
        server: result.server,
        ...(result.tool !== undefined ? { tool: result.tool } : {}),
        loc: { file: result.loc.file, line: result.loc.line, col: result.loc.col },
        status: result.status,
        durationMs: result.durationMs,
        ...(result.attempts !== undefined ? { attempts: result.attempts } : {}),
        ...(result.matrix !== undefined ? { matrix: result.matrix } : {}),
        ...('observed' in result && result.observed !== undefined ? { observed: result.observed } : {}),
    };
    switch (result.status) {
        case 'passed':
            if (result.warnings) out.warnings = [...result.warnings];
            if (result.notes) out.notes = [...result.notes];
            if (result.findings) out.findings = result.findings;
            break;
        case 'failed':
            out.problems = result.problems.map(problemJson);
            if (result.findings) out.findings = result.findings;
            break;
        case 'errored':
            out.error = problemJson(result.error);
            break;
        case 'skipped':
            out.reason = result.reason;
            break;
    }
    return out;
}

function problemJson(problem: Problem): ProblemJson {
    // `expected: undefined` is meaningful ("(nothing)" in reports) but JSON has no undefined,
    // so such keys are listed in `absent` instead of silently disappearing.
    const absent = (['expected', 'actual'] as const).filter((key) => key in problem && problem[key] === undefined);
    return {
        kind: problem.kind,
        message: problem.message,
        ...(problem.loc ? { loc: { file: problem.loc.file, line: problem.loc.line, col: problem.loc.col } } : {}),
        ...('expected' in problem && problem.expected !== undefined ? { expected: problem.expected } : {}),
        ...('actual' in problem && problem.actual !== undefined ? { actual: problem.actual } : {}),
        ...(absent.length ? { absent } : {}),
        ...(problem.details ? { details: [...problem.details] } : {}),
    };
}
