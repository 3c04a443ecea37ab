/**
 * Validated spec data to the typed `Suite`: transports resolved, durations in ms, scalar
 * env/header/arg values stringified, matchers parsed, schema files filled in, defaults filled
 * in, entries naming several servers expanded into one test per server. Only runs on data
 * that passed every check, so it can trust the shape.
 */
import { basename, dirname, isAbsolute, join } from 'node:path';
import { CLIENT_IDS, orderClients } from '../assert/lint/portability/clients.js';
import { parseMatcher } from './matcher.js';
import { clientConfig, serverVariants, toServers, type ProtocolSetting } from './normalize-server.js';
import type { ServerConfig } from '../connect/types.js';
import { formatPath } from './paths.js';
import type { Locator } from './positions.js';
import type { RawCall, RawCheckExpect, RawClient, RawExpect, RawRuleSet, RawSelection, RawSpec, RawTest, RawToolExpect } from './raw.js';
import type { SchemaFile } from './schema-files.js';
import { serverNames, serversNamed, type ServerNames } from './server-refs.js';
import type {
    CallSpec,
    ContentChecks,
    ContentItemCheck,
    ExactNames,
    Expectations,
    JsonPathCheck,
    Matcher,
    NameRef,
    PromptExpectations,
    PromptGetSpec,
    PromptsContract,
    ProbeSpec,
    ResourceExpectations,
    ResourceReadSpec,
    ResourcesContract,
    ResultExpectations,
    RetryPolicy,
    LintConfig,
    LogExpectation,
    NotificationExpectations,
    RuleSetConfig,
    SamplingRule,
    SchemaAssertion,
    ServerSpec,
    ServerInfoExpectations,
    ToolExpectations,
    SpecPath,
    Suite,
    TestSpec,
} from './types.js';
import { compact, ms, stringMap } from './values.js';

/** Wait between retries when `retry.interval` is not given. */
export const DEFAULT_RETRY_INTERVAL_MS = 500;

/** The reason recorded for `skip: true`. */
export const DEFAULT_SKIP_REASON = 'skipped in the spec';

interface Context {
    positions: Locator;
    /** Schemas read from files, by the path of the `schema:` naming them (see `schema-files.ts`). */
    schemaFiles: ReadonlyMap<string, SchemaFile>;
    /** What `server:` may name. */
    names: ServerNames;
    /** Each declared server's name → the servers it runs as (one per revision of a `protocol:` list). */
    variants: ReadonlyMap<string, readonly string[]>;
}

/** What the command line sets for every spec it loads. */
export interface SpecDefaults {
    /** `--protocol`: for servers whose spec names no `protocol:`. */
    protocol?: ProtocolSetting;
}

/** The client capability declared to a server whose calls answer questions (`inputs:`). */
const ANSWERS_QUESTIONS = { elicitation: { form: {} } };

/** Builds the typed suite from validated, interpolated data. */
export function toSuite(
    raw: RawSpec,
    file: string,
    positions: Locator,
    redaction: { secrets: string[]; warnings: string[] },
    schemaFiles: ReadonlyMap<string, SchemaFile> = new Map(),
    defaults: SpecDefaults = {},
): Suite {
    const servers = toServers(raw.servers, positions, defaults.protocol);
    const ctx: Context = { positions, schemaFiles, names: serverNames(raw.servers), variants: serverVariants(servers) };
    const tests = raw.tests.flatMap((test, index) => toTests(test, index, ctx));
    for (const test of tests) applyClient(servers[test.server]!, test, raw);
    return {
        file,
        name: raw.name ?? basename(file),
        servers,
        tests,
        secrets: redaction.secrets,
        warnings: redaction.warnings,
        locate: (path) => positions.locate(path),
    };
}

