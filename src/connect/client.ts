/**
 * The universal connector: one object that connects to any number of MCP servers over
 * stdio, SSE or Streamable HTTP, each exactly once, in the protocol era each one speaks
 * (2026-07-28 or the 2025 era; see handshake.ts). A request channel of our own carries every
 * request (see request-channel.ts for why); the SDK provides the HTTP transports of 2025.
 * The runner uses it; users can import it for their own scripts.
 *
 * @example
 * const mcp = new UniversalMCPClient();
 * mcp.addServer('weather', { transport: 'stdio', command: 'node', args: ['weather.js'] });
 * const tools = await mcp.listTools('weather'); // connects first
 * await mcp.close();
 */
import type { Transport } from '@modelcontextprotocol/sdk/shared/transport.js';
import { ErrorCode, McpError, type CallToolResult, type JSONRPCMessage, type JSONRPCRequest } from '@modelcontextprotocol/sdk/types.js';
import { authSummaryOf } from './auth/authorized-fetch.js';
import type { AuthSummary } from './auth/types.js';
import { ConnectError, InputRequiredError, InvalidResultError, ServerGoneError } from '../errors.js';
import { describeConnectFailure } from './connect-failure.js';
import { handshake, type Link } from './handshake.js';
import { isJsonObject } from './json-rpc-message.js';
import { MessageTooLargeError } from './message-limit.js';
import { MODERN_REVISION, type Era } from './protocol.js';
import { describeExit, type ServerProcess } from './process.js';
import { RequestChannel, type ResultReader } from './request-channel.js';
import { isLocal, serverRpcErrorOf, stripErrorPrefix } from './rpc-errors.js';
import { withDeadline } from './deadline.js';
import { excerpt } from '../excerpt.js';
import { readCallToolResult, readResult } from './results.js';
import { answerServerRequest, clientAnswers, InputScope, unansweredInputs, type AskAnswerer, type ClientRoot } from './server-requests.js';
import { startServer } from './start.js';
import { ProcessStdioTransport } from './stdio-transport.js';
import { serverConfigOf, type NamedServerEntry, type ServerInput } from './server-config.js';
import { DEFAULT_TIMEOUT_MS, describeTarget, type ServerConfig, type ServerInfo, type TransportKind } from './types.js';

/** A tool exactly as the server listed it; nothing is validated, so one sloppy tool cannot hide the others. */
export interface ListedTool {
    name: string;
    /** The raw object from `tools/list`. */
    raw: Record<string, unknown>;
}

/** Options for one request. */
export interface CallOptions {
    /** Overrides the server's timeout, in ms. */
    timeoutMs?: number;
    signal?: AbortSignal;
    /**
     * Answers to what the server may ask during the request, by input name: sent back with
     * the retried request when a 2026-07-28 server answers `input_required`, and given in order
     * to a 2025-era server's `elicitation/create` requests.
     */
    inputs?: Record<string, unknown>;
    /**
     * Sees each notification the server sends while the request runs: its progress (this
     * request's only), and whatever else arrives meanwhile (log messages, list changes, …).
     */
    onNotification?: (notification: ServerNotice) => void;
    /**
     * Answers what the server asks the client during the request besides elicitations and
     * `roots/list` (the config's `roots`): `sampling/createMessage`. A request it leaves
     * unanswered fails the call (`InputRequiredError`) naming it.
     */
    answer?: AskAnswerer;
}

/** A notification from the server, as it arrived. */
export interface ServerNotice {
    method: string;
    params: Record<string, unknown>;
}

/** A request's answer exactly as the server gave it: a result, or a JSON-RPC error. */
export type RawAnswer = { result: unknown } | { error: { code: number; message: string; data?: unknown } };

/** Options of `rawRequest`. */
export interface RawRequestOptions extends Pick<CallOptions, 'timeoutMs' | 'signal' | 'onNotification'> {
    /** The request's whole `_meta`, in place of the one mcp-check sends (the 2026-07-28 envelope). */
    meta?: Record<string, unknown>;
}

