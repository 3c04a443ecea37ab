/**
 * `start:` for HTTP servers: launch the server, wait until it is ready, and hand back the
 * process so the connector can stop it after the run.
 *
 * By default "ready" means the URL's port accepts a TCP connection: that works for every HTTP
 * server, whatever it answers and however long it keeps a request open (a legacy SSE endpoint
 * opens its event stream for any request and never ends it). `start.ready` names a stricter
 * test: a URL that must answer a GET with a given status, or a line the server prints.
 */
import { connect } from 'node:net';
import { LineSplitter } from './line-splitter.js';
import { serverEnvironment } from './launch.js';
import { describeExit, ServerProcess } from './process.js';
import type { Readiness, StartCommand } from './types.js';

/** Default time a started server has to become ready. */
export const DEFAULT_READY_TIMEOUT_MS = 30_000;

const POLL_INTERVAL_MS = 100;
/** One attempt of a network check; a listener that takes longer is asked again. */
const ATTEMPT_TIMEOUT_MS = 1000;

/** One look at the server: whether it is ready, and what was seen otherwise (for the error). */
interface ReadinessCheck {
    /** What the server must do, for the error message: `accept connections on …`. */
    readonly goal: string;
    poll(): Promise<{ ready: boolean; seen?: string }>;
    dispose(): void;
}

/**
 * Starts the command and resolves once the server is ready; throws with the cause otherwise, or
 * as soon as `signal` aborts (Ctrl-C must not wait out the readiness timeout).
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
    const check = readinessCheck(start.ready, url, proc);
    try {
        await waitUntilReady(proc, check, start.readyTimeoutMs ?? DEFAULT_READY_TIMEOUT_MS, signal);
        return proc;
    } catch (error) {
        await proc.stop();
        throw error;
    } finally {
        check.dispose();
    }
}

async function waitUntilReady(proc: ServerProcess, check: ReadinessCheck, timeoutMs: number, signal?: AbortSignal): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    let seen: string | undefined;
    while (Date.now() < deadline) {
        if (signal?.aborted) throw new Error(`interrupted while waiting for the server to ${check.goal}`, { cause: signal.reason });
        if (proc.exit) {
            const cause = proc.spawnError ? proc.spawnError.message : describeExit(proc.exit);
            throw new Error(`start command ended before the server would ${check.goal} (${cause})${tail(proc)}`);
        }
        const look = await check.poll();
        if (look.ready) return;
        seen = look.seen ?? seen;
        await pause(POLL_INTERVAL_MS, signal);
    }
    const last = seen ? ` (last answer: ${seen})` : '';
    throw new Error(`started server did not ${check.goal} within ${timeoutMs} ms${last}${tail(proc)}`);
}

function readinessCheck(ready: Readiness | undefined, url: string, proc: ServerProcess): ReadinessCheck {
    if (!ready) return tcpCheck(url);
    if ('log' in ready) return logCheck(new RegExp(ready.log, 'u'), proc);
    return statusCheck(ready.url, ready.status);
}

/** The URL's port accepts a TCP connection. */
function tcpCheck(url: string): ReadinessCheck {
    const { hostname, port, protocol } = new URL(url);
    // URL keeps the brackets of an IPv6 literal; `connect` wants the bare address.
    const host = hostname.replace(/^\[(.*)\]$/, '$1');
    const portNumber = Number(port || (protocol === 'https:' ? 443 : 80));
    return {
        goal: `accept connections on ${host}:${portNumber} (${url})`,
        poll: () =>
            new Promise((resolve) => {
                const socket = connect({ host, port: portNumber, timeout: ATTEMPT_TIMEOUT_MS });
                const done = (ready: boolean) => {
                    socket.destroy();
                    resolve({ ready });
                };
                socket.once('connect', () => done(true));
                socket.once('timeout', () => done(false));
                socket.once('error', () => done(false));
            }),
        dispose: () => undefined,
    };
}

/** A GET to `url` answers with `status`; the body is never read, so an endless stream is fine. */
function statusCheck(url: string, status: number): ReadinessCheck {
    return {
        goal: `answer GET ${url} with HTTP ${status}`,
        async poll() {
            const controller = new AbortController();
            const timer = setTimeout(() => controller.abort(), ATTEMPT_TIMEOUT_MS);
            try {
                const response = await fetch(url, { signal: controller.signal });
                return { ready: response.status === status, seen: `HTTP ${response.status}` };
            } catch {
                return { ready: false };
            } finally {
                clearTimeout(timer);
                // Ends the request whatever the body is, an event stream included.
                controller.abort();
            }
        },
        dispose: () => undefined,
    };
}

/** A line of the command's stdout or stderr matches `pattern`. */
function logCheck(pattern: RegExp, proc: ServerProcess): ReadinessCheck {
    let matched = false;
    const streams = [proc.child.stdout!, proc.child.stderr!];
    const listeners = streams.map((stream) => {
        // An endless line is dropped: it is not the one waited for.
        const lines = new LineSplitter(1024 * 1024);
        const listener = (chunk: Buffer) => {
            if (lines.push(chunk).some((line) => pattern.test(line))) matched = true;
        };
        stream.on('data', listener);
        return listener;
    });
    return {
        goal: `print a line matching /${pattern.source}/`,
        poll: async () => ({ ready: matched }),
        dispose: () => streams.forEach((stream, i) => stream.off('data', listeners[i]!)),
    };
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