// One test per server the entry names, in the order named (groups in declaration order).
function toTests(test: RawTest, index: number, ctx: Context): TestSpec[] {
    const path = ['tests', index] as const;
    const servers = (typeof test.server === 'string' ? [test.server] : test.server).flatMap((name) => {
        const named = serversNamed(name, ctx.names);
        if (!named) throw new Error(`internal error: server ${JSON.stringify(name)} of ${formatPath(path)} passed the checks but is unknown`);
        return named.flatMap((server) => ctx.variants.get(server) ?? [server]);
    });
    // Only several servers make a matrix: a list or group of one has nothing to compare with.
    const id = servers.length > 1 ? formatPath(path) : undefined;
    const matrix = (): TestSpec['matrix'] => (id === undefined ? undefined : { id, servers: [...servers] });
    // Each test is built from its own copy of the entry, so no two share an object (`args`,
    // expected values): nothing done to one test's parts can show in another's.
    return servers.map((server, i) => toTest(i === 0 ? test : structuredClone(test), path, server, matrix(), ctx));
}

function toTest(test: RawTest, path: SpecPath, server: string, matrix: TestSpec['matrix'], ctx: Context): TestSpec {
    const { positions } = ctx;
    const tags = toTags([], test.tags);
    return compact<TestSpec>({
        server,
        ...selection(test, tags),
        path,
        loc: positions.locate(path),
        tools: test.tools && {
            include: names(test.tools.include, [...path, 'tools', 'include'], positions),
            exclude: names(test.tools.exclude, [...path, 'tools', 'exclude'], positions),
            ...exact(test.tools.exact, [...path, 'tools'], positions),
            ...(test.tools.expect ? { expect: toToolExpectations(test.tools.expect, [...path, 'tools', 'expect'], positions) } : {}),
        },
        requires: test.requires && names(test.requires, [...path, 'requires'], positions),
        serverInfo: test.serverInfo && toServerInfo(test.serverInfo, [...path, 'serverInfo'], positions),
        calls: (test.calls ?? []).map((call, i) => toCall(call, [...path, 'calls', i], tags, ctx)),
        resources: test.resources && toResources(test.resources, [...path, 'resources'], tags, ctx),
        prompts: test.prompts && toPrompts(test.prompts, [...path, 'prompts'], tags, ctx),
        lint: toLint(test.lint, path, positions),
        protocol: toRuleSet(test.protocol, 'protocol', path, positions),
        // Not copied into each call: the runner applies it where `maxDuration` is not given.
        defaults: compact<TestSpec['defaults']>({ maxDurationMs: ms(test.defaults?.maxDuration) }),
        matrix,
        snapshot: test.snapshot === undefined ? undefined : toSnapshot(test.snapshot, path, positions),
        probe: toProbe(test.probe, path, positions),
        sampling: test.client?.sampling && toSampling(test.client.sampling, [...path, 'client', 'sampling']),
    });
}

/**
 * What a test entry needs of its server's client: the roots and capabilities of its `client:`
 * and of its calls' `inputs:` join the server's config, and the server's `client.sampling`
 * answers after the entry's own.
 */
function applyClient(server: ServerSpec, test: TestSpec, raw: RawSpec): void {
    const fromTest = clientConfig(raw.tests[Number(test.path[1])]!.client);
    const answers = test.calls.some((call) => call.inputs) ? ANSWERS_QUESTIONS : {};
    const capabilities = { ...server.config.clientCapabilities, ...fromTest.clientCapabilities, ...answers };
    // A fresh object: a server's protocol variants started from one config.
    const { clientCapabilities: _, ...config } = server.config;
    server.config = { ...config, ...mergedRoots(server.config.roots, fromTest.roots), ...(Object.keys(capabilities).length ? { clientCapabilities: capabilities } : {}) };
    const declaredAs = server.declaredAs ?? test.server;
    const sampling = raw.servers[declaredAs]?.client?.sampling;
    if (sampling) test.sampling = [...(test.sampling ?? []), ...toSampling(sampling, ['servers', declaredAs, 'client', 'sampling'])];
}

// A reply given as text is the assistant saying it.
function toSampling(rules: NonNullable<RawClient['sampling']>, path: SpecPath): SamplingRule[] {
    return rules.map((rule, i) => {
        const reply = typeof rule.reply === 'string' ? { content: { type: 'text', text: rule.reply } } : rule.reply;
        return compact<SamplingRule>({
            when: optionalMatcher(rule.when, [...path, i, 'when']),
            reply: { role: 'assistant', model: 'mcp-check', stopReason: 'endTurn', ...reply },
        });
    });
}