/** A server's entry in `listServers()`. */
export interface ServerStatus {
    name: string;
    transport: TransportKind;
    target: string;
    state: 'idle' | 'connecting' | 'connected' | 'failed' | 'closed';
    info?: ServerInfo;
}

/** What one request of the connector takes: the caller's options, and (raw requests) a `_meta` of their own. */
type SendOptions = CallOptions & { envelope?: Record<string, unknown> };

interface Connection extends Link {
    transport: Transport;
    era?: Era;
    started?: ServerProcess;
    /** Calls in flight that declared `inputs:`, oldest first (2025 era: answers to elicitations). */
    scopes: InputScope[];
    /** Requests in flight that watch the server's notifications (`onNotification`). */
    watchers: Set<(notice: ServerNotice) => void>;
    /** What `roots/list` answers, whenever the server asks (the config's `roots`). */
    roots?: readonly ClientRoot[];
}

interface Entry {
    name: string;
    config: ServerConfig;
    /** A stdio server's process started ahead of `connect`, adopted by its transport. */
    launched?: ServerProcess;
    connecting?: Promise<ServerInfo>;
    connection?: Connection;
    info?: ServerInfo;
    failed?: boolean;
    /** Set once the connection is lost; later requests fail at once with it. */
    goneReason?: string;
    /** What mcp-check noticed about the server's protocol behaviour, for the report. */
    /** Each note with how often it happened, in order of first appearance (see `addNote`). */
    notes: Map<string, number>;
    /** The caching hints (`ttlMs`, `cacheScope`) of each list method's first page, where given. */
    cacheHints: Record<string, { ttlMs?: number; cacheScope?: string }>;
    /** Why a list method's last listing stopped before the server's last page, by method. */
    cut: Record<string, string>;
    /** The methods of the first requests the server sent the client, in order. */
    serverRequests: string[];
    closing?: Promise<void>;
}

/** Pages read of one list before mcp-check stops (a server whose cursors never end would loop for ever). */
export const DEFAULT_MAX_PAGES = 1000;

/** A server asking for input again and again would loop forever; real flows take one or two rounds. */
const MAX_INPUT_ROUNDS = 8;

export class UniversalMCPClient implements AsyncDisposable {
    private readonly entries = new Map<string, Entry>();

    /**
     * Registers a server; nothing is started until it is used. The config is checked like a
     * spec's `servers:` entry (`SpecErrors` when it is wrong): a `ServerConfig`, an `mcpServers`
     * entry, or `{ name, transport, command, args, env, cwd, url, headers, timeout, sse_read_timeout }`.
     * `launched` is for the CLI, which starts stdio servers before the connector has loaded:
     * the connection adopts that process.
     */
    addServer(server: NamedServerEntry): void;
    addServer(name: string, config: ServerInput, launched?: ServerProcess): void;
    addServer(nameOrServer: string | NamedServerEntry, input?: ServerInput, launched?: ServerProcess): void {
        const { name, config } = serverConfigOf(nameOrServer, input);
        if (this.entries.has(name)) throw new Error(`server "${name}" is already added`);
        if (launched && config.transport !== 'stdio') throw new Error(`server "${name}": only a stdio server can be launched ahead`);
        this.entries.set(name, { name, config, launched, notes: new Map(), cacheHints: {}, cut: {}, serverRequests: [] });
    }

    /** Every registered server and its state. */
    listServers(): ServerStatus[] {
        return [...this.entries.values()].map((e) => ({
            name: e.name,
            transport: e.config.transport,
            target: describeTarget(e.config),
            state: stateOf(e),
            info: e.info,
        }));
    }

    /**
     * Connects (once: later calls share the first attempt) and returns what the server said
     * about itself. A server that was disconnected, or failed to connect, is connected anew.
     */
    connect(name: string, options: { signal?: AbortSignal } = {}): Promise<ServerInfo> {
        const entry = this.entry(name);
        if (entry.closing) return this.reconnect(entry, options.signal);
        entry.connecting ??= this.open(entry, options.signal);
        return entry.connecting;
    }

