/**
 * Server processes. Each one is started in its own process group, so stopping it stops
 * everything it started too: a server launched through `sh -c` or `npx` is a grandchild,
 * and signalling only the direct child would leave it running after the run.
 */
import { spawn, type ChildProcess } from 'node:child_process';
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

    constructor(options: SpawnOptions, stdin: 'pipe' | 'ignore' = 'pipe') {
        installExitHook();
        this.child = spawn(options.command, options.args ?? [], {
            env: options.env,
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
    }
}
