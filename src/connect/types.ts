/**
 * Typed server configurations, after the spec loader resolved defaults, durations and
 * `${VAR}` interpolation. The connector accepts these directly, so programmatic users
 * never need a YAML file.
 */

export type TransportKind = 'stdio' | 'sse' | 'streamable_http';

import type { AuthConfig } from './auth/types.js';
import type { ProtocolChoice } from './protocol.js';

/** Options shared by every transport. */
export interface CommonServerConfig {
    /** Timeout for connecting (including the handshake) and for each request, in ms. @default 30000 */
    timeoutMs?: number;
    /** Which protocol revision to speak; `auto` discovers it. @default 'auto' */
    protocol?: ProtocolChoice;
    /** What `roots/list` answers, e.g. `[{ uri: 'file:///work', name: 'work' }]`; `addServer` declares the `roots` capability for them. */
    roots?: { uri: string; name?: string }[];
    /** What the client declares it can do, e.g. `{ elicitation: { form: {} } }` when calls answer questions. @default {} */
    clientCapabilities?: Record<string, unknown>;
    /** How long progress notifications may keep one request alive, in ms. @default 10 × the request's timeout */
    maxTotalTimeoutMs?: number;
    /** Pages of one list read before listing stops (noted in the report). @default 1000 */
    maxPages?: number;
    /** Largest message accepted from the server (a stdout line, an inflated HTTP body), in bytes. @default 64 MB */
    maxMessageBytes?: number;
}

/** The largest message accepted from a server unless its config says otherwise. */
export const DEFAULT_MAX_MESSAGE_BYTES = 64 * 1024 * 1024;

/** A server started as a child process and spoken to over stdin/stdout. */
export interface StdioServerConfig extends CommonServerConfig {
    transport: 'stdio';
    command: string;
    args?: string[];
    /** Merged over the SDK's default (safe) environment. */
    env?: Record<string, string>;
    /** Working directory of the child; relative paths resolve against the current directory. */
    cwd?: string;
}

/** A command the runner starts before connecting to an HTTP server, and stops afterwards. */
export interface StartCommand {
    command: string;
    args?: string[];
    env?: Record<string, string>;
    cwd?: string;
    /** How long to wait for the server to be ready. @default 30000 */
    readyTimeoutMs?: number;
    /** What tells that the server is ready; by default, its URL's port accepts TCP connections. */
    ready?: Readiness;
}

/** A readiness test named in the spec: a URL answering a GET with a status, or a line of output. */
export type Readiness = { url: string; status: number } | { log: string };

/** A server reached over HTTP: legacy SSE or Streamable HTTP. */
export interface HttpServerConfig extends CommonServerConfig {
    transport: 'sse' | 'streamable_http';
    url: string;
    headers?: Record<string, string>;
    /** How long an SSE stream may stay silent before it counts as dead, in ms. */
    sseReadTimeoutMs?: number;
    start?: StartCommand;
    /** How to authenticate (the spec's `auth:`); its Authorization header replaces one in `headers`. */
    auth?: AuthConfig;
}

export type ServerConfig = StdioServerConfig | HttpServerConfig;

/** Default connect and request timeout, in ms. */
export const DEFAULT_TIMEOUT_MS = 30_000;

/** What a server said about itself during the handshake (`initialize` or `server/discover`). */
export interface ServerInfo {
    name: string;
    version: string;
    /** The revision spoken on this connection, e.g. `2026-07-28` or `2025-11-25`. */
    protocolVersion: string;
    /** 2026-07-28: every revision the server offers, as `server/discover` listed them. */
    supportedVersions?: string[];
    capabilities: Record<string, unknown>;
    instructions?: string;
    connectedAt: Date;
}

/** Where a server lives, for messages: the command line or the URL. */
export function describeTarget(config: ServerConfig): string {
    return config.transport === 'stdio' ? [config.command, ...(config.args ?? [])].map(shellWord).join(' ') : config.url;
}

/**
 * One word as a POSIX shell reads it back: plain when it has only safe characters, else in
 * single quotes, so a target pasted into a shell runs no `$(...)` and splits where it should.
 */
export function shellWord(word: string): string {
    return /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replaceAll("'", `'\\''`)}'`;
}