    /** Stops the server if it runs and forgets it; the name can be added again. */
    async removeServer(name: string): Promise<void> {
        await this.disconnect(name);
        this.entries.delete(name);
    }

    /** What the server said about itself (`initialize` or `server/discover`), once connected. */
    serverInfo(name: string): ServerInfo | undefined {
        return this.entry(name).info;
    }

    /** How an HTTP server with `auth:` was authenticated (method, issuer, scopes; never a token). */
    authentication(name: string): AuthSummary | undefined {
        const { config } = this.entry(name);
        return config.transport === 'stdio' ? undefined : authSummaryOf(config);
    }

    /** The bounded tail of a server process's stderr (stdio servers and `start` commands). */
    stderr(name: string): string | undefined {
        const conn = this.entry(name).connection;
        const proc = conn?.transport instanceof ProcessStdioTransport ? conn.transport.process : conn?.started;
        return proc?.stderr.text();
    }

    /** Non-protocol output noticed on the connection, e.g. log lines on a stdio server's stdout. */
    diagnostics(name: string): string[] {
        const entry = this.entry(name);
        const transport = entry.connection?.transport;
        return [...(transport instanceof ProcessStdioTransport ? transport.diagnostics : []), ...counted(entry.notes)];
    }

    /** Lines on a stdio server's stdout that were not JSON-RPC messages (at most 20 are kept). */
    stdoutNoise(name: string): string[] {
        const transport = this.entry(name).connection?.transport;
        return transport instanceof ProcessStdioTransport ? [...transport.diagnostics] : [];
    }

    /** The `_meta` every request to the server carries: the 2026-07-28 envelope, or nothing on the 2025 era. */
    requestMeta(name: string): Record<string, unknown> {
        return { ...(this.entry(name).connection?.channel.envelope ?? {}) };
    }

    /** Sends one notification as given on the open connection (protocol checks). */
    async rawNotify(name: string, method: string, params: Record<string, unknown>): Promise<void> {
        const connection = this.entry(name).connection;
        if (!connection) throw new ServerGoneError(name, this.entry(name).goneReason ?? 'not connected');
        await connection.channel.notify(method, params);
    }

    /**
     * Sends one request as given and returns the answer unjudged: no result is validated, no
     * input round answered. A JSON-RPC error is an answer, not a throw; a timeout or a lost
     * connection throws. For protocol checks, which send odd requests on purpose.
     */
    async rawRequest(name: string, method: string, params: Record<string, unknown>, options: RawRequestOptions = {}): Promise<RawAnswer> {
        try {
            // Through `send`, so a 2025 session the server ended is renewed as for any request.
            return { result: await this.send(name, method, params, readAny, { timeoutMs: options.timeoutMs, signal: options.signal, envelope: options.meta, onNotification: options.onNotification }) };
        } catch (error) {
            const answer = serverRpcErrorOf(error);
            if (!answer) throw error;
            return { error: { code: answer.code, message: stripErrorPrefix(answer.message), ...(answer.data !== undefined ? { data: answer.data } : {}) } };
        }
    }

    /**
     * Lists every tool, following pagination cursors, without validating the tools. Without a
     * name: the tools of every added server, by server name (each connected first).
     */
    listTools(name: string, options?: CallOptions): Promise<ListedTool[]>;
    listTools(options?: CallOptions): Promise<Record<string, ListedTool[]>>;
    async listTools(nameOrOptions?: string | CallOptions, options: CallOptions = {}): Promise<ListedTool[] | Record<string, ListedTool[]>> {
        if (typeof nameOrOptions !== 'string') return listEveryServer([...this.entries.keys()], (name) => this.listTools(name, nameOrOptions));
        const tools = await this.listAll(nameOrOptions, 'tools/list', 'tools', options);
        const entry = this.entry(nameOrOptions);
        if (tools.length > 0 && entry.info && entry.info.capabilities.tools === undefined && ![...entry.notes.keys()].some((n) => n.startsWith(UNDECLARED_TOOLS))) {
            addNote(entry, `${UNDECLARED_TOOLS}: clients that follow the specification will not ask it for tools`);
        }
        return tools.map((raw) => ({ name: String(raw.name), raw }));
    }

