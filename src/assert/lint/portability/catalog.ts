/**
 * The portability rules and budgets as data: what each demands, which clients it protects and
 * how badly each breaks, the fix, and the public sources it was written from with the date it
 * was last checked against them. Planning, `--list-rules` and the docs read this; the checks
 * themselves live in `rules/` and load with the runner.
 */
import type { LintBudget } from '../../../load/types.js';
import { CLIENT_IDS, levelForBlast, worstBlast, type BlastRadius, type ClientId } from './clients.js';

/** When the rules below were last checked against their sources. */
export const VERIFIED = '2026-12-05';

/** Where the docs explain every rule; findings link to `<DOCS>#<rule id>`. */
export const PORTABILITY_DOCS = 'docs/portability.md';

/** One public source of a rule: an issue thread or a documentation page, and what it shows. */
export interface RuleSource {
    url: string;
    /** The client it is evidence for; absent when it concerns the rule as a whole. */
    client?: ClientId;
    /** What the source shows, in a few words. */
    shows: string;
}

/** A portability rule or budget, as data. */
export interface PortabilityRuleInfo {
    /** Stable id: specs name it under `lint.rules`, cases are `lint: <id>`. */
    id: string;
    /** `client`: a per-client rule; `budget`: a limit on the size of the tool list. */
    kind: 'client' | 'budget';
    /** One line on what the rule demands. */
    summary: string;
    /** The clients the rule protects, and what happens in each when it is broken. */
    targets: Partial<Record<ClientId, BlastRadius>>;
    /** One line on how to fix a finding. */
    fix: string;
    sources: readonly RuleSource[];
    /** `YYYY-MM-DD`: when the rule was last checked against its sources. */
    verified: string;
    /** Where the evidence is thin, and why; absent when several independent sources agree. */
    thin?: string;
    /** Budgets: the `lint.budget` key that sets the limit; setting it turns the budget on without clients. */
    budgetKey?: keyof LintBudget;
}

const STRICT = { 'openai-strict': 'request fails', 'anthropic-strict': 'request fails' } as const;

