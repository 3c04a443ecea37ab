/**
 * Runs a plan: every server connected once and in parallel, each server's checks in spec
 * order (servers are stateful), different servers concurrently. The runner produces the
 * result model and events; it never formats output.
 */
import { warmUpSchemaEngine } from '../assert/index.js';
import { UniversalMCPClient } from '../connect/client.js';
import type { LaunchedServers } from './launch.js';
import { DEFAULT_TIMEOUT_MS, describeTarget, type ServerConfig } from '../connect/types.js';
import type { Suite } from '../load/types.js';
import { runCall } from './call-case.js';
import { classifyRequestError } from './classify.js';
import { exactly, listingCut, unlisted } from './listing-cases.js';
import { runLintRule, suitePortability } from './lint-case.js';
import { prepareProtocolRules, runProtocolRule } from './protocol-case.js';
import { runSnapshotCase } from './snapshot-case.js';
import { runProbeCase } from './probe-case.js';
import { buildMatrices, matrixKey } from './matrix.js';
import { selectCases, type RunSelection } from './select.js';
import { isIdle, planRun, type RunPlan, type CaseAction, type PlannedCase, type PlannedConnection, type PlannedSuite } from './plan.js';
import { checkPromptListed, checkPromptsExactly, runPromptGet } from './prompt-cases.js';
import { checkResourceListed, checkResourcesExactly, runResourceRead } from './resource-cases.js';
import { checkRequiredCapability, checkServerInfo, checkToolMetadata } from './server-cases.js';
import { countCases, type CaseOutcome, type CaseResult, type CaseRun, type RunResult, type SuiteResult } from './result.js';
import { ServerSession, type CaseContext } from './session.js';

/** Hooks for live output; all optional. */
export interface RunListener {
    /** Before anything starts: how many checks are planned, on which servers. */
    onRunStart?(info: { total: number; servers: string[] }): void;
    onCaseEnd?(result: CaseResult, suite: PlannedSuite): void;
    onSuiteEnd?(result: SuiteResult): void;
}

export interface RunOptions {
    /** Timeout for servers and calls that set none, in ms. @default 30000 */
    timeoutMs?: number;
    /** Aborting stops the run: in-flight calls are cancelled, the rest are reported as skipped. */
    signal?: AbortSignal;
    /** Why the signal was aborted, for skip reasons, e.g. `SIGINT`. */
    interruptReason?: () => 'SIGINT' | 'SIGTERM' | undefined;
    listener?: RunListener;
    /** Which checks run (shard, grep, …); the rest are reported as skipped. */
    selection?: RunSelection;
    /** Stop after the first failed or errored check; the checks not yet run are reported as skipped. */
    bail?: boolean;
    /** Rewrite `snapshot:` files with the live surface instead of comparing. */
    updateSnapshots?: boolean;
}

/** Options of `runPlan`: a plan's stdio servers may have been started ahead (`launchServers`). */
export interface PlanRunOptions extends Omit<RunOptions, 'selection'> {
    /** Server processes (and second copies) by connection id, already started; their connections adopt them. */
    launched?: LaunchedServers;
}

/** Runs loaded suites and returns the complete result tree. */
export function runSuites(suites: readonly Suite[], options: RunOptions = {}): Promise<RunResult> {
    return runPlan(selectCases(planRun(suites), options.selection ?? {}), options);
}

/** Runs a plan (with its selection applied) and returns the complete result tree. */
export async function runPlan(plan: RunPlan, options: PlanRunOptions = {}): Promise<RunResult> {
    const startedAt = new Date();
    const signal = options.signal ?? new AbortController().signal;
    const results = new Map<PlannedSuite, SuiteResult>();
    const mcp = new UniversalMCPClient();
    try {
        for (const connection of plan.connections) {
            mcp.addServer(connection.id, withDefaultTimeout(connection.config, options.timeoutMs), options.launched?.servers.get(connection.id));
        }
        // Inside the try: servers launched ahead are the client's now, and stopped whatever happens.
        options.listener?.onRunStart?.({ total: plan.suites.reduce((n, s) => n + s.cases.length, 0), servers: plan.connections.map((c) => c.id) });
        const state: RunState = { mcp, signal, options, results };
        // Starting a connection spawns its server at once (unless it was launched ahead); while
        // the servers boot, the CPU is free for the schema engine every run needs once tools are listed.
        // A server that is already up (a URL) would only wait for it: then the engine is built when first needed.
        const running = plan.connections.map((connection) => runConnection(connection, state));
        if (plan.connections.some(bootsServer)) warmUpSchemaEngine();
        await Promise.all(running);
    } finally {
        await mcp.close();
    }
    const suiteResults = plan.suites.map((ps) => results.get(ps)!);
    const interrupted = signal.aborted ? (options.interruptReason?.() ?? 'SIGINT') : undefined;
    const matrices = buildMatrices(suiteResults, matrixOrder(plan));
    return {
        suites: suiteResults,
        totals: countCases(suiteResults.flatMap((s) => s.cases)),
        startedAt,
        durationMs: Date.now() - startedAt.getTime(),
        ...(interrupted ? { interrupted } : {}),
        ...(matrices.length ? { matrices } : {}),
    };
}