    /** 2026-07-28 caching hints of the lists made so far, by method (e.g. `tools/list`). */
    cacheHints(name: string): Record<string, { ttlMs?: number; cacheScope?: string }> {
        return { ...this.entry(name).cacheHints };
    }

    /** Lists every resource (raw objects with at least `uri`), following cursors. */
    listResources(name: string, options: CallOptions = {}): Promise<Record<string, unknown>[]> {
        return this.listAll(name, 'resources/list', 'resources', options);
    }

    /** Lists every resource template, following cursors. */
    listResourceTemplates(name: string, options: CallOptions = {}): Promise<Record<string, unknown>[]> {
        return this.listAll(name, 'resources/templates/list', 'resourceTemplates', options);
    }

    /** Lists every prompt, following cursors. */
    listPrompts(name: string, options: CallOptions = {}): Promise<Record<string, unknown>[]> {
        return this.listAll(name, 'prompts/list', 'prompts', options);
    }

    /** Reads a resource; the result is returned as sent (`contents` with `text` or `blob` items). */
    readResource(name: string, uri: string, options: CallOptions = {}): Promise<Record<string, unknown>> {
        return this.request(name, 'resources/read', { uri }, readResult, options);
    }

    /** Gets a prompt with its arguments; the result is returned as sent (`messages`). */
    getPrompt(name: string, prompt: string, args: Record<string, string>, options: CallOptions = {}): Promise<Record<string, unknown>> {
        return this.request(name, 'prompts/get', { name: prompt, arguments: args }, readResult, options);
    }

    /** Collects a paginated list. Items are not validated: judging them is the caller's job. */
    private async listAll(name: string, method: string, key: string, options: CallOptions): Promise<Record<string, unknown>[]> {
        const entry = this.entry(name);
        const maxPages = entry.config.maxPages ?? DEFAULT_MAX_PAGES;
        const items: Record<string, unknown>[] = [];
        const seen = new Set<string>();
        let cursor: string | undefined;
        delete entry.cut[method];
        for (let page = 1; ; page++) {
            const result = await this.request(name, method, cursor ? { cursor } : {}, readResult, options);
            if (page === 1) noteCacheHint(entry, method, result);
            const listed = Array.isArray(result[key]) ? (result[key] as unknown[]) : [];
            for (const item of listed) {
                if (item && typeof item === 'object') items.push(item as Record<string, unknown>);
            }
            cursor = typeof result.nextCursor === 'string' ? result.nextCursor : undefined;
            if (!cursor) break;
            // A server whose cursors repeat or never end would loop for ever; what it listed so far is the answer, and reports say where it stopped.
            const reason = seen.has(cursor) ? `page ${page} of ${method} gave a cursor the server had given before` : page >= maxPages ? `${method} still had a next cursor after ${maxPages} pages (max_pages)` : undefined;
            if (reason) {
                entry.cut[method] = `${reason}; mcp-check stopped listing there, with ${items.length} items`;
                addNote(entry, entry.cut[method]);
                break;
            }
            seen.add(cursor);
        }
        return items;
    }

    /** How many progress notifications the server sent this client, and what they did wrong. */
    progressSeen(name: string): { seen: number; problems: readonly string[] } {
        return this.entry(name).connection?.channel.progress ?? { seen: 0, problems: [] };
    }

    /** How many requests the server answered, and where among them came answers to requests this client had cancelled. */
    answersSeen(name: string): { readonly taken: number; readonly afterCancel: readonly number[] } {
        return this.entry(name).connection?.channel.answers ?? { taken: 0, afterCancel: [] };
    }

