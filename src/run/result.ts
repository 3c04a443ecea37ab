/**
 * The result model every reporter consumes. Plain data, no behaviour, so reports can be
 * written, redacted, serialised and merged without talking to a server.
 */
import type { SourceLocation } from '../errors.js';
import type { AuthSummary } from '../connect/auth/types.js';
import type { ServerInfo, TransportKind } from '../connect/types.js';
import type { LintFinding } from '../assert/lint/types.js';
import type { PortabilityMatrix } from '../assert/lint/portability/index.js';
import type { ConsistencyMatrix } from './matrix.js';

export type CaseKind =
    | 'tools.include'
    | 'tools.exclude'
    | 'call'
    | 'lint'
    | 'protocol'
    | 'resources.include'
    | 'resources.exclude'
    | 'resources.read'
    | 'prompts.include'
    | 'prompts.exclude'
    | 'prompts.get'
    | 'snapshot'
    | 'probe'
    | 'server.requires'
    | 'server.info'
    | 'tools.exact'
    | 'tools.expect'
    | 'resources.exact'
    | 'prompts.exact';

/** Why a check did not pass. `assert` problems become JUnit `<failure>`, the rest `<error>`. */
export type ProblemKind =
    | 'assert.isError'
    | 'assert.text'
    | 'assert.structuredContent'
    | 'assert.outputSchema'
    | 'assert.json'
    | 'assert.schema'
    | 'assert.content'
    | 'assert.notifications'
    | 'assert.maxDuration'
    | 'assert.rejects'
    | 'assert.capture'
    | 'assert.resource'
    | 'assert.prompt'
    | 'contract.capability'
    | 'contract.snapshot'
    | 'contract.probe'
    | 'lint'
    | 'protocol'
    | 'contract.include'
    | 'contract.exclude'
    | 'contract.exact'
    | 'contract.toolMetadata'
    | 'contract.serverInfo'
    | 'contract.inputSchema'
    | 'contract.unknownTool'
    | 'call.rpcError'
    | 'call.inputRequired'
    | 'args.invalid'
    | 'runtime.connect'
    | 'runtime.timeout'
    | 'runtime.closed'
    | 'runtime.protocol'
    | 'runtime.interrupted'
    | 'runtime.internal'
    | 'runtime.capture';

export interface Problem {
    kind: ProblemKind;
    message: string;
    /** Where in the spec the failing assertion was written. */
    loc?: SourceLocation;
    expected?: unknown;
    actual?: unknown;
    /** Extra lines, e.g. one per Ajv error. */
    details?: string[];
}

/** What a planned check is, known before anything runs. */
export interface CaseInfo {
    /** Unique within a run. */
    id: string;
    /** The spec's `name:` verbatim, or a generated one when the spec gives none. */
    name: string;
    /** `server.tool` for calls, `server.tools` for contract checks. */
    classname: string;
    /** Set for checks of a test that runs against several servers: the matrix it belongs to. */
    matrix?: string;
    kind: CaseKind;
    server: string;
    tool?: string;
    loc: SourceLocation;
}

export type CaseOutcome =
    | {
          status: 'passed';
          /** Findings that do not fail the check (lint rules at level `warn`). */
          warnings?: string[];
          /** What is worth knowing about how it passed, e.g. the error a negative call was rejected with. */
          notes?: string[];
          /** Portability lint at level `warn`: each finding whole (tool, pointer, clients, fix, sources). */
          findings?: LintFinding[];
      }
    | {
          status: 'failed';
          problems: Problem[];
          /** Portability lint: each finding whole (tool, pointer, clients, fix, sources), beside its problem. */
          findings?: LintFinding[];
      }
    | { status: 'errored'; error: Problem }
    | { status: 'skipped'; reason: string };

export type CaseStatus = CaseOutcome['status'];

export type CaseResult = CaseInfo &
    CaseOutcome & {
        durationMs: number;
        /** How many times the check ran, when a `retry` policy made it run more than once. */
        attempts?: number;
        /** The server's answer, kept for tests run against several servers (the consistency matrix). */
        observed?: unknown;
    };

/** What running one check gives, before timing is added. */
export interface CaseRun {
    outcome: CaseOutcome;
    attempts: number;
    observed?: unknown;
}

/** One spec file × one server: a JUnit `<testsuite>`. */
export interface SuiteResult {
    file: string;
    /** The spec's `name:`. */
    name: string;
    server: string;
    transport: TransportKind;
    target: string;
    serverInfo?: ServerInfo;
    /** How the server was authenticated (its `auth:`): method, issuer, scopes; never a token. */
    auth?: AuthSummary;
    /** Captured server stderr (bounded tail, redacted). */
    stderr?: string;
    /** Things worth knowing that are not test outcomes, e.g. non-JSON lines on stdout. */
    diagnostics: string[];
    cases: CaseResult[];
    /** With `lint.clients`: tool × client, which clients load which tool and how badly the others break. */
    portability?: PortabilityMatrix;
    startedAt: Date;
    durationMs: number;
}

export interface Totals {
    tests: number;
    passed: number;
    failed: number;
    errored: number;
    skipped: number;
}

export interface RunResult {
    suites: SuiteResult[];
    totals: Totals;
    startedAt: Date;
    durationMs: number;
    /** Set when a signal stopped the run early. */
    interrupted?: 'SIGINT' | 'SIGTERM';
    /** One per test run against several servers: check × server, with disagreements marked. */
    matrices?: ConsistencyMatrix[];
}

/** Counts cases by status. */
export function countCases(cases: readonly CaseResult[]): Totals {
    const totals: Totals = { tests: cases.length, passed: 0, failed: 0, errored: 0, skipped: 0 };
    for (const c of cases) {
        totals[c.status]++;
    }
    return totals;
}
