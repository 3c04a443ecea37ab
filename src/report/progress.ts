/**
 * Live progress for people watching a terminal: one line on stderr, rewritten in place, with
 * checks done out of planned and the check that just finished. Never shown in CI or when
 * stderr is not a TTY, where a rewritten line is only noise in a log.
 */
import type { CaseResult } from '../run/result.js';
import type { Reporter } from './reporter.js';
import { visibleText } from './safe-text.js';

type TtyStream = NodeJS.WritableStream & { isTTY?: boolean; columns?: number };

/** Whether live progress fits this environment. */
export function wantsProgress(stream: TtyStream = process.stderr, env: NodeJS.ProcessEnv = process.env): boolean {
    const ci = env.CI !== undefined && env.CI !== '' && env.CI !== 'false' && env.CI !== '0';
    return stream.isTTY === true && !ci;
}

export class ProgressReporter implements Reporter {
    private total = 0;
    private done = 0;
    private servers = 0;
    private shown = false;

    constructor(private readonly stream: TtyStream = process.stderr) {}

    onRunStart(info: { total: number; servers: string[] }): void {
        this.total = info.total;
        this.servers = info.servers.length;
        this.draw(`connecting to ${this.servers} server${this.servers === 1 ? '' : 's'}…`);
    }

    onCaseEnd(result: CaseResult): void {
        this.done++;
        this.draw(`${result.server}: ${result.name}`);
    }

    /** Suite blocks are printed on stdout; clear the line first so they do not interleave. */
    onSuiteEnd(): void {
        this.clear();
    }

    onRunEnd(): void {
        this.clear();
    }

    private draw(what: string): void {
        const width = Math.max(20, (this.stream.columns ?? 80) - 1);
        const line = visibleText(`[${this.done}/${this.total}] ${what}`);
        this.stream.write(`\r\x1b[2K${line.length > width ? `${line.slice(0, width - 1)}…` : line}`);
        this.shown = true;
    }

    private clear(): void {
        if (this.shown) this.stream.write('\r\x1b[2K');
        this.shown = false;
    }
}
