/**
 * The parsed, validated spec: what the rest of the pipeline works with. Raw YAML never
 * leaves `src/load/`; durations are milliseconds, transports are resolved, `${VAR}`s are
 * interpolated, and every item keeps the location it was written at.
 */
import type { SourceLocation } from '../errors.js';
import type { ServerConfig } from '../connect/types.js';
import type { ClientId } from '../assert/lint/portability/clients.js';

/** A path into the spec document, e.g. `['tests', 0, 'calls', 1, 'expect', 'text']`. */
export type SpecPath = readonly (string | number)[];

/** One loaded spec file. */
export interface Suite {
    /** The file as the user named it (relative paths stay relative, for readable reports). */
    file: string;
    /** `name:` from the spec, or the file name when absent. */
    name: string;
    servers: Record<string, ServerSpec>;
    tests: TestSpec[];
    /** Values to redact from every output: `secrets:` plus the secrets of the servers, less `public:` values. */
    secrets: string[];
    /** Secrets too short or common to redact cleanly, by where they are (never what). */
    warnings: string[];
    /** Maps a path in this spec to where it was written; falls back to the nearest existing parent. */
    locate(path: SpecPath): SourceLocation;
}

export interface ServerSpec {
    /** The server's name in reports: as written, or `name@revision` for each revision of a `protocol:` list. */
    name: string;
    /** The name written under `servers:`, when `name` is one of its revisions. */
    declaredAs?: string;
    config: ServerConfig;
    /** Where the server was declared: in the spec, or in the file it was imported from (`$import`). */
    loc: SourceLocation;
}

/**
 * Selection keys, shared by test entries and their calls, reads and gets. The spec loader only
 * records them; the runner applies them together with `--grep`, `--tag` and `--exclude-tag`.
 */
export interface Selection {
    /**
     * Resolved: on a call, read or get, its entry's tags followed by its own; no duplicates.
     * Names match `^[A-Za-z0-9_.:-]+$`.
     */
    tags: string[];
    /**
     * `only: true` as written on this item; absent otherwise. An entry's `only` is not copied
     * to its calls, reads and gets: the runner treats it as focusing all of them.
     */
    only?: boolean;
    /**
     * Why this item is skipped (`skip: true` becomes "skipped in the spec"); absent when it is
     * not. As written on this item: an entry's `skip` is not copied to its calls, reads and gets.
     */
    skip?: string;
}

/** One entry of `tests:`: a server and what it must do. */
export interface TestSpec extends Selection {
    server: string;
    path: SpecPath;
    loc: SourceLocation;
    tools?: ToolsContract;
    calls: CallSpec[];
    resources?: ResourcesContract;
    prompts?: PromptsContract;
    /** Automatic lint of listed tools; on unless `lint: false`. */
    lint: LintConfig;
    /** Checks against the MCP revision the server speaks; on unless `protocol: false`. */
    protocol: ProtocolChecksConfig;
    /** Defaults for every call/read/get of this test entry. */
    defaults: { maxDurationMs?: number };
    /**
     * Set when the entry named several servers (`server: [a, b]` or a `group:`): the loader
     * makes one `TestSpec` per server, all with the same matrix id, so reports can compare them.
     */
    matrix?: { id: string; servers: string[] };
    /** `snapshot: <file>`: the server's surface must have no breaking change against this file. */
    snapshot?: { file: string; loc: SourceLocation };
    /** `probe: true | { tools, runs, seed }`: schema-driven calls to read-only tools. */
    probe?: ProbeSpec;
    /** `requires:` capabilities the server must declare; their checks fail rather than skip without them. */
    requires?: NameRef[];
    /** `serverInfo:` what the server must say about itself. */
    serverInfo?: ServerInfoExpectations;
    /** `client.sampling` of the entry, then of its server: the first whose `when` holds answers. */
    sampling?: SamplingRule[];
}

/** One `client.sampling` entry: the reply to a `sampling/createMessage` request that `when` matches. */
export interface SamplingRule {
    /** On the text of the request's messages (text items joined with newlines); absent: any request. */
    when?: Matcher;
    /** A `CreateMessageResult`: `role`, `content`, `model` and `stopReason` filled in when not given. */
    reply: Record<string, unknown>;
}

/** `serverInfo:` matchers on the handshake's answer; `capabilities` is a partial match. */
export interface ServerInfoExpectations {
    name?: Matcher;
    version?: Matcher;
    instructions?: Matcher;
    protocolVersion?: Matcher;
    capabilities?: Record<string, unknown>;
    path: SpecPath;
    loc: SourceLocation;
}

/** `exact:` — every name listed, and no other. */
export interface ExactNames {
    names: string[];
    loc: SourceLocation;
}

