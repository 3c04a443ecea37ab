/**
 * A second copy of a stdio server, for what the run's own connection cannot show: how the
 * server answers the very first request (a 2025 `initialize` with a version it cannot know),
 * and whether it exits once its stdin is closed. It is stopped before this returns.
 */
import type { JSONRPCMessage } from '@modelcontextprotocol/sdk/types.js';
import type { RawAnswer } from '../connect/client.js';
import type { ServerProcess } from '../connect/process.js';
import { ProcessStdioTransport } from '../connect/stdio-transport.js';
import type { StdioServerConfig } from '../connect/types.js';

/** How long a server may take to exit after its stdin closed. */
export const EXIT_BOUND_MS = 3000;

export interface FreshRun {
    /** The answer to the first request; absent when there was none (`failure` says why). */
    answer?: RawAnswer;
    failure?: string;
    /** Whether the process exited within `EXIT_BOUND_MS` of its stdin closing. */
    exited: boolean;
    /** Lines on stdout that were not JSON-RPC messages. */
    noise: string[];
}

/**
 * Starts the server (or takes the copy `launched` ahead), sends `first`, waits for its answer,
 * closes stdin and watches for the exit.
 */
export async function runFreshStdio(
    config: StdioServerConfig,
    first: { method: string; params: Record<string, unknown> },
    timeoutMs: number,
    launched?: ServerProcess,
): Promise<FreshRun> {
    const transport = new ProcessStdioTransport(config, launched);
    try {
        let settle: (answer: RawAnswer | undefined) => void = () => {};
        const answered = new Promise<RawAnswer | undefined>((resolve) => (settle = resolve));
        transport.onmessage = (message: JSONRPCMessage) => {
            if (!('id' in message) || message.id !== 1 || 'method' in message) return;
            settle('error' in message ? { error: message.error } : { result: message.result });
        };
        transport.onclose = () => settle(undefined);
        await transport.start();
        await transport.send({ jsonrpc: '2.0', id: 1, method: first.method, params: first.params });
        const timer = setTimeout(() => settle(undefined), timeoutMs);
        const answer = await answered;
        clearTimeout(timer);
        const proc = transport.process!;
        const failure = answer ? undefined : proc.exit ? 'the server exited before answering' : `no answer within ${timeoutMs} ms`;
        proc.child.stdin?.end();
        const bound = new Promise<false>((resolve) => setTimeout(() => resolve(false), EXIT_BOUND_MS).unref());
        const exited = await Promise.race([proc.exited.then(() => true), bound]);
        return { ...(answer ? { answer } : { failure }), exited, noise: [...transport.diagnostics] };
    } finally {
        await transport.close();
    }
}
