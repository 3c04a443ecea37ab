/**
 * Counting how often a server is really started or connected to, without touching the server:
 * a shell wrapper that records each start's PID, and an HTTP pass-through that counts `initialize`.
 */
import { rmSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { createServer, request, type IncomingMessage, type ServerResponse } from 'node:http';
import { once } from 'node:events';
import { join } from 'node:path';
import { tempDir } from './files.js';

/** The command and args of a wrapped server, plus what the wrapper recorded. */
export interface CountedCommand {
    command: string;
    args: string[];
    /** The file that gets one PID per start. */
    file: string;
    /** PIDs of every start so far, in order (the wrapper `exec`s, so each is the server's own PID). */
    pids(): Promise<number[]>;
}

/**
 * Wraps `command args…` in `sh -c 'echo $$ >> <file>; exec "$@"'`: the server runs unchanged
 * as the same process, and every start leaves its PID in `file`.
 */
export async function countStarts(command: string, args: string[]): Promise<CountedCommand> {
    const dir = await tempDir();
    removeOnExit(dir);
    const file = join(dir, 'starts.log');
    await writeFile(file, '');
    return {
        command: 'sh',
        args: ['-c', 'echo $$ >> "$0"; exec "$@"', file, command, ...args],
        file,
        async pids() {
            const text = await readFile(file, 'utf8');
            return text.split('\n').filter((l) => l.trim() !== '').map(Number);
        },
    };
}

const leftovers: string[] = [];

/** The logs are read after servers stopped, so they are removed when the test process ends. */
function removeOnExit(dir: string): void {
    if (leftovers.length === 0) process.once('exit', () => leftovers.forEach((d) => rmSync(d, { recursive: true, force: true })));
    leftovers.push(dir);
}

export interface CountingProxy {
    /** The proxy's URL with the target's path, e.g. `http://127.0.0.1:<port>/mcp`. */
    url: string;
    /** How many JSON-RPC `initialize` requests went through. */
    initializeCount(): number;
    stop(): Promise<void>;
}

/**
 * A plain HTTP pass-through on 127.0.0.1 in front of an MCP HTTP server (Streamable HTTP or
 * SSE); it forwards every request and streams every response unchanged, and counts `initialize`.
 */
export async function startCountingProxy(targetUrl: string): Promise<CountingProxy> {
    const target = new URL(targetUrl);
    let initializes = 0;
    const server = createServer((req: IncomingMessage, res: ServerResponse) => {
        const chunks: Buffer[] = [];
        req.on('data', (c: Buffer) => chunks.push(c));
        req.on('end', () => {
            const body = Buffer.concat(chunks);
            if (/"method"\s*:\s*"initialize"/.test(body.toString('utf8'))) initializes++;
            const upstream = request(
                { host: target.hostname, port: target.port, method: req.method, path: req.url, headers: { ...req.headers, host: target.host } },
                (answer) => {
                    res.writeHead(answer.statusCode ?? 502, answer.headers);
                    answer.pipe(res);
                },
            );
            upstream.on('error', () => {
                if (!res.headersSent) res.writeHead(502);
                res.end();
            });
            res.on('close', () => upstream.destroy());
            upstream.end(body);
        });
    });
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    const { port } = server.address() as { port: number };
    return {
        url: `http://127.0.0.1:${port}${target.pathname}`,
        initializeCount: () => initializes,
        async stop() {
            server.closeAllConnections();
            server.close();
            await once(server, 'close');
        },
    };
}