/** Every portability rule and budget, in the order reports list them. */
export const PORTABILITY_CATALOG: readonly PortabilityRuleInfo[] = Object.freeze([
    {
        id: 'name-charset',
        kind: 'client',
        summary: 'tool names use only A-Z a-z 0-9 _ - (no ".", "/", ":" or spaces); Gemini also wants a letter or "_" first',
        targets: { openai: 'request fails', 'openai-strict': 'request fails', anthropic: 'request fails', 'anthropic-strict': 'request fails', gemini: 'request fails', 'claude-code': 'request fails' },
        fix: 'rename the tool with "_" or "-" in place of ".", "/", ":" and spaces (e.g. notes.search → notes_search), starting with a letter',
        sources: [
            { url: 'https://github.com/openai/codex/issues/8174', client: 'openai', shows: 'Codex: every request 400s on dotted MCP tool names (pattern ^[a-zA-Z0-9_-]+$)' },
            { url: 'https://github.com/modelcontextprotocol/csharp-sdk/issues/679', client: 'openai', shows: 'OpenAI rejects tools[0].function.name with a dot or space' },
            { url: 'https://github.com/github/copilot-cli/issues/1879', client: 'anthropic', shows: 'Claude API: tools.N.custom.name must match ^[a-zA-Z0-9_-]{1,128}$; "." and "/" fail every prompt' },
            { url: 'https://github.com/microsoft/wassette/issues/56', client: 'claude-code', shows: 'Claude Code stops running any command while a tool name has ":", "/" or "."' },
            { url: 'https://github.com/wonderwhy-er/DesktopCommanderMCP/issues/79', client: 'gemini', shows: 'Gemini: a function name must start with a letter or "_"; a-z A-Z 0-9 _ . - only' },
        ],
        verified: VERIFIED,
    },
    {
        id: 'name-length',
        kind: 'client',
        summary: 'tool names fit every client: 64 characters (OpenAI, Gemini), 128 (Claude API), 60 with the server name (Cursor), 64 as mcp__<server>__<tool> (Claude Code)',
        targets: { openai: 'request fails', 'openai-strict': 'request fails', anthropic: 'request fails', 'anthropic-strict': 'request fails', gemini: 'request fails', cursor: 'tool dropped', 'claude-code': 'request fails' },
        fix: 'shorten the tool name (and keep server names in client configs short): a name of at most 64 - 7 - len(server) characters fits everywhere',
        sources: [
            { url: 'https://platform.openai.com/docs/api-reference/chat/create', client: 'openai', shows: 'function names: a-z A-Z 0-9 _ -, at most 64 characters' },
            { url: 'https://github.com/BerriAI/litellm/issues/12543', client: 'gemini', shows: 'Gemini rejects function names over 64 characters' },
            { url: 'https://github.com/github/copilot-cli/issues/1879', client: 'anthropic', shows: 'the Claude API allows 1–128 characters (it used to be 64)' },
            { url: 'https://www.reddit.com/r/mcp/comments/1mcf0ig/whats_the_maximum_length_of_a_tool_name/', client: 'cursor', shows: 'Cursor warns when server name + tool name exceed 60 characters' },
            { url: 'https://easymanage.com/res/docs/tutorials/ai-solutions/chapter-3-mcp-advanced', client: 'cursor', shows: 'Cursor: server name + tool name must be at most 60 characters' },
            { url: 'https://github.com/mims-harvard/ToolUniverse/issues/65', client: 'claude-code', shows: 'Claude Code names tools mcp__<server>__<tool>; over 64 characters the API answers 400' },
            { url: 'https://github.com/anthropics/claude-code/issues/22327', client: 'claude-code', shows: 'tool_reference names over 64 characters make the conversation fail' },
        ],
        verified: VERIFIED,
        thin: 'Cursor: no Cursor documentation or issue found, only a tutorial and a forum thread; whether the tool is dropped or only warned about is not established.',
    },
    {
        id: 'root-type-object',
        kind: 'client',
        summary: 'the root of every inputSchema says type: "object"',
        targets: { openai: 'request fails', 'openai-strict': 'request fails', anthropic: 'request fails', 'anthropic-strict': 'request fails', cursor: 'server dropped', 'claude-code': 'server dropped' },
        fix: 'give the input schema type: "object" at the root and put the arguments under properties',
        sources: [
            { url: 'https://github.com/vercel/ai/issues/7005', client: 'openai', shows: 'OpenAI: schema must be a JSON Schema of type "object", got type "None"' },
            { url: 'https://github.com/openai/openai-agents-python/pull/4151', client: 'openai', shows: 'the Agents SDK requires an object root for MCP tools' },
            { url: 'https://github.com/lightweight-component/aj-mcp/issues/4', client: 'claude-code', shows: 'clients that parse tools/list with the TypeScript SDK reject the whole list over one tool without an object schema' },
        ],
        verified: VERIFIED,
        thin: 'Claude API, Cursor and Claude Code: inferred from the TypeScript SDK\'s tools/list schema (inputSchema.type is the literal "object") and one report against a zod-based client; no report names Cursor.',
    },
    {
        id: 'root-composition',
        kind: 'client',
        summary: 'no anyOf, oneOf or allOf at the root of an inputSchema',
        targets: { 'openai-strict': 'request fails', anthropic: 'request fails', 'anthropic-strict': 'request fails', cursor: 'request fails', 'claude-code': 'tool dropped' },
        fix: 'move the alternatives into a property, or list every property at the root and say "one of a or b" in the description',
        sources: [
            { url: 'https://github.com/anthropics/claude-code/issues/40075', client: 'anthropic', shows: 'Claude API: input_schema does not support oneOf, allOf, or anyOf at the top level (400)' },
            { url: 'https://github.com/langchain-ai/langchain/issues/39271', client: 'anthropic', shows: 'the same 400 for every request after an MCP server added a root anyOf' },
            { url: 'https://github.com/makenotion/notion-mcp-server/issues/341', client: 'anthropic', shows: 'a hosted MCP server breaks Claude clients with a root oneOf/anyOf' },
            { url: 'https://github.com/anthropics/claude-code/issues/95504', client: 'claude-code', shows: 'Claude Code now drops such tools silently instead of failing' },
            { url: 'https://platform.openai.com/docs/guides/structured-outputs#supported-schemas', client: 'openai-strict', shows: 'strict mode: the root must be an object and must not be anyOf' },
            { url: 'https://github.com/code-yeongyu/senpi/issues/952', client: 'cursor', shows: 'Cursor\'s backend rejects a whole request over any anyOf/oneOf/allOf' },
        ],
        verified: VERIFIED,
        thin: 'Cursor: one report, from a third-party client talking to Cursor\'s backend, not from the Cursor editor.',
    },
    {
        id: 'nested-composition',
        kind: 'client',
        summary: 'no anyOf, oneOf or allOf below the root of an inputSchema (Cursor)',
        targets: { cursor: 'request fails' },
        fix: 'replace the union by one type (e.g. a string with an enum, or an object whose optional properties cover the cases)',
        sources: [{ url: 'https://github.com/code-yeongyu/senpi/issues/952', client: 'cursor', shows: 'A/B test: one tool with oneOf, anyOf or allOf anywhere makes the request fail; not, enums and bounds pass' }],
        verified: VERIFIED,
        thin: 'one report, from a third-party client talking to Cursor\'s backend; the Cursor editor may rewrite schemas before sending them.',
    },
    {
        id: 'type-array',
        kind: 'client',
        summary: 'type is one string, never a list such as ["string", "null"] (what zod .nullable(), Go and .NET SDKs emit)',
        targets: { gemini: 'request fails' },
        fix: 'use one type and make the property optional instead of nullable (zod: .optional() rather than .nullable())',
        sources: [
            { url: 'https://github.com/n8n-io/n8n/issues/15553', client: 'gemini', shows: 'Gemini: Proto field is not repeating, cannot start list, for every type list' },
            { url: 'https://github.com/github/copilot-cli/issues/4623', client: 'gemini', shows: 'one .NET SDK tool with type ["object","null"] fails every Gemini request' },
            { url: 'https://github.com/netease-lcap/wave-agent/pull/284', client: 'gemini', shows: 'a client works around 400s from Gemini on type lists' },
        ],
        verified: VERIFIED,
    },
    {
        id: 'ref-defs',
        kind: 'client',
        summary: 'no $ref, $defs or definitions (what Pydantic emits for nested models)',
        targets: { gemini: 'request fails' },
        fix: 'inline the referenced schemas (Pydantic: dereference the model schema before publishing it)',
        sources: [
            { url: 'https://github.com/google-gemini/gemini-cli/issues/13326', client: 'gemini', shows: 'Gemini CLI: 400 "reference to undefined schema" for $defs from the Python SDK' },
            { url: 'https://github.com/anomalyco/opencode/issues/12295', client: 'gemini', shows: 'Gemini rejects $ref next to other keys' },
            { url: 'https://github.com/DEEIX-AI/DEEIX-Chat/issues/546', client: 'gemini', shows: '$ref items are lost on the way to Gemini: "items: missing field"' },
        ],
        verified: VERIFIED,
    },
    {
        id: 'schema-key',
        kind: 'client',
        summary: 'no $schema key in an inputSchema (the v1 TypeScript SDK adds draft-07 to every tool)',
        targets: { gemini: 'request fails' },
        fix: 'drop $schema from published tool schemas (MCP assumes 2020-12 anyway)',
        sources: [
            { url: 'https://github.com/pydantic/pydantic-ai/issues/1250', client: 'gemini', shows: 'Gemini chokes on $schema in MCP tool schemas' },
            { url: 'https://github.com/promptfoo/promptfoo/pull/4200', client: 'gemini', shows: 'Vertex: Invalid JSON payload received. Unknown name "$schema"' },
        ],
        verified: VERIFIED,
    },
    {
        id: 'openapi-keywords',
        kind: 'client',
        summary: 'only keywords that Gemini\'s OpenAPI 3.0 subset knows: no const, propertyNames, patternProperties, if/then/else, prefixItems, dependent*, unevaluated*, numeric exclusiveMinimum/Maximum, …',
        targets: { gemini: 'request fails' },
        fix: 'express the constraint with OpenAPI 3.0 keywords (const → a one-value enum; exclusiveMinimum: 0 → minimum) or say it in the description',
        sources: [
            { url: 'https://github.com/zendev-sh/zenflow/issues/14', client: 'gemini', shows: 'Unknown name "propertyNames" / "exclusiveMinimum": Cannot find field' },
            { url: 'https://github.com/zed-industries/zed/issues/45552', client: 'gemini', shows: 'Unknown name "const": Cannot find field' },
            { url: 'https://github.com/danny-avila/LibreChat/issues/13845', client: 'gemini', shows: 'FunctionDeclaration.parameters is an OpenAPI-style subset; parametersJsonSchema would take full JSON Schema' },
        ],
        verified: VERIFIED,
        thin: 'clients that send parametersJsonSchema instead of parameters are not affected; which clients do is not documented. additionalProperties is not flagged: reports conflict and strict modes require it.',
    },
    {
        id: 'enum-strings',
        kind: 'client',
        summary: 'enum values are strings',
        targets: { gemini: 'request fails' },
        fix: 'use string values in the enum (e.g. ["1", "2"]) and a string type, or drop the enum and state the values in the description',
        sources: [
            { url: 'https://github.com/anomalyco/opencode/issues/12784', client: 'gemini', shows: 'Invalid value at …enum[0] (TYPE_STRING), 1' },
            { url: 'https://github.com/microsoft/azure-devops-mcp/issues/139', client: 'gemini', shows: 'Gemini CLI fails on numeric enum values of an MCP server' },
            { url: 'https://github.com/diegosouzapw/OmniRoute/pull/760', client: 'gemini', shows: 'enum: only allowed for STRING type' },
        ],
        verified: VERIFIED,
    },
    {
        id: 'array-items',
        kind: 'client',
        summary: 'every type: "array" schema has items',
        targets: { openai: 'request fails', 'openai-strict': 'request fails', gemini: 'request fails', 'vscode-copilot': 'request fails' },
        fix: 'give the array an items schema, e.g. items: { type: "string" }',
        sources: [
            { url: 'https://github.com/apify/apify-mcp-server/issues/36', client: 'openai', shows: 'OpenAI: Invalid schema for function: array schema missing items' },
            { url: 'https://github.com/ogx-ai/ogx/issues/3004', client: 'openai', shows: 'the same 400 from the Chat Completions API' },
            { url: 'https://github.com/microsoft/vscode/issues/246119', client: 'vscode-copilot', shows: 'Failed to validate tool …: tool parameters array type must have items' },
            { url: 'https://github.com/microsoft/vscode/issues/284536', client: 'vscode-copilot', shows: 'the same in VS Code 1.107' },
            { url: 'https://github.com/t8y2/dbx/issues/6233', client: 'gemini', shows: 'Gemini: …items: missing field' },
        ],
        verified: VERIFIED,
    },
    {
        id: 'boolean-schema',
        kind: 'client',
        summary: 'no true/false where a schema is expected (e.g. properties: { data: true }, what the Go SDK emits for interface{})',
        targets: { 'vscode-copilot': 'request fails', 'claude-code': 'server dropped' },
        fix: 'write {} (any value) or a real schema instead of true; remove properties that are false',
        sources: [
            { url: 'https://github.com/microsoft/vscode-copilot-release/issues/7531', client: 'vscode-copilot', shows: 'Failed to validate tool …: Cannot use \'in\' operator to search for \'type\' in true' },
            { url: 'https://github.com/wise-vision/ros2_mcp/issues/5', client: 'vscode-copilot', shows: 'the same error on every question once the server is enabled' },
            { url: 'https://github.com/modelcontextprotocol/inspector/issues/1005', client: 'claude-code', shows: 'Claude Code: Failed to fetch tools over a property that is true' },
        ],
        verified: VERIFIED,
        thin: 'Claude Code: one report (with the Go SDK); newer Claude Code versions may accept boolean subschemas.',
    },
    {
        id: 'required-array',
        kind: 'client',
        summary: 'required, where present, is an array of strings (never null)',
        targets: { anthropic: 'request fails', 'anthropic-strict': 'request fails', cursor: 'server dropped', 'claude-code': 'server dropped' },
        fix: 'omit required, or write required: [] — never required: null',
        sources: [
            { url: 'https://github.com/MervinPraison/PraisonAI/issues/3111', client: 'cursor', shows: 'Cursor discards the whole tool list when one tool has required: null' },
            { url: 'https://github.com/anthropics/claude-code/issues/44364', client: 'claude-code', shows: 'Claude Code rejects every tool of the server over one required: null' },
            { url: 'https://github.com/afrise/MCPSharp/issues/9', client: 'anthropic', shows: 'Claude API: input_schema must be valid JSON Schema 2020-12' },
        ],
        verified: VERIFIED,
        thin: 'Claude API: the documented demand is a valid 2020-12 schema; no report shows required: null itself.',
    },
    {
        id: 'strict-closed-objects',
        kind: 'client',
        summary: 'strict modes: every object schema has additionalProperties: false',
        targets: STRICT,
        fix: 'add additionalProperties: false to every object schema (zod: .strict(); Pydantic: extra="forbid")',
        sources: [
            { url: 'https://platform.openai.com/docs/guides/structured-outputs#supported-schemas', client: 'openai-strict', shows: 'additionalProperties: false must be set on every object' },
            { url: 'https://github.com/chattermate/chattermate.chat/pull/310', client: 'openai-strict', shows: 'one open object in an MCP tool makes every strict request 400' },
            { url: 'https://platform.claude.com/docs/en/build-with-claude/structured-outputs#json-schema-limitations', client: 'anthropic-strict', shows: 'strict tool use: objects need additionalProperties: false' },
            { url: 'https://github.com/crewAIInc/crewAI/pull/5388', client: 'anthropic-strict', shows: 'strict Anthropic tools without additionalProperties: false cause API errors' },
        ],
        verified: VERIFIED,
    },
    {
        id: 'strict-all-required',
        kind: 'client',
        summary: 'OpenAI strict mode: every property is listed in required (optional ones become nullable)',
        targets: { 'openai-strict': 'request fails' },
        fix: 'list every property in required and make the optional ones nullable (type: ["string", "null"]) — or do not target openai-strict',
        sources: [
            { url: 'https://platform.openai.com/docs/guides/structured-outputs#supported-schemas', client: 'openai-strict', shows: 'all fields must be required' },
            { url: 'https://github.com/MoonshotAI/kimi-cli/pull/2036', client: 'openai-strict', shows: 'tools with optional fields fail strict validation before any call' },
        ],
        verified: VERIFIED,
    },
    {
        id: 'strict-no-bounds',
        kind: 'client',
        summary: 'Claude strict tool use: no numeric or length bounds (minimum, maximum, multipleOf, minLength, maxLength, maxItems, minItems above 1, …)',
        targets: { 'anthropic-strict': 'request fails' },
        fix: 'drop the bound from the schema, say it in the description and check it in the tool',
        sources: [
            { url: 'https://platform.claude.com/docs/en/build-with-claude/structured-outputs#json-schema-limitations', client: 'anthropic-strict', shows: 'numerical and string-length constraints are not supported' },
            { url: 'https://github.com/UKGovernmentBEIS/inspect_ai/pull/4442', client: 'anthropic-strict', shows: 'strict schemas reject minimum, maximum, pattern and similar keywords' },
        ],
        verified: VERIFIED,
    },
    {
        id: 'strict-size',
        kind: 'client',
        summary: 'OpenAI strict mode: at most 10 levels of nested objects and 5,000 object properties per schema',
        targets: { 'openai-strict': 'request fails' },
        fix: 'flatten the schema (fewer nested objects) or split the tool',
        sources: [
            { url: 'https://platform.openai.com/docs/guides/structured-outputs#supported-schemas', client: 'openai-strict', shows: 'limits on nesting depth and total properties' },
            { url: 'https://github.com/tidyverse/ellmer/issues/671', client: 'openai-strict', shows: '"6 levels of nesting exceeds limit of 5" (the limit at the time)' },
            { url: 'https://community.openai.com/t/measuring-maximum-depth-and-object-properties-in-structured-outputs/918388', client: 'openai-strict', shows: 'how depth is counted is not documented' },
        ],
        verified: VERIFIED,
        thin: 'the limits were raised (5 levels / 100 properties earlier, 10 / 5,000 now) and how levels are counted is undocumented: mcp-check counts the root object as level 1.',
    },
    {
        id: 'tool-count',
        kind: 'budget',
        budgetKey: 'tools',
        summary: 'at most 128 tools (VS Code Copilot refuses a request with more), or lint.budget.tools when set',
        targets: { 'vscode-copilot': 'request fails' },
        fix: 'list fewer tools (merge similar ones, or split the server by task); the limit counts the tools of all servers together',
        sources: [
            { url: 'https://github.com/microsoft/vscode-copilot-release/issues/9894', client: 'vscode-copilot', shows: 'You may not include more than 128 tools in your request' },
            { url: 'https://github.com/microsoft/vscode/issues/258890', client: 'vscode-copilot', shows: 'Cannot have more than 128 tools per request' },
        ],
        verified: VERIFIED,
    },
    {
        id: 'tools-list-size',
        kind: 'budget',
        budgetKey: 'tokens',
        summary: 'the whole tools/list answer stays within a token budget (lint.budget.tokens, default 20,000; about 4 bytes a token) and lint.budget.bytes when set',
        targets: {},
        fix: 'shorten the biggest tools\' descriptions and schemas (they are named in the finding), or list fewer tools',
        sources: [
            { url: 'https://github.com/coleam00/Archon/issues/453', shows: 'every tool schema is sent with every request: a server\'s tools grew from 5k to 16k tokens of context' },
            { url: 'https://github.com/modelcontextprotocol/inspector/issues/1005', shows: 'the size of real tools/list answers across 617 servers' },
        ],
        verified: VERIFIED,
        thin: 'a budget, not a client limit: the default is a choice, and tokens are estimated (bytes / 4), not counted by a tokenizer.',
    },
    {
        id: 'description-length',
        kind: 'budget',
        budgetKey: 'description',
        summary: 'each tool description is at most lint.budget.description characters (default 2,048: Claude Code cuts longer ones)',
        targets: {},
        fix: 'put what the model must know first and shorten the description; move reference material to a resource',
        sources: [
            { url: 'https://github.com/anthropics/claude-code/issues/87650', shows: 'Claude Code silently truncates MCP tool descriptions at 2,048 characters' },
            { url: 'https://github.com/anthropics/claude-code/issues/41593', shows: 'the truncation hides most of a long description from the model' },
        ],
        verified: VERIFIED,
    },
] satisfies PortabilityRuleInfo[]);