// Each root once, by URI: several entries may offer the same folder.
function mergedRoots(own: ServerConfig['roots'], more: ServerConfig['roots']): Pick<ServerConfig, 'roots'> {
    if (!more) return own ? { roots: own } : {};
    const roots = [...(own ?? [])];
    for (const root of more) if (!roots.some((r) => r.uri === root.uri)) roots.push(root);
    return { roots };
}

// `exact:` as written, located at its key; nothing when it is not written.
function exact(list: string[] | undefined, contractPath: SpecPath, positions: Locator): { exact?: ExactNames } {
    return list ? { exact: { names: [...list], loc: positions.locateKey(contractPath, 'exact') } } : {};
}

function toToolExpectations(raw: Record<string, RawToolExpect>, path: SpecPath, positions: Locator): ToolExpectations[] {
    return Object.entries(raw).map(([tool, expect]) => {
        const at = [...path, tool];
        return compact<ToolExpectations>({
            tool,
            title: optionalMatcher(expect.title, [...at, 'title']),
            description: optionalMatcher(expect.description, [...at, 'description']),
            annotations: expect.annotations,
            inputSchema: expect.inputSchema,
            outputSchema: expect.outputSchema,
            path: at,
            loc: positions.locateKey(path, tool),
        });
    });
}

function toServerInfo(raw: NonNullable<RawTest['serverInfo']>, path: SpecPath, positions: Locator): ServerInfoExpectations {
    return compact<ServerInfoExpectations>({
        name: optionalMatcher(raw.name, [...path, 'name']),
        version: optionalMatcher(raw.version, [...path, 'version']),
        instructions: optionalMatcher(raw.instructions, [...path, 'instructions']),
        protocolVersion: optionalMatcher(raw.protocolVersion, [...path, 'protocolVersion']),
        capabilities: raw.capabilities,
        path,
        loc: positions.locate(path),
    });
}

// The file resolves against the spec file's directory, and stays relative when the spec's
// path is (as `schema:` files do); it need not exist, since a missing snapshot gets written.
function toSnapshot(file: string, testPath: SpecPath, positions: Locator): NonNullable<TestSpec['snapshot']> {
    return { file: isAbsolute(file) ? file : join(dirname(positions.file), file), loc: positions.locateKey(testPath, 'snapshot') };
}

// `true` probes the read-only tools; an object may add or exclude tools, accept coercion, fix runs and seed.
function toProbe(probe: RawTest['probe'], testPath: SpecPath, positions: Locator): ProbeSpec | undefined {
    if (probe === undefined || probe === false) return undefined;
    const loc = positions.locateKey(testPath, 'probe');
    if (probe === true) return { tools: [], loc };
    return compact<ProbeSpec>({
        tools: [...new Set(probe.tools ?? [])],
        ...(probe.exclude?.length ? { exclude: [...new Set(probe.exclude)] } : {}),
        ...(probe.acceptCoercion ? { acceptCoercion: true } : {}),
        runs: probe.runs,
        seed: probe.seed,
        loc,
    });
}

// Inherited tags first, then the item's own; each once.
function toTags(inherited: readonly string[], own: readonly string[] | undefined): string[] {
    return [...new Set([...inherited, ...(own ?? [])])];
}

// The typed selection keys: `only` only when true, `skip` only when it skips.
function selection(raw: RawSelection, tags: string[]): { tags: string[]; only: true | undefined; skip: string | undefined } {
    const reason = typeof raw.skip === 'string' ? raw.skip.trim() : undefined;
    return {
        tags,
        only: raw.only === true ? true : undefined,
        // An empty reason does not skip, so `skip: ${SKIP_SLOW:-}` can be switched from outside.
        skip: raw.skip === true ? DEFAULT_SKIP_REASON : reason === '' ? undefined : reason,
    };
}

function names(list: string[] | undefined, path: SpecPath, positions: Locator): NameRef[] {
    return (list ?? []).map((name, i) => ({ name, loc: positions.locate([...path, i]) }));
}

