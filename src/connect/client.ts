/**
 * The universal connector: one object that connects to any number of MCP servers over
 * stdio, SSE or Streamable HTTP, each exactly once: the SDK client does the handshake, and a
 * request channel of our own carries the requests after it (see request-channel.ts for why).
 * The runner uses it; users can import it for their own scripts.
 *
 * @example
 * await using mcp = new UniversalMCPClient();
 * mcp.addServer('weather', { transport: 'stdio', command: 'node', args: ['weather.js'] });
 * await mcp.connect('weather');
 * const tools = await mcp.listTools('weather');
 */
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import type { Transport } from '@modelcontextprotocol/sdk/shared/transport.js';
import { ErrorCode, McpError, type CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { ConnectError, InvalidResultError, ServerGoneError } from '../errors.js';
import { VERSION } from '../version.js';
import { describeConnectFailure } from './connect-failure.js';
import { describeExit, type ServerProcess } from './process.js';
import { RequestChannel, type ResultReader } from './request-channel.js';
import { withDeadline } from './deadline.js';
import { readCallToolResult, readResult } from './results.js';
import { startServer } from './start.js';
import { ProcessStdioTransport } from './stdio-transport.js';
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
}

/** A server's entry in `listServers()`. */
export interface ServerStatus {
    name: string;
    transport: TransportKind;
    target: string;
    state: 'idle' | 'connecting' | 'connected' | 'failed' | 'closed';
    info?: ServerInfo;
}

interface Connection {
    /** The handshake, and whatever the server sends that is not an answer to `channel`. */
    client: Client;
    /** Every request after the handshake. */
    channel: RequestChannel;
    transport: Transport;
    started?: ServerProcess;
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
    closing?: Promise<void>;
}

const MAX_LIST_PAGES = 1000;

export class UniversalMCPClient implements AsyncDisposable {
    private readonly entries = new Map<string, Entry>();