    /** The methods of the requests the server has sent this client so far. */
    serverRequestsSeen(name: string): readonly string[] {
        return this.entry(name).serverRequests;
    }

    /** Why the last listing of `method` stopped before the server's last page, if it did. */
    listingCut(name: string, method: string): string | undefined {
        return this.entry(name).cut[method];
    }

    /** Calls a tool and returns its result as the server sent it (no output-schema check here). */
    async callTool(name: string, tool: string, args: Record<string, unknown>, options: CallOptions = {}): Promise<CallToolResult> {
        return this.request(name, 'tools/call', { name: tool, arguments: args }, readCallToolResult, options);
    }

    /** A request that may take several rounds: each `input_required` answer is retried with the declared inputs. */
    private async request<T>(name: string, method: string, params: Record<string, unknown>, read: (value: unknown) => T, options: CallOptions): Promise<T> {
        // A server added but never connected is connected by its first use.
        if (stateOf(this.entry(name)) === 'idle') await this.connect(name, { signal: options.signal });
        const conn = this.entry(name).connection;
        const inputs = options.inputs ?? {};
        if (conn?.era !== 'modern') return this.legacyRequest(name, method, params, read, options);
        let retry = params;
        for (let round = 0; round < MAX_INPUT_ROUNDS; round++) {
            const result = await this.send(name, method, retry, readAny, options);
            if (!isJsonObject(result) || result.resultType !== 'input_required') return read(result);
            const asked = isJsonObject(result.inputRequests) ? result.inputRequests : {};
            const answers = { ...inputs, ...clientAnswers(asked, inputs, this.entry(name).config.roots, options.answer) };
            const missing = unansweredInputs(asked, answers);
            if (missing.length > 0) throw new InputRequiredError(missing);
            const inputResponses = Object.fromEntries(Object.keys(asked).map((key) => [key, answers[key]]));
            retry = { ...params, inputResponses, ...(result.requestState !== undefined ? { requestState: result.requestState } : {}) };
        }
        throw new InputRequiredError([`still asking for input after ${MAX_INPUT_ROUNDS} rounds`]);
    }

    /** 2025 era: the server asks for input with requests of its own, answered while the call runs. */
    private async legacyRequest<T>(name: string, method: string, params: Record<string, unknown>, read: (value: unknown) => T, options: CallOptions): Promise<T> {
        const { connection: conn, config } = this.entry(name);
        // Only a client that declared elicitation or sampling is asked; then every call may be.
        const declared = config.clientCapabilities ?? {};
        if (!conn || (declared.elicitation === undefined && declared.sampling === undefined)) return this.send(name, method, params, read, options);
        const scope = new InputScope(options.inputs ?? {}, options.answer);
        conn.scopes.push(scope);
        try {
            const result = await this.send(name, method, params, read, options);
            if (scope.unanswered.length > 0) throw new InputRequiredError(scope.unanswered);
            return result;
        } finally {
            conn.scopes.splice(conn.scopes.indexOf(scope), 1);
        }
    }

    /** Closes one server: session, then transport, then process. */
    async disconnect(name: string): Promise<void> {
        const entry = this.entry(name);
        await entry.connecting?.catch(() => undefined);
        await closeConnection(entry);
    }

    /** Closes every server, in parallel. */
    async close(): Promise<void> {
        await Promise.all([...this.entries.keys()].map((name) => this.disconnect(name)));
    }

    async [Symbol.asyncDispose](): Promise<void> {
        await this.close();
    }

    private entry(name: string): Entry {
        const entry = this.entries.get(name);
        if (!entry) throw new Error(`unknown server "${name}"`);
        return entry;
    }

