/** Runs the built CLI as a real process, the way users and CI run it. */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** Repository root (tests are compiled to dist/test/…). */
export const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
/** The shipped executable (package.json `bin`): the bundle users run. */
export const CLI = fileURLToPath(new URL('../../bundle/mcp-check.js', import.meta.url));

export interface CliRun {
    code: number | null;
    signal: NodeJS.Signals | null;
    stdout: string;
    stderr: string;
    durationMs: number;
    pid: number;
}

export interface CliOptions {
    cwd?: string;
    env?: Record<string, string | undefined>;
    /** Kill the CLI after this long (a test safety net, not an assertion). @default 60000 */
    killAfterMs?: number;
    /** Called once the process has started, e.g. to send it a signal later. */
    onSpawn?: (pid: number) => void;
}

/** Runs `mcp-check <args>` and collects its output and exit code. */
export function runCli(args: string[], options: CliOptions = {}): Promise<CliRun> {
    const started = Date.now();
    const child = spawn(process.execPath, [CLI, ...args], {
        cwd: options.cwd ?? ROOT,
        // A run inside GitHub Actions must not annotate the real job from tests.
        env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: undefined, GITHUB_ACTIONS: undefined, GITHUB_STEP_SUMMARY: undefined, ...options.env },
        stdio: ['ignore', 'pipe', 'pipe'],
    });
    options.onSpawn?.(child.pid!);
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const killer = setTimeout(() => child.kill('SIGKILL'), options.killAfterMs ?? 60_000);
    return new Promise((resolve) => {
        child.on('close', (code, signal) => {
            clearTimeout(killer);
            resolve({ code, signal, stdout, stderr, durationMs: Date.now() - started, pid: child.pid! });
        });
    });
}