/** The catalog entry of a rule, if `id` names a portability rule or budget. */
export function portabilityRuleInfo(id: string): PortabilityRuleInfo | undefined {
    return PORTABILITY_CATALOG.find((rule) => rule.id === id);
}

/** Whether portability checks run at all: the spec names a client or sets a budget. */
export function portabilityOn(settings: { clients: readonly ClientId[]; budget: LintBudget }): boolean {
    return settings.clients.length > 0 || Object.keys(settings.budget).length > 0;
}

/**
 * Whether a rule runs for these settings: a client rule when it protects one of the clients; a
 * budget when portability is on, unless it only guards clients that are not named (tool count)
 * and its own limit is not set.
 */
export function ruleApplies(rule: PortabilityRuleInfo, settings: { clients: readonly ClientId[]; budget: LintBudget }): boolean {
    const protects = settings.clients.some((client) => rule.targets[client] !== undefined);
    if (rule.kind === 'client') return protects;
    if (!portabilityOn(settings)) return false;
    return targetsOf(rule).length === 0 || protects || (rule.budgetKey !== undefined && settings.budget[rule.budgetKey] !== undefined);
}

/** A rule's default level for these clients: from the worst blast radius among them; budgets fail. */
export function portabilityLevel(rule: PortabilityRuleInfo, clients: readonly ClientId[]): 'error' | 'warn' {
    const worst = worstBlast(clients.flatMap((client) => rule.targets[client] ?? []));
    return worst === undefined ? 'error' : levelForBlast(worst);
}

/** The clients of a rule, in report order. */
export function targetsOf(rule: PortabilityRuleInfo): ClientId[] {
    return CLIENT_IDS.filter((client) => rule.targets[client] !== undefined);
}