export interface ProbeSpec {
    /** Tools to probe besides those annotated `readOnlyHint: true`; never any other tool. */
    tools: string[];
    /** Tools never to probe, read-only or not. */
    exclude?: string[];
    /** The server coerces types: wrong-type values it would convert are not sent as invalid. */
    acceptCoercion?: boolean;
    runs?: number;
    seed?: number;
    loc: SourceLocation;
}

/** A tool name under `tools.include` / `tools.exclude`, with where it was written. */
export interface ToolName {
    name: string;
    loc: SourceLocation;
}

export interface ToolsContract {
    include: ToolName[];
    exclude: ToolName[];
    exact?: ExactNames;
    /** `expect:` by tool name. */
    expect?: ToolExpectations[];
}

/** `tools.expect.<name>`: matchers on title and description, partial matches on the rest. */
export interface ToolExpectations {
    tool: string;
    title?: Matcher;
    description?: Matcher;
    annotations?: Record<string, unknown>;
    inputSchema?: Record<string, unknown>;
    outputSchema?: Record<string, unknown>;
    path: SpecPath;
    loc: SourceLocation;
}

/** JSON types a `type:` matcher accepts; `integer` is a number without a fraction. */
export type JsonTypeName = 'string' | 'number' | 'integer' | 'boolean' | 'object' | 'array' | 'null';

/**
 * One matcher, parsed. A bare value in YAML is `equals`; an object whose keys are all matcher
 * names combines those matchers (all must hold); any other object is a deep `equals`.
 * `path` is where the matcher key was written, so a failure can point at it.
 */
export type Matcher = (
    | { op: 'equals'; value: unknown }
    | { op: 'contains'; value: unknown }
    /** `flags`: some of `i`, `m`, `s` (JavaScript's meaning), absent when none were given. */
    | { op: 'matches'; pattern: string; flags?: string }
    | { op: 'startsWith' | 'endsWith'; value: string }
    | { op: 'gt' | 'gte' | 'lt' | 'lte'; value: number | string }
    | { op: 'type'; value: JsonTypeName }
    | { op: 'length'; matcher: Matcher }
    | { op: 'exists'; value: boolean }
    | { op: 'oneOf'; values: unknown[] }
    | { op: 'not'; matcher: Matcher }
    | { op: 'all' | 'any'; matchers: Matcher[] }
    /** A string holding JSON, parsed, then each check run on it (`$` for a matcher on the whole value). */
    | { op: 'parseJson'; checks: JsonPathCheck[] }
) & { path: SpecPath };

/** `json:` entries: a JSONPath and the matcher its value(s) must satisfy. */
export interface JsonPathCheck {
    jsonPath: string;
    matcher: Matcher;
}

/** `schema:` — an inline JSON Schema or one loaded from a file (resolved relative to the spec file). */
export interface SchemaAssertion {
    schema: unknown;
    /** The file it came from, when it was not inline. */
    file?: string;
    path: SpecPath;
}

/** One entry of `content:`, checked against the content item at the same index. */
export interface ContentItemCheck {
    type?: string;
    text?: Matcher;
    mimeType?: Matcher;
    /** A resource link's `uri` and `name`. */
    uri?: Matcher;
    name?: Matcher;
    /** On the decoded size in bytes of an image's or audio's `data`. */
    dataSize?: Matcher;
    /** Partial deep matches on an embedded resource and on the item's annotations. */
    resource?: unknown;
    annotations?: unknown;
    path: SpecPath;
}

/** `content:` — its items are checked in order; a shorter list is a prefix unless `exact`. */
export interface ContentChecks {
    items: ContentItemCheck[];
    /** The result must have exactly as many items as listed. */
    exact: boolean;
    path: SpecPath;
}

/** Expectations every check with a result shares: calls, reads and gets. */
export interface ResultExpectations {
    /** Over the whole result, the same root as `capture:` (e.g. `$.content[1].uri`). */
    result?: JsonPathCheck[];
    /** A negative check: the server must reject it. */
    rejects?: boolean;
    schema?: SchemaAssertion;
    json?: JsonPathCheck[];
    maxDurationMs?: number;
}

/**
 * Assertions on a tool call's result. Absent keys are not checked. `json` and `schema` look
 * at `structuredContent`, else at the first text item parsed as JSON; `rejects` (a negative
 * call, no Ajv pre-check) passes on a JSON-RPC error or `isError`.
 */
export interface Expectations extends ResultExpectations {
    isError?: boolean;
    text?: Matcher;
    /** Partial deep match (matchers inside); extra keys in the result are fine. */
    structuredContent?: unknown;
    content?: ContentChecks;
    /** What the server must have sent while the call ran. */
    notifications?: NotificationExpectations;
}