// Absent or `true`: on with default levels, no clients. The location is the `lint` key, else the test.
function toLint(lint: RawTest['lint'], testPath: SpecPath, positions: Locator): LintConfig {
    const loc = lint === undefined ? positions.locate(testPath) : positions.locateKey(testPath, 'lint');
    if (lint === false) return { enabled: false, rules: {}, clients: [], budget: {}, loc };
    if (typeof lint !== 'object') return { enabled: true, rules: {}, clients: [], budget: {}, loc };
    const clients = lint.clients === 'all' ? [...CLIENT_IDS] : orderClients(lint.clients ?? []);
    return { enabled: true, rules: { ...lint.rules }, clients, budget: { ...lint.budget }, loc };
}

// Absent, `true` or an object: on, with default levels (like lint). `false`: off.
// The location is the key, else the test.
function toRuleSet(raw: RawRuleSet | undefined, key: 'protocol', testPath: SpecPath, positions: Locator): RuleSetConfig {
    const loc = raw === undefined ? positions.locate(testPath) : positions.locateKey(testPath, key);
    if (raw === false) return { enabled: false, rules: {}, loc };
    return { enabled: true, rules: typeof raw === 'object' ? { ...raw.rules } : {}, loc };
}

// The keys calls, reads and gets share (`text` aside, which each reads its own way).
function toResultExpectations(raw: RawCheckExpect, at: SpecPath, ctx: Context): ResultExpectations {
    return {
        rejects: raw.rejects,
        result: raw.result && toJsonChecks(raw.result, [...at, 'result']),
        json: raw.json && toJsonChecks(raw.json, [...at, 'json']),
        schema: raw.schema === undefined ? undefined : toSchema(raw.schema, [...at, 'schema'], ctx),
        maxDurationMs: ms(raw.maxDuration),
    };
}

function toRetry(raw: RawCall['retry']): RetryPolicy | undefined {
    return raw && { count: raw.count, intervalMs: ms(raw.interval) ?? DEFAULT_RETRY_INTERVAL_MS };
}

// A list is a prefix of the result's items; `{ items, exact: true }` is all of them.
function toContent(raw: NonNullable<RawExpect['content']>, path: SpecPath): ContentChecks {
    const list = Array.isArray(raw) ? raw : raw.items;
    const itemsPath = Array.isArray(raw) ? path : [...path, 'items'];
    const items = list.map((item, i) => {
        const itemPath = [...itemsPath, i];
        return compact<ContentItemCheck>({
            type: item.type,
            text: optionalMatcher(item.text, [...itemPath, 'text']),
            mimeType: optionalMatcher(item.mimeType, [...itemPath, 'mimeType']),
            uri: optionalMatcher(item.uri, [...itemPath, 'uri']),
            name: optionalMatcher(item.name, [...itemPath, 'name']),
            dataSize: optionalMatcher(item.dataSize, [...itemPath, 'dataSize']),
            resource: item.resource,
            annotations: item.annotations,
            path: itemPath,
        });
    });
    return { items, exact: !Array.isArray(raw) && raw.exact === true, path };
}

function toCall(call: RawCall, path: SpecPath, inherited: readonly string[], ctx: Context): CallSpec {
    const raw = call.expect ?? {};
    const at = [...path, 'expect'];
    const expect = compact<Expectations>({
        ...toResultExpectations(raw, at, ctx),
        isError: raw.isError,
        text: optionalMatcher(raw.text, [...at, 'text']),
        content: raw.content && toContent(raw.content, [...at, 'content']),
        notifications: raw.notifications && toNotifications(raw.notifications, [...at, 'notifications']),
    });
    // `structuredContent: null` is a real expectation, so copy by presence, not by value.
    if ('structuredContent' in raw) expect.structuredContent = raw.structuredContent;
    return compact<CallSpec>({
        name: call.name,
        tool: call.tool,
        ...selection(call, toTags(inherited, call.tags)),
        args: call.args ?? {},
        inputs: call.inputs,
        timeoutMs: ms(call.timeout),
        expect,
        capture: call.capture && { ...call.capture },
        retry: toRetry(call.retry),
        path,
        loc: ctx.positions.locate(path),
    });
}

