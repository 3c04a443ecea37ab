/**
 * Turns loaded suites into the list of checks to run, before anything is started. The plan
 * is what makes "nothing planned disappears from a report" hold: every case exists up front,
 * and the runner only fills in outcomes.
 */
import type { ServerConfig } from '../connect/types.js';
import { LINT_CATALOG } from '../assert/lint/catalog.js';
import { orderClients, type ClientId } from '../assert/lint/portability/clients.js';
import { PORTABILITY_CATALOG, portabilityLevel, ruleApplies } from '../assert/lint/portability/catalog.js';
import { PROTOCOL_CATALOG, mayApply } from '../protocol/catalog.js';
import type {
    CallSpec,
    LintConfig,
    LintLevel,
    ProbeSpec,
    PromptGetSpec,
    ResourceReadSpec,
    RuleSetConfig,
    ServerInfoExpectations,
    Suite,
    TestSpec,
    ToolExpectations,
} from '../load/types.js';
import type { CaseInfo } from './result.js';

export type CaseAction =
    | { kind: 'server.requires'; capability: string }
    | { kind: 'server.info'; expect: ServerInfoExpectations }
    | { kind: 'tools.exact' | 'resources.exact' | 'prompts.exact'; names: string[] }
    | { kind: 'tools.expect'; expect: ToolExpectations }
    | { kind: 'tools.include'; tool: string }
    | { kind: 'tools.exclude'; tool: string }
    | { kind: 'call'; call: CallSpec; test: TestSpec }
    | { kind: 'lint'; rule: string; level: Exclude<LintLevel, 'off'>; config: LintConfig; server: string }
    | { kind: 'protocol'; rule: string; level: Exclude<LintLevel, 'off'>; config: ServerConfig }
    | { kind: 'resources.include' | 'resources.exclude'; uri: string }
    | { kind: 'resources.read'; read: ResourceReadSpec; test: TestSpec }
    | { kind: 'prompts.include' | 'prompts.exclude'; prompt: string }
    | { kind: 'prompts.get'; get: PromptGetSpec; test: TestSpec }
    | { kind: 'snapshot'; file: string; key: string; clients: readonly ClientId[] }
    | { kind: 'probe'; probe: ProbeSpec };

export interface PlannedCase {
    info: CaseInfo;
    action: CaseAction;
    /** Set when the check is planned but not to run; the reason it is reported as skipped. */
    skip?: string;
    /** The test entry it belongs to; none for the per-server checks (schemas, lint, protocol). */
    test?: TestSpec;
    /** Tags of a per-server check, for `--tag` (checks of a test entry have the entry's). */
    tags?: string[];
}

/** One spec file × one server: becomes one report suite. */
export interface PlannedSuite {
    suite: Suite;
    server: string;
    /** Which connection serves it; equal configs share one connection across files. */
    connectionId: string;
    config: ServerConfig;
    cases: PlannedCase[];
    /** The server's lint settings in this file (general rules, portability clients and budgets). */
    lint?: LintConfig;
}

/** A server to connect once, and the suites it serves in order. */
export interface PlannedConnection {
    id: string;
    server: string;
    config: ServerConfig;
    suites: PlannedSuite[];
}

export interface RunPlan {
    connections: PlannedConnection[];
    /** In report order: spec files in the order given, servers in order of first use. */
    suites: PlannedSuite[];
}

/** Whether none of a connection's checks is selected: its server is then not started at all. */
export function isIdle(connection: PlannedConnection): boolean {
    return connection.suites.every((ps) => ps.cases.every((c) => c.skip));
}

/** Options of `planRun`. */
export interface PlanOptions {
    /** `--clients`: the portability targets of every server, in place of the specs' `lint.clients`. */
    clients?: readonly ClientId[];
}

/** Builds the run plan; connections are shared by servers whose resolved config is identical. */
export function planRun(suites: readonly Suite[], options: PlanOptions = {}): RunPlan {
    const connections = new Map<string, PlannedConnection>();
    const planned: PlannedSuite[] = [];
    for (const suite of suites) {
        const byServer = new Map<string, PlannedSuite>();
        for (const test of suite.tests) {
            let ps = byServer.get(test.server);
            if (!ps) {
                const spec = suite.servers[test.server]!;
                const connection = connectionFor(connections, test.server, spec.config);
                ps = { suite, server: test.server, connectionId: connection.id, config: spec.config, cases: [] };
                ps.lint = lintConfigFor(suite, test.server, options.clients);
                planLint(ps, suite, ps.lint);
                planProtocol(ps, suite, protocolConfigFor(suite, test.server));
                byServer.set(test.server, ps);
                connection.suites.push(ps);
                planned.push(ps);
            }
            planTest(ps, suite, test);
        }
    }
    return { connections: [...connections.values()], suites: planned };
}

