/**
 * `start:` for HTTP servers: launch the server, wait until its URL answers at all, and hand
 * back the process so the connector can stop it after the run.
 */
import { serverEnvironment } from './launch.js';
import { describeExit, ServerProcess } from './process.js';
import type { StartCommand } from './types.js';

/** Default time a started server has to answer on its URL. */
export const DEFAULT_READY_TIMEOUT_MS = 30_000;

const POLL_INTERVAL_MS = 100;

/**
 * Starts the command and resolves once `url` accepts connections; throws with the cause
 * otherwise, or as soon as `signal` aborts (Ctrl-C must not wait out the readiness timeout).
 */
export async function startServer(start: StartCommand, url: string, signal?: AbortSignal): Promise<ServerProcess> {
    const proc = new ServerProcess(
        {
            command: start.command,
            args: start.args,
            env: serverEnvironment(start.env),
            cwd: start.cwd,
        },
        'ignore',
    );
    // A started server's stdout is its own log; keep reading it so a full pipe never blocks it.
    proc.child.stdout!.on('data', (chunk: Buffer) => proc.stderr.write(chunk));
    const timeoutMs = start.readyTimeoutMs ?? DEFAULT_READY_TIMEOUT_MS;
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
        if (signal?.aborted) {
            await proc.stop();
            throw new Error(`interrupted while waiting for ${url} to answer`, { cause: signal.reason });
        }
        if (proc.exit) {
            await proc.stop();
            const cause = proc.spawnError ? proc.spawnError.message : describeExit(proc.exit);
            throw new Error(`start command ended before ${url} answered (${cause})${tail(proc)}`);
        }
        if (await answers(url, signal)) return proc;
        await pause(POLL_INTERVAL_MS, signal);
    }
    await proc.stop();
    throw new Error(`started server did not answer on ${url} within ${timeoutMs} ms${tail(proc)}`);
}

/** Any HTTP response means the listener is up; whether it speaks MCP is the connect step's question. */
async function answers(url: string, signal?: AbortSignal): Promise<boolean> {
    try {
        const timeout = AbortSignal.timeout(1000);
        const response = await fetch(url, { method: 'HEAD', signal: signal ? AbortSignal.any([timeout, signal]) : timeout });
        await response.body?.cancel();
        return true;
    } catch {
        return false;
    }
}

/** Waits `ms`, or less if `signal` aborts first. */
function pause(ms: number, signal?: AbortSignal): Promise<void> {
    return new Promise((resolve) => {
        const done = (): void => {
            clearTimeout(timer);
            signal?.removeEventListener('abort', done);
            resolve();
        };
        const timer = setTimeout(done, ms);
        signal?.addEventListener('abort', done, { once: true });
    });
}

function tail(proc: ServerProcess): string {
    const lines = proc.stderr.lastLines(5);
    return lines.length ? `; last output:\n  ${lines.join('\n  ')}` : '';
}