    private async send<T>(name: string, method: string, params: Record<string, unknown>, read: ResultReader<T>, options: SendOptions, renewed = false): Promise<T> {
        const entry = this.entry(name);
        const conn = entry.connection;
        if (!conn || entry.goneReason) {
            throw new ServerGoneError(name, entry.goneReason ?? 'not connected');
        }
        const timeoutMs = options.timeoutMs ?? entry.config.timeoutMs ?? DEFAULT_TIMEOUT_MS;
        const watch = options.onNotification && watcher(options.onNotification, conn.channel.nextRequestId());
        if (watch) conn.watchers.add(watch);
        try {
            return await conn.channel.request(method, params, read, {
                timeoutMs,
                maxTotalTimeoutMs: entry.config.maxTotalTimeoutMs,
                signal: options.signal,
                envelope: options.envelope,
            });
        } catch (error) {
            if (!renewed && sessionExpired(entry, error)) {
                // The 2025 specification has the client start a new session when its session is not found.
                await this.renewSession(entry);
                addNote(entry, `the server no longer knew the session (HTTP 404 on ${method}); mcp-check started a new session and sent it again`);
                return this.send(name, method, params, read, options, true);
            }
            // An answer (a JSON-RPC error, an invalid result) or a timeout says nothing about the process; only transport failures might.
            const answered = (error instanceof McpError && !isLocal(error, ErrorCode.ConnectionClosed)) || error instanceof InvalidResultError;
            const gone = entry.goneReason ?? (answered ? undefined : await exitedMeanwhile(conn.transport));
            if (gone) {
                entry.goneReason ??= gone;
                throw new ServerGoneError(name, gone);
            }
            throw error;
        } finally {
            if (watch) conn.watchers.delete(watch);
        }
    }

    /** Replaces an expired 2025 HTTP session with a new one (a new handshake on a new transport). */
    private async renewSession(entry: Entry): Promise<void> {
        const old = entry.connection!;
        entry.connection = undefined;
        await closeTransport(old.transport);
        entry.connecting = this.open(entry);
        await entry.connecting;
    }

    // A fresh entry replaces the closed one once its connection is closed; a process launched
    // ahead was the old connection's, so the new one starts its own.
    private reconnect(closed: Entry, signal?: AbortSignal): Promise<ServerInfo> {
        const entry: Entry = { name: closed.name, config: closed.config, notes: new Map(), cacheHints: {}, cut: {}, serverRequests: [] };
        this.entries.set(entry.name, entry);
        entry.connecting = closed.closing!.then(() => this.open(entry, signal));
        return entry.connecting;
    }