/** Runs one loaded suite; `runSuites` for several. */
export function runSuite(suite: Suite, options: RunOptions = {}): Promise<RunResult> {
    return runSuites([suite], options);
}

/** A connection that starts a server process, which takes a while to be ready. */
function bootsServer(connection: PlannedConnection): boolean {
    return !isIdle(connection) && (connection.config.transport === 'stdio' || !!connection.config.start);
}

interface RunState {
    /** Set by --bail once a check failed; later checks are skipped. */
    bailed?: boolean;
    mcp: UniversalMCPClient;
    signal: AbortSignal;
    options: PlanRunOptions;
    results: Map<PlannedSuite, SuiteResult>;
}

async function runConnection(connection: PlannedConnection, state: RunState): Promise<void> {
    const { mcp } = state;
    const timeoutMs = connection.config.timeoutMs ?? state.options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    const opened: Opened = isIdle(connection) ? { blocked: { status: 'skipped', reason: 'not selected' } } : await openSession(connection, state, timeoutMs);
    const secondCopy = state.options.launched?.secondCopies.get(connection.id);
    const pending: SuiteResult[] = [];
    for (const ps of connection.suites) {
        const startedAt = new Date();
        const cases: CaseResult[] = [];
        const required = requiredBy(ps);
        const protocolRules = new Set(ps.cases.flatMap((c) => (c.action.kind === 'protocol' && !c.skip ? [c.action.rule] : [])));
        if (opened.session && protocolRules.size) prepareProtocolRules(ps.config, { session: opened.session, suite: ps.suite, protocolRules, secondCopy });
        for (const planned of ps.cases) {
            const began = Date.now();
            const notRun = withoutRunning(planned, state, opened.blocked);
            if (notRun?.outcome.status === 'skipped') opened.session?.captures.skip(planned.action, notRun.outcome.reason);
            const { outcome, attempts, observed } =
                notRun ?? (await runCase(planned, { session: opened.session!, suite: ps.suite, updateSnapshots: state.options.updateSnapshots, required, protocolRules, secondCopy }));
            if (state.options.bail && (outcome.status === 'failed' || outcome.status === 'errored')) state.bailed = true;
            const result = {
                ...planned.info,
                ...outcome,
                durationMs: Date.now() - began,
                ...(attempts > 1 ? { attempts } : {}),
                ...(observed !== undefined ? { observed } : {}),
            } as CaseResult;
            cases.push(result);
            state.options.listener?.onCaseEnd?.(result, ps);
        }
        const portability = suitePortability(ps);
        pending.push({
            file: ps.suite.file,
            name: ps.suite.name,
            server: ps.server,
            transport: ps.config.transport,
            target: describeTarget(ps.config),
            serverInfo: mcp.serverInfo(connection.id),
            diagnostics: [],
            cases,
            ...(portability ? { portability } : {}),
            startedAt,
            durationMs: Date.now() - startedAt.getTime(),
        });
    }
    // Stderr is read after the server stopped, so its last words are in the report. A second
    // copy no rule took (the server spoke another era, or never connected) is stopped too.
    await Promise.all([mcp.disconnect(connection.id), secondCopy?.stop()]);
    const stderr = mcp.stderr(connection.id);
    const diagnostics = mcp.diagnostics(connection.id);
    const auth = mcp.authentication(connection.id);
    connection.suites.forEach((ps, i) => {
        const result: SuiteResult = { ...pending[i]!, diagnostics, ...(stderr ? { stderr } : {}), ...(auth ? { auth } : {}) };
        state.results.set(ps, result);
        state.options.listener?.onSuiteEnd?.(result);
    });
}

/** A connected session, or the outcome every check of the server gets because it could not connect. */
type Opened = { session: ServerSession; blocked?: undefined } | { session?: undefined; blocked: CaseOutcome };

