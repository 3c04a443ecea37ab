/**
 * The shape of spec data once it has passed the JSON Schema and the semantic checks: what
 * normalisation may rely on. Values are as written (durations unparsed, scalars not yet strings).
 */
import type { ClientId } from '../assert/lint/portability/clients.js';
import type { ProtocolChoice, Revision } from '../connect/protocol.js';
import type { LintBudget, LintLevel } from './types.js';

export type Scalar = string | number | boolean;
export type Duration = string | number;

export interface RawStart {
    command: string;
    args?: Scalar[];
    env?: Record<string, Scalar>;
    cwd?: string;
    timeout?: Duration;
    ready?: { url?: string; status?: number; log?: string };
}

/** `client:` — what mcp-check, as the client, offers the server and answers it. */
export interface RawClient {
    roots?: (string | { uri: string; name?: string })[];
    sampling?: { when?: unknown; reply: string | Record<string, unknown> }[];
}

/** One server as the schema and semantic checks guarantee it. */
export interface RawServer extends Omit<RawStart, 'command' | 'ready'> {
    transport?: 'stdio' | 'sse' | 'streamable_http';
    client?: RawClient;
    /** Which tests name it (`server: <group>`); not a connection setting, so not in its config. */
    group?: string;
    command?: string;
    url?: string;
    headers?: Record<string, Scalar>;
    sse_read_timeout?: Duration;
    max_total_timeout?: Duration;
    max_pages?: number;
    max_message_size?: number | string;
    start?: RawStart;
    protocol?: ProtocolChoice | Revision[];
    auth?: RawAuth;
}

/** `auth:` of an HTTP server, as the schema allows it (exactly one method). */
export interface RawAuth {
    bearer?: string;
    client_credentials?: {
        client_id: string;
        client_secret?: string;
        private_key_jwt?: { key: string; alg?: string };
        scope?: string;
        resource?: string;
        issuer?: string;
    };
    refresh_token?: string;
    client_id?: string;
    client_secret?: string;
    scope?: string;
    resource?: string;
    issuer?: string;
    tool_scopes?: Record<string, string>;
}

export interface RawExpect {
    isError?: boolean;
    rejects?: boolean;
    maxDuration?: Duration;
    text?: unknown;
    json?: Record<string, unknown>;
    schema?: unknown;
    result?: Record<string, unknown>;
    content?: RawContentItem[] | { items: RawContentItem[]; exact?: boolean };
    structuredContent?: unknown;
    notifications?: {
        progress?: { count?: unknown; complete?: boolean };
        logs?: { level?: unknown; logger?: unknown; text?: unknown }[];
        listChanged?: ListName[];
    };
}

/** One entry of `expect.content`. */
export interface RawContentItem {
    type?: string;
    text?: unknown;
    mimeType?: unknown;
    uri?: unknown;
    name?: unknown;
    dataSize?: unknown;
    resource?: unknown;
    annotations?: unknown;
}

/** What reads and gets share with calls: a negative check, a schema and checks over the whole result. */
export interface RawCheckExpect {
    rejects?: boolean;
    schema?: unknown;
    result?: Record<string, unknown>;
    json?: Record<string, unknown>;
    text?: unknown;
    maxDuration?: Duration;
}

/** The lists a server can announce changes of. */
export type ListName = 'tools' | 'resources' | 'prompts';

/** `tags`, `only` and `skip` as the schema allows them. */
export interface RawSelection {
    tags?: string[];
    only?: boolean;
    skip?: boolean | string;
}

export interface RawCall extends RawSelection {
    name?: string;
    tool: string;
    args?: Record<string, unknown>;
    inputs?: Record<string, unknown>;
    timeout?: Duration;
    capture?: Record<string, string>;
    retry?: { count: number; interval?: Duration };
    expect?: RawExpect;
}

export interface RawRead extends RawSelection {
    name?: string;
    uri: string;
    capture?: Record<string, string>;
    retry?: RawCall['retry'];
    expect?: RawCheckExpect & { mimeType?: unknown; blobSize?: unknown };
}

export interface RawGet extends RawSelection {
    name?: string;
    prompt: string;
    args?: Record<string, Scalar>;
    capture?: Record<string, string>;
    retry?: RawCall['retry'];
    expect?: RawCheckExpect & { messages?: unknown };
}

export interface RawNames {
    include?: string[];
    exclude?: string[];
    exact?: string[];
}

/** `tools.expect.<name>` as the schema allows it. */
export interface RawToolExpect {
    title?: unknown;
    description?: unknown;
    annotations?: Record<string, unknown>;
    inputSchema?: Record<string, unknown>;
    outputSchema?: Record<string, unknown>;
}

/** `lint:` or `protocol:` on a test entry. */
export type RawRuleSet = boolean | { rules?: Record<string, LintLevel> };

export interface RawTest extends RawSelection {
    /** A server, a group, or a list of servers and groups. */
    server: string | string[];
    snapshot?: string;
    probe?: boolean | { tools?: string[]; exclude?: string[]; acceptCoercion?: boolean; runs?: number; seed?: number };
    defaults?: { maxDuration?: Duration };
    lint?: boolean | { rules?: Record<string, LintLevel>; clients?: 'all' | ClientId[]; budget?: LintBudget };
    protocol?: RawRuleSet;
    requires?: string[];
    client?: RawClient;
    serverInfo?: { name?: unknown; version?: unknown; instructions?: unknown; protocolVersion?: unknown; capabilities?: Record<string, unknown> };
    tools?: RawNames & { expect?: Record<string, RawToolExpect> };
    calls?: RawCall[];
    resources?: RawNames & { read?: RawRead[] };
    prompts?: RawNames & { get?: RawGet[] };
}

/** The shape the schema and semantic checks guarantee. */
export interface RawSpec {
    name?: string;
    secrets?: string[];
    public?: string[];
    servers: Record<string, RawServer>;
    tests: RawTest[];
}


// Everything a test entry's parts need to become typed.