function planTest(ps: PlannedSuite, suite: Suite, test: TestSpec): void {
    const add = (action: CaseAction, name: string, classSuffix: string, loc: CaseInfo['loc']) =>
        ps.cases.push(withTest(plannedCase(ps, suite, action, name, classSuffix, loc), test));
    for (const r of test.requires ?? []) add({ kind: 'server.requires', capability: r.name }, `declares capability ${r.name}`, 'server', r.loc);
    if (test.serverInfo) add({ kind: 'server.info', expect: test.serverInfo }, 'server info', 'server', test.serverInfo.loc);
    const exact = test.tools?.exact;
    if (exact) add({ kind: 'tools.exact', names: exact.names }, `lists exactly ${plural(exact.names.length, 'tool')}`, 'tools', exact.loc);
    for (const t of test.tools?.include ?? []) add({ kind: 'tools.include', tool: t.name }, `lists tool ${t.name}`, 'tools', t.loc);
    for (const t of test.tools?.exclude ?? []) add({ kind: 'tools.exclude', tool: t.name }, `does not list tool ${t.name}`, 'tools', t.loc);
    for (const e of test.tools?.expect ?? []) add({ kind: 'tools.expect', expect: e }, `tool ${e.tool} declares what the spec expects`, e.tool, e.loc);
    for (const call of test.calls) add({ kind: 'call', call, test }, call.name ?? defaultCallName(call), call.tool, call.loc);
    const { resources, prompts } = test;
    if (resources?.exact) add({ kind: 'resources.exact', names: resources.exact.names }, `lists exactly ${plural(resources.exact.names.length, 'resource')}`, 'resources', resources.exact.loc);
    for (const r of resources?.include ?? []) add({ kind: 'resources.include', uri: r.name }, `lists resource ${r.name}`, 'resources', r.loc);
    for (const r of resources?.exclude ?? []) add({ kind: 'resources.exclude', uri: r.name }, `does not list resource ${r.name}`, 'resources', r.loc);
    for (const read of resources?.read ?? []) add({ kind: 'resources.read', read, test }, read.name ?? `read ${read.uri}`, 'resources', read.loc);
    if (prompts?.exact) add({ kind: 'prompts.exact', names: prompts.exact.names }, `lists exactly ${plural(prompts.exact.names.length, 'prompt')}`, 'prompts', prompts.exact.loc);
    for (const p of prompts?.include ?? []) add({ kind: 'prompts.include', prompt: p.name }, `lists prompt ${p.name}`, 'prompts', p.loc);
    for (const p of prompts?.exclude ?? []) add({ kind: 'prompts.exclude', prompt: p.name }, `does not list prompt ${p.name}`, 'prompts', p.loc);
    if (test.probe) add({ kind: 'probe', probe: test.probe }, 'probe read-only tools', 'probe', test.probe.loc);
    // A multi-server entry shares one file: every server's surface is stored under the first's
    // name, so whichever writes it, the bytes are the same.
    const key = test.matrix?.servers[0] ?? test.server;
    if (test.snapshot) {
        // A change that newly breaks one of the server's target clients is breaking for the snapshot too.
        const clients = ps.lint?.clients ?? [];
        add({ kind: 'snapshot', file: test.snapshot.file, key, clients }, `snapshot ${test.snapshot.file}`, 'snapshot', test.snapshot.loc);
    }
    for (const get of prompts?.get ?? []) add({ kind: 'prompts.get', get, test }, get.name ?? `get prompt ${get.prompt}`, `prompts.${get.prompt}`, get.loc);
}

function withTest(planned: PlannedCase, test: TestSpec): PlannedCase {
    return { ...planned, test, info: test.matrix ? { ...planned.info, matrix: test.matrix.id } : planned.info };
}

/**
 * One lint case per rule that is not off, planned once per spec file and server: the general
 * rules, then the portability rules and budgets its clients and budgets call for.
 */
