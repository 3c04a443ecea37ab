/**
 * Watching what a client sends to a stdio server, without touching the server: a shell
 * wrapper copies the client's messages to a log file on their way to the server's stdin.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** The command and args of a wrapped server, plus the messages recorded so far. */
export interface LoggedStdio {
    command: string;
    args: string[];
    /** `params.name` of every `tools/call` request sent so far, in order. */
    toolCalls(): Promise<string[]>;
}

/** Wraps `command args…` in `sh -c 'tee -a <log> | exec "$@"'`, with the log in `dir`. */
export async function logStdio(dir: string, command: string, args: string[]): Promise<LoggedStdio> {
    const file = join(dir, `stdin-${Date.now()}-${Math.random().toString(36).slice(2)}.log`);
    await writeFile(file, '');
    return {
        command: 'sh',
        args: ['-c', 'tee -a "$0" | exec "$@"', file, command, ...args],
        async toolCalls() {
            const lines = (await readFile(file, 'utf8')).split('\n').filter((l) => l.trim() !== '');
            return lines
                .map((l) => JSON.parse(l) as { method?: string; params?: { name?: string } })
                .filter((m) => m.method === 'tools/call')
                .map((m) => String(m.params?.name));
        },
    };
}