async function openSession(connection: PlannedConnection, state: RunState, timeoutMs: number): Promise<Opened> {
    const { mcp, signal } = state;
    try {
        await mcp.connect(connection.id, { signal });
        const tools = await mcp.listTools(connection.id, { signal });
        return { session: new ServerSession(mcp, connection.id, tools, timeoutMs, signal) };
    } catch (error) {
        return { blocked: classifyRequestError(error, 'tools/list', timeoutMs, signal) };
    }
}

/** The outcome of a check that does not run (interrupted, unselected, after --bail, server down); undefined when it runs. */
function withoutRunning(planned: PlannedCase, state: RunState, blocked: CaseOutcome | undefined): CaseRun | undefined {
    if (state.signal.aborted) return { outcome: interrupted(state), attempts: 1 };
    if (planned.skip) return { outcome: { status: 'skipped', reason: planned.skip }, attempts: 1 };
    if (state.bailed) return { outcome: { status: 'skipped', reason: 'not run: --bail stopped the run after a failure' }, attempts: 1 };
    return blocked ? { outcome: blocked, attempts: 1 } : undefined;
}

function interrupted(state: RunState): CaseOutcome {
    return { status: 'skipped', reason: `not run: the run was interrupted (${state.options.interruptReason?.() ?? 'SIGINT'})` };
}

/** Runs one planned check. Never throws: a bug in a check is reported as that check's error. */
async function runCase(planned: PlannedCase, ctx: CaseContext): Promise<CaseRun> {
    try {
        const { action } = planned;
        switch (action.kind) {
            case 'call':
                return await runCall(action.call, action.test, ctx);
            case 'resources.read':
                return await runResourceRead(action.read, action.test, ctx);
            case 'prompts.get':
                return await runPromptGet(action.get, action.test, ctx);
            default:
                return { outcome: await runSimpleCase(action, ctx), attempts: 1 };
        }
    } catch (error) {
        const message = `internal error while checking: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`;
        return { outcome: { status: 'errored', error: { kind: 'runtime.internal', message } }, attempts: 1 };
    }
}

async function runSimpleCase(action: Exclude<CaseAction, { kind: 'call' | 'resources.read' | 'prompts.get' }>, ctx: CaseContext): Promise<CaseOutcome> {
    const { tools } = ctx.session;
    switch (action.kind) {
        case 'server.requires':
            return checkRequiredCapability(action.capability, ctx);
        case 'server.info':
            return checkServerInfo(action.expect, ctx);
        case 'tools.exact':
            return exactly('tool', action.names, [...tools.keys()], listingCut(ctx, 'tools/list'));
        case 'tools.expect':
            return checkToolMetadata(action.expect, ctx);
        case 'tools.include':
        case 'tools.exclude':
            return unlisted('tool', action.tool, [...tools.keys()], action.kind === 'tools.include', listingCut(ctx, 'tools/list'));
        case 'resources.exact':
            return checkResourcesExactly(action.names, ctx);
        case 'prompts.exact':
            return checkPromptsExactly(action.names, ctx);
        case 'lint':
            return runLintRule(action.rule, action.config, action.server, ctx);
        case 'protocol':
            return runProtocolRule(action.rule, action.level, action.config, ctx);
        case 'resources.include':
        case 'resources.exclude':
            return checkResourceListed(action.uri, action.kind === 'resources.include', ctx);
        case 'prompts.include':
        case 'prompts.exclude':
            return checkPromptListed(action.prompt, action.kind === 'prompts.include', ctx);
        case 'snapshot':
            return runSnapshotCase(action.file, action.key, action.clients, ctx);
        case 'probe':
            return runProbeCase(action.probe, ctx);
    }
}

/** The capabilities the entries of one suite require of its server. */
function requiredBy(ps: PlannedSuite): ReadonlySet<string> {
    return new Set(ps.suite.tests.filter((t) => t.server === ps.server).flatMap((t) => (t.requires ?? []).map((r) => r.name)));
}

/** Each matrix's servers in the order its test entry lists them. */
function matrixOrder(plan: RunPlan): Map<string, readonly string[]> {
    const order = new Map<string, readonly string[]>();
    for (const ps of plan.suites) {
        for (const test of ps.suite.tests) {
            if (test.matrix) order.set(matrixKey(ps.suite.file, test.matrix.id), test.matrix.servers);
        }
    }
    return order;
}

function withDefaultTimeout(config: ServerConfig, timeoutMs: number | undefined): ServerConfig {
    return timeoutMs === undefined || config.timeoutMs !== undefined ? config : { ...config, timeoutMs };
}