function planLint(ps: PlannedSuite, suite: Suite, config: LintConfig): void {
    if (!config.enabled) return;
    const portability = PORTABILITY_CATALOG.filter((rule) => ruleApplies(rule, config)).map((rule) => ({ id: rule.id, defaultLevel: portabilityLevel(rule, config.clients) }));
    for (const rule of [...LINT_CATALOG, ...portability]) {
        const level = config.rules[rule.id] ?? rule.defaultLevel;
        if (level === 'off') continue;
        ps.cases.push(plannedCase(ps, suite, { kind: 'lint', rule: rule.id, level, config, server: ps.server }, `lint: ${rule.id}`, 'lint', config.loc));
    }
}

/**
 * One case per protocol rule that is not off and may apply to the server (its transport, its
 * era when the revision is pinned), planned once per spec file and server, tagged `protocol`
 * for `--tag` / `--exclude-tag`.
 */
function planProtocol(ps: PlannedSuite, suite: Suite, config: RuleSetConfig): void {
    if (!config.enabled) return;
    for (const rule of PROTOCOL_CATALOG) {
        const level = config.rules[rule.id] ?? rule.defaultLevel;
        if (level === 'off' || !mayApply(rule, ps.config)) continue;
        const planned = plannedCase(ps, suite, { kind: 'protocol', rule: rule.id, level, config: ps.config }, `protocol: ${rule.id}`, 'protocol', config.loc);
        ps.cases.push({ ...planned, tags: ['protocol'] });
    }
}

/** A server's protocol settings in one file: off if any entry turns them off, rule levels merged in order. */
function protocolConfigFor(suite: Suite, server: string): RuleSetConfig {
    const configs = suite.tests.filter((t) => t.server === server).map((t) => t.protocol);
    return {
        enabled: configs.every((c) => c.enabled),
        rules: Object.assign({}, ...configs.map((c) => c.rules)) as RuleSetConfig['rules'],
        loc: configs.find((c) => Object.keys(c.rules).length > 0 || !c.enabled)?.loc ?? configs[0]!.loc,
    };
}

/**
 * A server's lint settings in one file: off if any entry turns it off, rule levels and budgets
 * merged in order, the clients of every entry (or those given on the command line).
 */
function lintConfigFor(suite: Suite, server: string, clients: readonly ClientId[] | undefined): LintConfig {
    const configs = suite.tests.filter((t) => t.server === server).map((t) => t.lint);
    const configured = (c: LintConfig) => Object.keys(c.rules).length > 0 || !c.enabled || c.clients.length > 0 || Object.keys(c.budget).length > 0;
    return {
        enabled: configs.every((c) => c.enabled),
        rules: Object.assign({}, ...configs.map((c) => c.rules)) as LintConfig['rules'],
        clients: orderClients(clients ?? configs.flatMap((c) => c.clients)),
        budget: Object.assign({}, ...configs.map((c) => c.budget)) as LintConfig['budget'],
        loc: configs.find(configured)?.loc ?? configs[0]!.loc,
    };
}

function connectionFor(connections: Map<string, PlannedConnection>, server: string, config: ServerConfig): PlannedConnection {
    const key = JSON.stringify(config);
    const existing = [...connections.values()].find((c) => c.server === server && JSON.stringify(c.config) === key);
    if (existing) return existing;
    // The id is what messages show, so it stays the server's name unless two files reuse the name.
    const taken = [...connections.values()].filter((c) => c.server === server).length;
    const connection: PlannedConnection = { id: taken ? `${server} (${taken + 1})` : server, server, config, suites: [] };
    connections.set(connection.id, connection);
    return connection;
}

function plannedCase(
    ps: PlannedSuite,
    suite: Suite,
    action: CaseAction,
    name: string,
    classSuffix: string,
    loc: CaseInfo['loc'],
): PlannedCase {
    const tool = action.kind === 'call' ? action.call.tool : action.kind === 'tools.include' || action.kind === 'tools.exclude' ? action.tool : undefined;
    return {
        info: {
            id: `${suite.file}#${ps.server}#${ps.cases.length}`,
            name,
            classname: `${ps.server}.${classSuffix}`,
            kind: action.kind,
            server: ps.server,
            tool,
            loc,
        },
        action,
    };
}

function plural(n: number, noun: string): string {
    return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

/** A readable name for a call the spec left unnamed: the tool and its arguments. */
function defaultCallName(call: CallSpec): string {
    const args = JSON.stringify(call.args);
    const shown = args.length > 60 ? `${args.slice(0, 57)}…` : args;
    return `${call.tool} ${shown}`;
}
