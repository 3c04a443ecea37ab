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
import { LineSplitter } from './line-splitter.js';
import { launchStdioServer } from './launch.js';
import type { ServerProcess } from './process.js';
import type { StdioServerConfig } from './types.js';
import { excerpt } from '../excerpt.js';

/** At most this many stdout diagnostics are kept, so a chatty server cannot grow the report. */
const MAX_DIAGNOSTICS = 20;

export class ProcessStdioTransport implements Transport {
    onclose?: () => void;
    onerror?: (error: Error) => void;
    onmessage?: (message: JSONRPCMessage) => void;

    process?: ServerProcess;
    /** Non-protocol lines seen on stdout, e.g. a log banner. */
    readonly diagnostics: string[] = [];
    private readonly lines = new LineSplitter();
    private closed = false;

    /** `launched`: the server's process when it was started ahead of the transport (see `launchStdioServer`). */
    constructor(
        private readonly config: StdioServerConfig,
        private readonly launched?: ServerProcess,
    ) {}

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
        const error = await proc.started;
        if (error) throw error;
    }

    private onStdout(chunk: Buffer): void {
        let lines: string[];
        try {
            lines = this.lines.push(chunk);
        } catch (error) {
            this.onerror?.(error as Error);
            void this.close();
            return;
        }
        for (const line of lines) {
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

    private noteNoise(line: string, error: unknown): void {
        if (this.diagnostics.length >= MAX_DIAGNOSTICS) return;
        const reason = error instanceof SyntaxError ? 'not JSON' : 'not a JSON-RPC message';
        this.diagnostics.push(`ignored a line on stdout that is ${reason}: ${JSON.stringify(excerpt(line, 120))}`);
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