    /**
     * Registers a server; nothing is started until `connect`. `launched` is for the CLI, which
     * starts stdio servers before the connector has loaded: the connection adopts that process.
     */
    addServer(name: string, config: ServerConfig, launched?: ServerProcess): void {
        if (this.entries.has(name)) throw new Error(`server "${name}" is already added`);
        if (launched && config.transport !== 'stdio') throw new Error(`server "${name}": only a stdio server can be launched ahead`);
        this.entries.set(name, { name, config, launched });
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

    /** Connects (once: later calls share the first attempt) and returns what the server said about itself. */
    connect(name: string, options: { signal?: AbortSignal } = {}): Promise<ServerInfo> {
        const entry = this.entry(name);
        entry.connecting ??= this.open(entry, options.signal);
        return entry.connecting;
    }

    /** What the server said during `initialize`, once connected. */
    serverInfo(name: string): ServerInfo | undefined {
        return this.entry(name).info;
    }

    /** The bounded tail of a server process's stderr (stdio servers and `start` commands). */
    stderr(name: string): string | undefined {
        const conn = this.entry(name).connection;
        const proc = conn?.transport instanceof ProcessStdioTransport ? conn.transport.process : conn?.started;
        return proc?.stderr.text();
    }

    /** Non-protocol output noticed on the connection, e.g. log lines on a stdio server's stdout. */
    diagnostics(name: string): string[] {
        const transport = this.entry(name).connection?.transport;
        return transport instanceof ProcessStdioTransport ? [...transport.diagnostics] : [];
    }

    /** Lists every tool, following pagination cursors, without validating the tools. */
    async listTools(name: string, options: CallOptions = {}): Promise<ListedTool[]> {
        const tools = await this.listAll(name, 'tools/list', 'tools', options);
        return tools.map((raw) => ({ name: String(raw.name), raw }));
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
        const items: Record<string, unknown>[] = [];
        const seen = new Set<string>();
        let cursor: string | undefined;
        for (let page = 0; page < MAX_LIST_PAGES; page++) {
            const result = await this.request(name, method, cursor ? { cursor } : {}, readResult, options);
            const listed = Array.isArray(result[key]) ? (result[key] as unknown[]) : [];
            for (const item of listed) {
                if (item && typeof item === 'object') items.push(item as Record<string, unknown>);
            }
            cursor = typeof result.nextCursor === 'string' ? result.nextCursor : undefined;
            // A server that repeats a cursor would loop forever; what it listed so far is the answer.
            if (!cursor || seen.has(cursor)) break;
            seen.add(cursor);
        }
        return items;
    }

    /** Calls a tool and returns its result as the server sent it (no output-schema check here). */
    async callTool(name: string, tool: string, args: Record<string, unknown>, options: CallOptions = {}): Promise<CallToolResult> {
        return this.request(name, 'tools/call', { name: tool, arguments: args }, readCallToolResult, options);
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

    private async request<T>(name: string, method: string, params: Record<string, unknown>, read: ResultReader<T>, options: CallOptions): Promise<T> {
        const entry = this.entry(name);
        const conn = entry.connection;
        if (!conn || entry.goneReason) {
            throw new ServerGoneError(name, entry.goneReason ?? 'not connected');
        }
        const timeoutMs = options.timeoutMs ?? entry.config.timeoutMs ?? DEFAULT_TIMEOUT_MS;
        try {
            return await conn.channel.request(method, params, read, { timeoutMs, signal: options.signal });
        } catch (error) {
            // An answer (a JSON-RPC error, an invalid result) or a timeout says nothing about the process; only transport failures might.
            const answered = (error instanceof McpError && error.code !== ErrorCode.ConnectionClosed) || error instanceof InvalidResultError;
            const gone = entry.goneReason ?? (answered ? undefined : await exitedMeanwhile(conn.transport));
            if (gone) {
                entry.goneReason ??= gone;
                throw new ServerGoneError(name, gone);
            }
            throw error;
        }
    }

    private async open(entry: Entry, signal?: AbortSignal): Promise<ServerInfo> {
        const { config, name } = entry;
        const timeout = config.timeoutMs ?? DEFAULT_TIMEOUT_MS;
        let started: ServerProcess | undefined;
        let transport: Transport | undefined;
        try {
            if (config.transport !== 'stdio' && config.start) started = await startServer(config.start, config.url, signal);
            // The HTTP transports are loaded only by runs that use them; most suites are stdio only.
            transport =
                config.transport === 'stdio' ? new ProcessStdioTransport(config, entry.launched) : (await import('./http-transport.js')).createHttpTransport(config);
            const client = new Client({ name: 'mcp-check', version: VERSION }, { capabilities: {} });
            const channel = new RequestChannel(transport);
            entry.connection = { client, channel, transport, started };
            let protocolVersion = '';
            transport.onmessage = (message) => {
                const result = (message as { result?: { protocolVersion?: unknown } }).result;
                if (!protocolVersion && typeof result?.protocolVersion === 'string') protocolVersion = result.protocolVersion;
            };
            client.onclose = () => {
                entry.goneReason ??= goneReason(transport);
                channel.close();
            };
            // The timeout option covers `initialize` only; an SSE stream that never opens would
            // hang `transport.start()` forever, so the whole handshake gets one deadline too.
            await withDeadline(client.connect(transport, { timeout }), timeout, signal);
            // The channel answers for its own requests; the SDK's dispatcher, installed by
            // `connect`, still sees everything else (server requests such as ping, logs).
            const dispatch = transport.onmessage;
            transport.onmessage = (message, extra) => {
                if (!channel.take(message)) dispatch?.(message, extra);
            };
            const server = client.getServerVersion();
            entry.info = {
                name: server?.name ?? '',
                version: server?.version ?? '',
                protocolVersion,
                capabilities: (client.getServerCapabilities() ?? {}) as Record<string, unknown>,
                instructions: client.getInstructions(),
                connectedAt: new Date(),
            };
            return entry.info;
        } catch (error) {
            entry.failed = true;
            const reason = await describeConnectFailure(error, config, transport, timeout);
            entry.goneReason = reason;
            await closeConnection(entry);
            await started?.stop();
            throw new ConnectError(name, config.transport, describeTarget(config), reason, { cause: error });
        }
    }
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
    if (conn.transport instanceof ProcessStdioTransport) {
        await conn.transport.close();
    } else {
        const { closeHttpTransport } = await import('./http-transport.js');
        await closeHttpTransport(conn.transport).catch(() => undefined);
    }
    await conn.client.close().catch(() => undefined);
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
    if (!proc?.exit) return 'connection closed';
    const lines = proc.stderr.lastLines(3);
    return `server exited (${describeExit(proc.exit)})${lines.length ? `; stderr: ${lines.join(' | ')}` : ''}`;
}
