/**
 * Server processes. Each one is started in its own process group, so stopping it stops
 * everything it started too: a server launched through `sh -c` or `npx` is a grandchild,
 * and signalling only the direct child would leave it running after the run.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import { OutputTail } from './output-tail.js';

/** How a server process ended. */
export interface ProcessExit {
    code: number | null;
    signal: NodeJS.Signals | null;
}

/** Renders an exit for messages: `exit code 3` or `signal SIGKILL`. */
export function describeExit(exit: ProcessExit): string {
    return exit.signal ? `signal ${exit.signal}` : `exit code ${exit.code}`;
}

export interface SpawnOptions {
    command: string;
    args?: string[];
    env: Record<string, string>;
    cwd?: string;
}

const liveGroups = new Set<number>();

/**
 * Every server process carries this variable, with a value of its own, to its descendants. A
 * process that left the server's group (`setsid`, a double fork) is found by it after the group
 * was stopped.
 */
export const PROCESS_MARK = 'MCP_CHECK_SERVER_PROCESS';
let processCount = 0;

/** A process that outlived its server's group and was stopped by its mark. */
export interface Escapee {
    pid: number;
    /** Its command line, as the system shows it. */
    command: string;
    /** The command of the server it came from. */
    server: string;
}

const escapees: Escapee[] = [];

/** The escapees found since the last call (for a warning), and forgets them. */
export function takeEscapees(): Escapee[] {
    return escapees.splice(0);
}
let exitHookInstalled = false;

/** Last line of defence: if the runner itself exits abruptly, its servers go with it. */
function installExitHook(): void {
    if (exitHookInstalled) return;
    exitHookInstalled = true;
    process.on('exit', () => {
        for (const pgid of liveGroups) signalGroup(pgid, 'SIGKILL');
    });
}

function signalGroup(pgid: number, signal: NodeJS.Signals): void {
    try {
        process.kill(-pgid, signal);
    } catch {
        // The group is already gone.
    }
}

/** The process group of `pid`, from `/proc/<pid>/stat` (its fifth field, after the parenthesised command). */
async function processGroupOf(pid: number): Promise<number | undefined> {
    const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => '');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return fields.length > 2 ? Number(fields[2]) : undefined;
}

/** A running server process with its stderr captured and its whole process tree under control. */
export class ServerProcess {
    readonly child: ChildProcess;
    readonly stderr = new OutputTail();
    /** Resolves once the process is running, or with the error that kept it from starting. */
    readonly started: Promise<Error | undefined>;
    /** Resolves when the direct child has exited (its stdio may still be open). */
    readonly exited: Promise<ProcessExit>;
    /** Resolves when the child has exited and its stdio streams are closed, i.e. all its output was read. */
    readonly closed: Promise<void>;
    exit?: ProcessExit;
    /** Set when the process could not be spawned at all (e.g. command not found). */
    spawnError?: Error;

    private readonly mark = `${process.pid}.${++processCount}`;

    constructor(
        private readonly options: SpawnOptions,
        stdin: 'pipe' | 'ignore' = 'pipe',
    ) {
        installExitHook();
        this.child = spawn(options.command, options.args ?? [], {
            env: { ...options.env, [PROCESS_MARK]: this.mark },
            cwd: options.cwd,
            stdio: [stdin, 'pipe', 'pipe'],
            detached: true,
        });
        const pid = this.child.pid;
        if (pid !== undefined) liveGroups.add(pid);
        this.child.stderr!.on('data', (chunk: Buffer) => this.stderr.write(chunk));
        // Promises, not events: whoever adopts the process later must not miss what already happened.
        this.started = new Promise((resolve) => {
            this.child.once('spawn', () => resolve(undefined));
            this.child.once('error', resolve);
        });
        this.closed = new Promise((resolve) => this.child.once('close', () => resolve()));
        this.exited = new Promise((resolve) => {
            this.child.once('error', (error) => {
                this.spawnError ??= error;
                this.exit ??= { code: null, signal: null };
                resolve(this.exit);
            });
            this.child.once('exit', (code, signal) => {
                this.exit = { code, signal };
                resolve(this.exit);
            });
        });
    }

    get pid(): number | undefined {
        return this.child.pid;
    }

    /**
     * Stops the whole process group: SIGTERM, then SIGKILL after `graceMs`. Grandchildren
     * are signalled even when the direct child has already exited.
     */
    async stop(graceMs = 2000): Promise<void> {
        const pgid = this.child.pid;
        if (pgid === undefined || !liveGroups.has(pgid)) return;
        signalGroup(pgid, 'SIGTERM');
        const timer = new Promise((resolve) => setTimeout(resolve, graceMs).unref());
        await Promise.race([this.exited, timer]);
        // Whatever survived SIGTERM (a grandchild, or a child ignoring it) is killed outright,
        // and the child is awaited, so a stopped server is really gone when this returns.
        signalGroup(pgid, 'SIGKILL');
        await Promise.race([this.exited, new Promise((resolve) => setTimeout(resolve, graceMs).unref())]);
        liveGroups.delete(pgid);
        this.child.stdout?.destroy();
        this.child.stderr?.destroy();
        await this.stopEscapees();
    }

    /** Linux only: stops what still carries this server's mark, and records it for a warning. */
    private async stopEscapees(): Promise<void> {
        const group = this.child.pid;
        if (process.platform !== 'linux' || group === undefined) return;
        const marked = `${PROCESS_MARK}=${this.mark}\0`;
        const pids = (await readdir('/proc').catch(() => [] as string[])).filter((name) => /^\d+$/.test(name)).map(Number);
        const found = await Promise.all(
            pids.map(async (pid) => {
                // Other users' processes are unreadable, and a process may end while it is looked at.
                const environ = await readFile(`/proc/${pid}/environ`, 'latin1').catch(() => '');
                if (!environ.startsWith(marked) && !environ.includes(`\0${marked}`)) return undefined;
                // Still in the server's group: killed with it and not yet gone, not an escapee.
                if ((await processGroupOf(pid)) === group) return undefined;
                const command = (await readFile(`/proc/${pid}/cmdline`, 'utf8').catch(() => '')).split('\0').filter(Boolean).join(' ');
                return { pid, command, server: [this.options.command, ...(this.options.args ?? [])].join(' ') };
            }),
        );
        for (const escapee of found) {
            if (!escapee) continue;
            signalGroup(escapee.pid, 'SIGKILL');
            try {
                process.kill(escapee.pid, 'SIGKILL');
            } catch {
                // Gone meanwhile.
            }
            escapees.push(escapee);
        }
    }
}
