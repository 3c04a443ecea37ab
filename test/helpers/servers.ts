/** Real server processes for tests: fixtures and server-everything on ephemeral ports. */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { once } from 'node:events';
import { join } from 'node:path';
import { ROOT } from './cli.js';

export const WEATHER = join(ROOT, 'fixtures/weather-server.js');
export const FAULTY = join(ROOT, 'fixtures/faulty-server.js');
export const HTTP_FAULTS = join(ROOT, 'fixtures/http-faults.js');
export const HOSTILE = join(ROOT, 'fixtures/hostile-server.js');
export const EVERYTHING = join(ROOT, 'node_modules/@modelcontextprotocol/server-everything/dist/index.js');

export interface RunningServer {
    url: string;
    process: ChildProcess;
    stop(): Promise<void>;
}

/** Starts a fixture that prints `listening on <url>` on stdout and resolves with that URL. */
export async function startListeningFixture(script: string, args: string[], env: Record<string, string> = {}): Promise<RunningServer> {
    const child = spawn(process.execPath, [script, ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    const url = await new Promise<string>((resolve, reject) => {
        let seen = '';
        child.stdout!.on('data', (d: Buffer) => {
            seen += d.toString();
            const match = /listening on (\S+)/.exec(seen);
            if (match) resolve(match[1]!);
        });
        child.once('exit', (code) => reject(new Error(`${script} exited with ${code} before listening`)));
    });
    return { url, process: child, stop: () => stopChild(child) };
}

/** A port that was free a moment ago (for servers that cannot report the port they bound). */
export async function freePort(): Promise<number> {
    const server = createServer();
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    const { port } = server.address() as { port: number };
    server.close();
    await once(server, 'close');
    return port;
}

/** Starts server-everything over `sse` or `streamableHttp` on a free port; resolves once it answers. */
export async function startEverything(transport: 'sse' | 'streamableHttp'): Promise<RunningServer> {
    const port = await freePort();
    const child = spawn(process.execPath, [EVERYTHING, transport], { env: { ...process.env, PORT: String(port) }, stdio: ['ignore', 'pipe', 'pipe'] });
    await new Promise<void>((resolve, reject) => {
        let seen = '';
        child.stderr!.on('data', (d: Buffer) => {
            seen += d.toString();
            if (/port \d+/i.test(seen)) resolve();
        });
        child.once('exit', (code) => reject(new Error(`server-everything exited with ${code}: ${seen}`)));
    });
    const path = transport === 'sse' ? '/sse' : '/mcp';
    return { url: `http://127.0.0.1:${port}${path}`, process: child, stop: () => stopChild(child) };
}

async function stopChild(child: ChildProcess): Promise<void> {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 3000);
    await once(child, 'exit');
    clearTimeout(timer);
}

/** Whether a process with this PID still exists. */
export function isAlive(pid: number): boolean {
    try {
        process.kill(pid, 0);
        return true;
    } catch {
        return false;
    }
}
