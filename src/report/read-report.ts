/**
 * Reads a JSON report (`--reporter json:<file>`) back into the result model, so reports from
 * several machines can be merged and rendered by any reporter. A file is accepted only when it
 * validates against `schema/report.schema.json` for the `reportVersion` this mcp-check writes.
 */
import { existsSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import ajvFormats from 'ajv-formats';
import { UsageError } from '../errors.js';
import type { CaseResult, Problem, ProblemKind, RunResult, SuiteResult } from '../run/result.js';
import { VERSION } from '../version.js';
import { REPORT_VERSION, type CaseJson, type ProblemJson, type ReportJson, type SuiteJson } from './json.js';

// ajv-formats is CommonJS: under NodeNext its default import is `module.exports`.
const addFormats = ajvFormats.default;

/**
 * Location of `report.schema.json`: this module runs from `dist/src/report/` when built, from
 * `dist/bundle/` in the bundle, and from `src/report/` under a TypeScript loader.
 */
export const REPORT_SCHEMA_URL: URL =
    ['../../../schema/report.schema.json', '../../schema/report.schema.json']
        .map((relative) => new URL(relative, import.meta.url))
        .find((url) => existsSync(url)) ?? new URL('../../../schema/report.schema.json', import.meta.url);

/** Most schema errors listed in one message; a wrong file usually has many. */
const MAX_LISTED_ERRORS = 5;

/** A file that is not a JSON report this mcp-check can read; the CLI exits 2 with the message. */
export class InvalidReportError extends UsageError {
    constructor(
        readonly file: string,
        reason: string,
    ) {
        super(`${file}: ${reason}`);
    }
}

let validator: ValidateFunction | undefined;

/** The compiled report schema, compiled on first use. */
export function reportValidator(): ValidateFunction {
    if (!validator) {
        const ajv = new Ajv2020({ allErrors: true, strict: true });
        addFormats(ajv);
        validator = ajv.compile(JSON.parse(readFileSync(REPORT_SCHEMA_URL, 'utf8')) as object);
    }
    return validator;
}

/** Parsing a report's text: the run, or why it is not a report this version reads. */
export type ParsedReport = { ok: true; result: RunResult } | { ok: false; reason: string };

/** Parses and validates the text of a JSON report. */
export function parseReport(text: string): ParsedReport {
    let data: unknown;
    try {
        data = JSON.parse(text);
    } catch (error) {
        return { ok: false, reason: `not an mcp-check JSON report: invalid JSON (${(error instanceof Error ? error.message : String(error)).replace(/\s+/g, ' ')})` };
    }
    if (typeof data !== 'object' || data === null || Array.isArray(data) || !('reportVersion' in data)) {
        return { ok: false, reason: 'not an mcp-check JSON report (it has no "reportVersion"; write one with --reporter json:<file>)' };
    }
    const version = (data as { reportVersion: unknown }).reportVersion;
    if (version !== REPORT_VERSION) {
        return {
            ok: false,
            reason: `has reportVersion ${JSON.stringify(version)}, but mcp-check ${VERSION} reads reportVersion ${REPORT_VERSION}; merge it with the mcp-check version that wrote it`,
        };
    }
    const validate = reportValidator();
    if (!validate(data)) {
        return { ok: false, reason: `not a valid mcp-check JSON report:\n${describeErrors(validate.errors ?? [])}` };
    }
    return { ok: true, result: fromReportJson(data as ReportJson) };
}

/** Reads a JSON report file; throws `InvalidReportError` naming the file when it cannot be used. */
export async function readReport(file: string): Promise<RunResult> {
    let text: string;
    try {
        text = await readFile(file, 'utf8');
    } catch (error) {
        const code = (error as NodeJS.ErrnoException | undefined)?.code;
        const reason = code === 'ENOENT' ? 'report file not found' : code === 'EISDIR' ? 'is a directory, not a report file' : `cannot read: ${error instanceof Error ? error.message : String(error)}`;
        throw new InvalidReportError(file, reason);
    }
    const parsed = parseReport(text);
    if (!parsed.ok) throw new InvalidReportError(file, parsed.reason);
    return parsed.result;
}

/** Converts a validated report back to the result model (ISO strings become Dates). */
export function fromReportJson(report: ReportJson): RunResult {
    return {
        suites: report.suites.map(suiteResult),
        totals: { ...report.totals },
        startedAt: new Date(report.startedAt),
        durationMs: report.durationMs,
        ...(report.interrupted ? { interrupted: report.interrupted } : {}),
        ...(report.matrices ? { matrices: report.matrices } : {}),
    };
}

function suiteResult(suite: SuiteJson): SuiteResult {
    return {
        file: suite.file,
        name: suite.name,
        server: suite.server,
        transport: suite.transport,
        target: suite.target,
        ...(suite.serverInfo ? { serverInfo: { ...suite.serverInfo, connectedAt: new Date(suite.serverInfo.connectedAt) } } : {}),
        ...(suite.stderr !== undefined ? { stderr: suite.stderr } : {}),
        diagnostics: [...suite.diagnostics],
        cases: suite.cases.map(caseResult),
        ...(suite.portability ? { portability: suite.portability } : {}),
        startedAt: new Date(suite.startedAt),
        durationMs: suite.durationMs,
    };
}

function caseResult(c: CaseJson): CaseResult {
    const info = {
        id: c.id,
        name: c.name,
        classname: c.classname,
        kind: c.kind as CaseResult['kind'],
        server: c.server,
        ...(c.tool !== undefined ? { tool: c.tool } : {}),
        loc: { ...c.loc },
        durationMs: c.durationMs,
        ...(c.attempts !== undefined ? { attempts: c.attempts } : {}),
        ...(c.matrix !== undefined ? { matrix: c.matrix } : {}),
        ...('observed' in c ? { observed: c.observed } : {}),
    };
    // The schema guarantees each status comes with its own field.
    switch (c.status) {
        case 'passed':
            return {
                ...info,
                status: 'passed',
                ...(c.warnings ? { warnings: [...c.warnings] } : {}),
                ...(c.notes ? { notes: [...c.notes] } : {}),
                ...(c.findings ? { findings: c.findings } : {}),
            };
        case 'failed':
            return { ...info, status: 'failed', problems: c.problems!.map(problem), ...(c.findings ? { findings: c.findings } : {}) };
        case 'errored':
            return { ...info, status: 'errored', error: problem(c.error!) };
        case 'skipped':
            return { ...info, status: 'skipped', reason: c.reason! };
    }
}

function problem(p: ProblemJson): Problem {
    const absent = new Set(p.absent ?? []);
    return {
        kind: p.kind as ProblemKind,
        message: p.message,
        ...(p.loc ? { loc: { ...p.loc } } : {}),
        ...('expected' in p || absent.has('expected') ? { expected: p.expected } : {}),
        ...('actual' in p || absent.has('actual') ? { actual: p.actual } : {}),
        ...(p.details ? { details: [...p.details] } : {}),
    };
}

function describeErrors(all: ErrorObject[]): string {
    // "must match then/else schema" only repeats the error found inside that branch.
    const errors = all.filter((e) => e.keyword !== 'if');
    const lines = errors.slice(0, MAX_LISTED_ERRORS).map((e) => `  ${e.instancePath || '(root)'}: ${describeError(e)}`);
    if (errors.length > MAX_LISTED_ERRORS) lines.push(`  … and ${errors.length - MAX_LISTED_ERRORS} more`);
    return lines.join('\n');
}

function describeError(e: ErrorObject): string {
    // The schema's only `false` subschemas are fields that belong to another status.
    if (e.keyword === 'false schema') return 'not allowed with this status';
    return `${e.message ?? e.keyword}${extra(e)}`;
}

function extra(e: ErrorObject): string {
    if (e.keyword === 'additionalProperties') return ` ("${(e.params as { additionalProperty: string }).additionalProperty}")`;
    if (e.keyword === 'enum' || e.keyword === 'const') return ` (${JSON.stringify((e.params as { allowedValues?: unknown; allowedValue?: unknown }).allowedValues ?? (e.params as { allowedValue?: unknown }).allowedValue)})`;
    return '';
}