/** `expect.notifications`: progress on the call, log messages and list changes that arrived while it ran. */
export interface NotificationExpectations {
    progress?: { count?: Matcher; complete?: boolean; path: SpecPath };
    /** Each must match at least one log message; an empty list means none may arrive. */
    logs?: LogExpectation[];
    /** Lists whose change must have been announced; an empty list means none may be. */
    listChanged?: { lists: ('tools' | 'resources' | 'prompts')[]; path: SpecPath };
    path: SpecPath;
}

export interface LogExpectation {
    level?: Matcher;
    logger?: Matcher;
    /** On `data`: a string as it is, anything else as JSON text. */
    text?: Matcher;
    path: SpecPath;
}

/** `retry:` — re-run the call until its assertions hold. */
export interface RetryPolicy {
    /** Attempts after the first. */
    count: number;
    intervalMs: number;
}

export interface CallSpec extends Selection {
    /** `name:` as written; reports use it verbatim. */
    name?: string;
    tool: string;
    /** May contain `${{ captures.NAME }}` strings, resolved at run time. */
    args: Record<string, unknown>;
    /** Answers to what the server may ask during the call (elicitations), by input name. */
    inputs?: Record<string, unknown>;
    /** Per-call timeout override, in ms. */
    timeoutMs?: number;
    expect: Expectations;
    /** Capture name → JSONPath over the call result. */
    capture?: Record<string, string>;
    retry?: RetryPolicy;
    /** Path of this call in the spec; assertion locations are resolved below it. */
    path: SpecPath;
    loc: SourceLocation;
}

/** Expectations on a `resources/read` result; `json` and `schema` look at the text contents parsed as JSON. */
export interface ResourceExpectations extends ResultExpectations {
    mimeType?: Matcher;
    text?: Matcher;
    /** On the decoded size in bytes of blob contents. */
    blobSize?: Matcher;
}

export interface ResourceReadSpec extends Selection {
    name?: string;
    /** May contain `${{ captures.NAME }}`. */
    uri: string;
    expect: ResourceExpectations;
    capture?: Record<string, string>;
    retry?: RetryPolicy;
    path: SpecPath;
    loc: SourceLocation;
}

export interface ResourcesContract {
    include: NameRef[];
    exclude: NameRef[];
    exact?: ExactNames;
    read: ResourceReadSpec[];
    path: SpecPath;
}

/** Expectations on a `prompts/get` result; `json` and `schema` look at the messages' text parsed as JSON. */
export interface PromptExpectations extends ResultExpectations {
    /** On the `messages` array (e.g. `{ length: { gte: 1 } }`). */
    messages?: Matcher;
    /** On all text content of all messages, joined with newlines. */
    text?: Matcher;
}

export interface PromptGetSpec extends Selection {
    name?: string;
    prompt: string;
    /** Prompt arguments are strings; may contain `${{ captures.NAME }}`. */
    args: Record<string, string>;
    expect: PromptExpectations;
    capture?: Record<string, string>;
    retry?: RetryPolicy;
    path: SpecPath;
    loc: SourceLocation;
}

export interface PromptsContract {
    include: NameRef[];
    exclude: NameRef[];
    exact?: ExactNames;
    get: PromptGetSpec[];
    path: SpecPath;
}

export type LintLevel = 'error' | 'warn' | 'off';

/** `lint.budget`: limits on the size of the tool list; a key that is set turns its budget on. */
export interface LintBudget {
    /** Most tools the server may list. */
    tools?: number;
    /** Most estimated tokens the whole `tools/list` answer may take. @default 20000 (once portability is on) */
    tokens?: number;
    /** Most bytes the whole `tools/list` answer may take. */
    bytes?: number;
    /** Most characters one tool description may have. @default 2048 (once portability is on) */
    description?: number;
}

/** A family of rules a test entry configures (`lint:`, `protocol:`): `false` turns it off; rules map a rule id to its level. */
export interface RuleSetConfig {
    enabled: boolean;
    rules: Record<string, LintLevel>;
    loc: SourceLocation;
}

/**
 * `lint:` — a rule set, plus `clients`, the clients the tool list must load in (portability
 * rules), and `budget`, which limits its size.
 */
export interface LintConfig extends RuleSetConfig {
    /** In report order; empty: no portability rule runs. */
    clients: ClientId[];
    budget: LintBudget;
}

/** `protocol:` on a test entry (not the server's `protocol:`, which picks the revision). */
export type ProtocolChecksConfig = RuleSetConfig;

/** A name with where it was written (resource URIs, prompt names). */
export type NameRef = ToolName;