function toNotifications(raw: NonNullable<RawExpect['notifications']>, path: SpecPath): NotificationExpectations {
    const { progress, logs, listChanged } = raw;
    return compact<NotificationExpectations>({
        progress: progress && compact({ count: optionalMatcher(progress.count, [...path, 'progress', 'count']), complete: progress.complete, path: [...path, 'progress'] }),
        logs: logs?.map((log, i) => {
            const logPath = [...path, 'logs', i];
            return compact<LogExpectation>({
                level: optionalMatcher(log.level, [...logPath, 'level']),
                logger: optionalMatcher(log.logger, [...logPath, 'logger']),
                text: optionalMatcher(log.text, [...logPath, 'text']),
                path: logPath,
            });
        }),
        listChanged: listChanged && { lists: [...listChanged], path: [...path, 'listChanged'] },
        path,
    });
}

function toSchema(raw: unknown, path: SpecPath, ctx: Context): SchemaAssertion {
    if (typeof raw !== 'string') return { schema: raw, path };
    const loaded = ctx.schemaFiles.get(formatPath(path));
    if (!loaded) throw new Error(`internal error: the schema file of ${formatPath(path)} was not loaded`);
    return { schema: loaded.schema, file: loaded.file, path };
}

function toResources(raw: NonNullable<RawTest['resources']>, path: SpecPath, inherited: readonly string[], ctx: Context): ResourcesContract {
    return {
        include: names(raw.include, [...path, 'include'], ctx.positions),
        exclude: names(raw.exclude, [...path, 'exclude'], ctx.positions),
        ...exact(raw.exact, path, ctx.positions),
        read: (raw.read ?? []).map((read, i): ResourceReadSpec => {
            const readPath = [...path, 'read', i];
            const expect = read.expect ?? {};
            const at = [...readPath, 'expect'];
            return compact<ResourceReadSpec>({
                name: read.name,
                uri: read.uri,
                ...selection(read, toTags(inherited, read.tags)),
                expect: compact<ResourceExpectations>({
                    ...toResultExpectations(expect, at, ctx),
                    mimeType: optionalMatcher(expect.mimeType, [...at, 'mimeType']),
                    text: optionalMatcher(expect.text, [...at, 'text']),
                    blobSize: optionalMatcher(expect.blobSize, [...at, 'blobSize']),
                }),
                capture: read.capture && { ...read.capture },
                retry: toRetry(read.retry),
                path: readPath,
                loc: ctx.positions.locate(readPath),
            });
        }),
        path,
    };
}

function toPrompts(raw: NonNullable<RawTest['prompts']>, path: SpecPath, inherited: readonly string[], ctx: Context): PromptsContract {
    return {
        include: names(raw.include, [...path, 'include'], ctx.positions),
        exclude: names(raw.exclude, [...path, 'exclude'], ctx.positions),
        ...exact(raw.exact, path, ctx.positions),
        get: (raw.get ?? []).map((get, i): PromptGetSpec => {
            const getPath = [...path, 'get', i];
            const expect = get.expect ?? {};
            const at = [...getPath, 'expect'];
            return compact<PromptGetSpec>({
                name: get.name,
                prompt: get.prompt,
                ...selection(get, toTags(inherited, get.tags)),
                // Prompt arguments are strings; YAML reads `count: 3` as a number.
                args: stringMap(get.args) ?? {},
                expect: compact<PromptExpectations>({
                    ...toResultExpectations(expect, at, ctx),
                    messages: optionalMatcher(expect.messages, [...at, 'messages']),
                    text: optionalMatcher(expect.text, [...at, 'text']),
                }),
                capture: get.capture && { ...get.capture },
                retry: toRetry(get.retry),
                path: getPath,
                loc: ctx.positions.locate(getPath),
            });
        }),
        path,
    };
}

function toJsonChecks(json: Record<string, unknown>, path: SpecPath): JsonPathCheck[] {
    return Object.entries(json).map(([jsonPath, raw]) => ({ jsonPath, matcher: toMatcher(raw, [...path, jsonPath]) }));
}

// `text: null` is a matcher too (equals null); only an absent key means "not checked".
function optionalMatcher(raw: unknown, path: SpecPath): Matcher | undefined {
    return raw === undefined ? undefined : toMatcher(raw, path);
}

function toMatcher(raw: unknown, path: SpecPath): Matcher {
    const parsed = parseMatcher(raw, path);
    // The semantic checks parsed the same matcher and reported its problems.
    if ('errors' in parsed) throw new Error(`internal error: matcher ${formatPath(path)} passed the checks but does not parse`);
    return parsed.matcher;
}