    private async open(entry: Entry, signal?: AbortSignal): Promise<ServerInfo> {
        const { config, name } = entry;
        const timeout = config.timeoutMs ?? DEFAULT_TIMEOUT_MS;
        let started: ServerProcess | undefined;
        // Stdio keeps one transport whatever the era; over HTTP each era has its own, so a 2025
        // server found by a failed `server/discover` is then reached afresh.
        const link = async (era: Era): Promise<Link> => {
            const previous = entry.connection;
            if (previous && config.transport === 'stdio') return previous;
            entry.connection = undefined;
            if (previous) await closeTransport(previous.transport);
            const transport = await createTransport(config, era, entry.launched);
            const channel = new RequestChannel(transport);
            const connection: Connection = { transport, channel, started, scopes: [], watchers: new Set(), ...(config.roots ? { roots: config.roots } : {}) };
            entry.connection = connection;
            transport.onmessage = (message) => {
                if (channel.take(message)) return;
                if ('method' in message && 'id' in message && entry.serverRequests.length < MAX_NOTES) entry.serverRequests.push(message.method);
                if ('method' in message) answer(connection, message);
                else addNote(entry, `ignored an answer whose id ${excerpt(JSON.stringify(message.id) ?? 'undefined', 40)} matches no request waiting for one`);
            };
            transport.onerror = (error) => {
                // Other transport errors surface where a request fails; an oversized answer must fail its own request.
                if (!(error instanceof MessageTooLargeError)) return;
                if (error.requestId === undefined || !channel.fail(error.requestId, error)) addNote(entry, error.message);
            };
            transport.onclose = () => {
                if (entry.connection === connection) entry.goneReason ??= goneReason(transport);
                channel.close();
            };
            // Requests that watch the server's notifications (`onNotification`) see each one first.
            const deliver = transport.onmessage;
            transport.onmessage = (message) => {
                if ('method' in message && !('id' in message)) {
                    const notice = { method: message.method, params: isJsonObject(message.params) ? message.params : {} };
                    for (const watch of connection.watchers) watch(notice);
                }
                deliver(message);
            };
            // An SSE stream that never opens would hang `start()` forever.
            await withDeadline(transport.start(), timeout, signal);
            return connection;
        };
        try {
            if (config.transport !== 'stdio') preloadLegacyHttp(config);
            if (config.transport !== 'stdio' && config.start) started = await startServer(config.start, config.url, signal);
            const opened = await handshake({
                choice: config.protocol ?? 'auto',
                transport: config.transport,
                capabilities: config.clientCapabilities ?? {},
                timeoutMs: timeout,
                signal,
                link,
            });
            entry.connection!.era = opened.era;
            entry.info = {
                name: opened.name,
                version: opened.version,
                protocolVersion: opened.protocolVersion,
                capabilities: opened.capabilities,
                instructions: opened.instructions,
                ...(opened.supportedVersions ? { supportedVersions: opened.supportedVersions } : {}),
                connectedAt: new Date(),
            };
            return entry.info;
        } catch (error) {
            entry.failed = true;
            const reason = await describeConnectFailure(error, config, entry.connection?.transport, timeout);
            entry.goneReason = reason;
            await closeConnection(entry);
            await started?.stop();
            throw new ConnectError(name, config.transport, describeTarget(config), reason, { cause: error });
        }
    }
}

function noteCacheHint(entry: Entry, method: string, result: Record<string, unknown>): void {
    const hint = {
        ...(typeof result.ttlMs === 'number' ? { ttlMs: result.ttlMs } : {}),
        ...(typeof result.cacheScope === 'string' ? { cacheScope: result.cacheScope } : {}),
    };
    if (Object.keys(hint).length > 0) entry.cacheHints[method] = hint;
}

/** Distinct notes kept per server: a server that misbehaves in endless new ways must not grow the report (or memory). */
const MAX_NOTES = 50;

/** Records a note; a repeated one is counted, not stored again. */
function addNote(entry: Entry, note: string): void {
    const seen = entry.notes.get(note);
    if (seen !== undefined || entry.notes.size < MAX_NOTES) entry.notes.set(note, (seen ?? 0) + 1);
}

/** Notes in order of first appearance, a repeated one once with how often it happened. */
function counted(notes: ReadonlyMap<string, number>): string[] {
    return [...notes].map(([note, n]) => (n > 1 ? `${note} (${n} times)` : note));
}

const UNDECLARED_TOOLS = 'the server lists tools but did not declare the tools capability';

/** A 2025 Streamable HTTP request answered 404 while it carried a session id: the session is gone. */
function sessionExpired(entry: Entry, error: unknown): boolean {
    const transport = entry.connection?.transport as { sessionId?: string } | undefined;
    return entry.connection?.era === 'legacy' && entry.config.transport === 'streamable_http' && !!transport?.sessionId && (error as { code?: unknown }).code === 404;
}

/** The transport for a server in one era; the HTTP ones load only in runs that use them. */
async function createTransport(config: ServerConfig, era: Era, launched?: ServerProcess): Promise<Transport> {
    if (config.transport === 'stdio') return new ProcessStdioTransport(config, launched);
    if (era === 'legacy') return (await import('./http-transport.js')).createHttpTransport(config);
    const transport = new (await import('./stateless-http-transport.js')).StatelessHttpTransport(config);
    statelessTransports.add(transport);
    return transport;
}

// 2026-07-28 HTTP connections: no session to end, so closing one needs nothing from the SDK's transports.
const statelessTransports = new WeakSet<Transport>();

