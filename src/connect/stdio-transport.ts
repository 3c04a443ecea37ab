/**
 * The stdio transport. It speaks the SDK's message format (one JSON-RPC message a line) but
 * owns the child process, because a checker needs what the SDK's StdioClientTransport hides:
 * the exit code and signal, a bounded stderr tail, the non-JSON lines a server printed
 * on stdout, and a process group so the whole tree can be stopped.
 */
import { serializeMessage } from '@modelcontextprotocol/sdk/shared/stdio.js';
import type { Transport } from '@modelcontextprotocol/sdk/shared/transport.js';
import type { JSONRPCMessage } from '@modelcontextprotocol/sdk/types.js';
import { parseMessage } from './json-rpc-message.js';
import { LineSplitter, type OversizedLine } from './line-splitter.js';
import { launchStdioServer } from './launch.js';
import { MessageTooLargeError, requestIdIn } from './message-limit.js';
import type { ServerProcess } from './process.js';
import { DEFAULT_MAX_MESSAGE_BYTES, type StdioServerConfig } from './types.js';
import { excerpt } from '../excerpt.js';

/** How long a server whose stdout ended has to exit before the closed stdout is the news. */
const STDOUT_END_GRACE_MS = 250;

/** At most this many stdout diagnostics are kept, so a chatty server cannot grow the report. */
const MAX_DIAGNOSTICS = 20;

export class ProcessStdioTransport implements Transport {
    onclose?: () => void;
    onerror?: (error: Error) => void;
    onmessage?: (message: JSONRPCMessage) => void;

    process?: ServerProcess;
    /** Set when the server closed its stdout while it kept running. */
    stdoutClosed = false;
    /** Non-protocol lines seen on stdout, e.g. a log banner. */
    readonly diagnostics: string[] = [];
    private readonly lines: LineSplitter;
    private readonly maxMessageBytes: number;
    /** Whether the line being dropped was already reported (its id was in its first bytes). */
    private oversizeReported = false;
    private closed = false;

    /** `launched`: the server's process when it was started ahead of the transport (see `launchStdioServer`). */
    constructor(
        private readonly config: StdioServerConfig,
        private readonly launched?: ServerProcess,
    ) {
        this.maxMessageBytes = config.maxMessageBytes ?? DEFAULT_MAX_MESSAGE_BYTES;
        this.lines = new LineSplitter(this.maxMessageBytes, (line) => this.onOversized(line));
    }

    async start(): Promise<void> {
        const proc = this.launched ?? launchStdioServer(this.config);
        this.process = proc;
        // Output the server wrote before this point waited in the pipe (stdout stays paused until read).
        proc.child.stdout!.on('data', (chunk: Buffer) => this.onStdout(chunk));
        proc.child.stdin!.on('error', () => {
            // EPIPE when the server died; the exit handler reports it.
        });
        // Closed means stdio drained too, so every response the server sent is delivered first.
        void proc.closed.then(() => this.handleClose());
        proc.child.stdout!.once('end', () => void this.onStdoutEnd(proc));
        const error = await proc.started;
        if (error) throw error;
    }

    private onStdout(chunk: Buffer): void {
        for (const line of this.lines.push(chunk)) {
            if (line.trim() === '') continue;
            let message: JSONRPCMessage;
            try {
                message = parseMessage(line);
            } catch (error) {
                this.noteNoise(line, error);
                continue;
            }
            this.onmessage?.(message);
        }
    }

    /**
     * A line over the limit fails the request it answers: at once when its first bytes name the
     * request, else when it ends (SDK servers write the id last).
     */
    private onOversized(line: OversizedLine): void {
        if (!line.ended) {
            const id = requestIdIn(line.head);
            this.oversizeReported = id !== undefined;
            if (id !== undefined) this.onerror?.(new MessageTooLargeError(line.bytes, this.maxMessageBytes, id, false));
            return;
        }
        if (this.oversizeReported) {
            this.oversizeReported = false;
            return;
        }
        this.onerror?.(new MessageTooLargeError(line.bytes, this.maxMessageBytes, requestIdIn(line.head) ?? requestIdIn(line.tail)));
    }

    private noteNoise(line: string, error: unknown): void {
        if (this.diagnostics.length >= MAX_DIAGNOSTICS) return;
        const reason = error instanceof SyntaxError ? 'not JSON' : 'not a JSON-RPC message';
        this.diagnostics.push(`ignored a line on stdout that is ${reason}: ${JSON.stringify(excerpt(line, 120))}`);
    }

    /**
     * A server that closes its stdout can no longer answer, even if it keeps running: say so at
     * once rather than let every request wait out its timeout. A server that is exiting closes
     * stdout first, so it gets a moment to exit before this counts as the cause.
     */
    private async onStdoutEnd(proc: ServerProcess): Promise<void> {
        const exiting = await Promise.race([proc.exited.then(() => true), new Promise<false>((resolve) => setTimeout(resolve, STDOUT_END_GRACE_MS, false).unref())]);
        if (exiting || this.closed) return;
        this.stdoutClosed = true;
        this.handleClose();
    }

    private handleClose(): void {
        if (this.closed) return;
        this.closed = true;
        this.onclose?.();
    }

    async send(message: JSONRPCMessage): Promise<void> {
        const stdin = this.process?.child.stdin;
        if (!stdin || stdin.destroyed || this.closed) throw new Error('server process is not running');
        await new Promise<void>((resolve, reject) => {
            stdin.write(serializeMessage(message), (error) => (error ? reject(error) : resolve()));
        });
    }

    /** Ends stdin (the polite way to stop a stdio server), then stops the process group. */
    async close(): Promise<void> {
        const proc = this.process;
        if (!proc) return;
        proc.child.stdin?.end();
        const graceful = new Promise((resolve) => setTimeout(resolve, 500).unref());
        await Promise.race([proc.exited, graceful]);
        await proc.stop();
        this.lines.clear();
        this.handleClose();
    }
}