/**
 * Starts loading the SDK's HTTP transports when the connection may need them, so that they load
 * while a `start:` command boots the server or `auto` asks it for 2026-07-28 (`server/discover`),
 * not after a 2025 server said no.
 */
function preloadLegacyHttp(config: ServerConfig): void {
    if (config.protocol === MODERN_REVISION) return;
    import('./http-transport.js').catch(() => {
        // Loading again when the transport is needed reports the error there.
    });
}

async function closeTransport(transport: Transport): Promise<void> {
    if (transport instanceof ProcessStdioTransport) return transport.close();
    if (statelessTransports.has(transport)) return transport.close().catch(() => undefined);
    const { closeHttpTransport } = await import('./http-transport.js');
    await closeHttpTransport(transport).catch(() => undefined);
}

/**
 * What a request that watches notifications sees: its own progress (its id is the progress
 * token), and every other notification that arrives while it runs.
 */
function watcher(onNotification: (notice: ServerNotice) => void, requestId: number): (notice: ServerNotice) => void {
    return (notice) => {
        if (notice.method !== 'notifications/progress' || notice.params.progressToken === requestId) onNotification(notice);
    };
}

/** Requests from the server are answered at once; its notifications need no answer. */
function answer(connection: Connection, message: JSONRPCMessage): void {
    if (!('method' in message) || !('id' in message)) return;
    const reply = answerServerRequest(message as JSONRPCRequest, connection.scopes, connection.roots);
    connection.transport.send({ jsonrpc: '2.0', id: message.id, ...reply } as JSONRPCMessage).catch(() => {
        // The server is gone; its exit is reported where the call fails.
    });
}

function readAny(value: unknown): unknown {
    return value;
}

/** Runs `list` for every server in parallel; the answers by server name. */
async function listEveryServer<T>(names: string[], list: (name: string) => Promise<T>): Promise<Record<string, T>> {
    return Object.fromEntries(await Promise.all(names.map(async (name) => [name, await list(name)] as const)));
}

/** Closes once; the connection stays on the entry so its stderr and diagnostics remain readable. */
function closeConnection(entry: Entry): Promise<void> {
    entry.closing ??= closeNow(entry);
    return entry.closing;
}

async function closeNow(entry: Entry): Promise<void> {
    const conn = entry.connection;
    // A process launched ahead but never connected (the run was interrupted first) still has to go.
    if (!conn) return entry.launched?.stop();
    entry.goneReason ??= 'disconnected';
    if (conn.transport) await closeTransport(conn.transport);
    await conn.started?.stop();
}

function stateOf(entry: Entry): ServerStatus['state'] {
    if (entry.failed) return 'failed';
    if (entry.goneReason) return 'closed';
    if (entry.info) return 'connected';
    return entry.connecting ? 'connecting' : 'idle';
}

/**
 * A write to a server that just died fails (EPIPE) before its exit is reported. When a request
 * fails, give a dying process a moment so the user learns the exit code, not the pipe error.
 */
async function exitedMeanwhile(transport: Transport): Promise<string | undefined> {
    const proc = transport instanceof ProcessStdioTransport ? transport.process : undefined;
    if (!proc) return undefined;
    await Promise.race([proc.exited, new Promise((resolve) => setTimeout(resolve, 300).unref())]);
    return proc.exit ? goneReason(transport) : undefined;
}

/** Why a connection ended, with the exit code and last stderr lines when a process died. */
function goneReason(transport: Transport | undefined): string {
    const proc = transport instanceof ProcessStdioTransport ? transport.process : undefined;
    if (transport instanceof ProcessStdioTransport && transport.stdoutClosed && !proc?.exit) {
        return `the server closed its stdout but is still running (pid ${proc?.pid}): it can no longer answer`;
    }
    if (!proc?.exit) return 'connection closed';
    const lines = proc.stderr.lastLines(3);
    return `server exited (${describeExit(proc.exit)})${lines.length ? `; stderr: ${lines.join(' | ')}` : ''}`;
}
