/**
 * The default reporter: a block per suite as it finishes, one line per check, the details of
 * every failure with the spec location that failed, and a summary line.
 *
 *   specs/weather.yaml › Weather server contract › weather (stdio: node fixtures/weather-server.js)
 *     ✓ lists tool get_alerts (1 ms)
 *     ✗ alerts for California (12 ms)
 *         specs/weather.yaml:31:17: expected text to contain "Heat Advisory"
 *
 *   Tests: 5 passed, 1 failed, 0 errored, 0 skipped (6 total) in 0.84 s
 */
import pc from 'picocolors';
import type { CaseResult, RunResult, SuiteResult } from '../run/result.js';
import { matrixLines } from './console-matrix.js';
import { portabilityLines } from './console-portability.js';
import { describeServer, problemLines, problemsOf } from './describe.js';
import type { Reporter } from './reporter.js';
import { visibleText } from './safe-text.js';

export interface ConsoleReporterOptions {
    /** Where to write. @default process.stdout */
    stream?: NodeJS.WritableStream & { isTTY?: boolean };
    /** Force colour on or off; by default on for a TTY unless NO_COLOR is set (FORCE_COLOR forces it). */
    color?: boolean;
    /** Lines of server stderr shown under a suite with failures. @default 10 */
    stderrLines?: number;
}

type Colors = ReturnType<typeof pc.createColors>;

/** Decides colour the way CLI users expect: NO_COLOR wins, FORCE_COLOR forces, else TTY only. */
export function shouldColor(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv = process.env): boolean {
    if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
    if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '0') return true;
    return stream.isTTY === true;
}

export class ConsoleReporter implements Reporter {
    private readonly stream: NonNullable<ConsoleReporterOptions['stream']>;
    private readonly c: Colors;
    private readonly stderrLines: number;

    constructor(options: ConsoleReporterOptions = {}) {
        this.stream = options.stream ?? process.stdout;
        this.c = pc.createColors(options.color ?? shouldColor(this.stream));
        this.stderrLines = options.stderrLines ?? 10;
    }

    onSuiteEnd(suite: SuiteResult): void {
        const { c } = this;
        const out: string[] = [c.bold(`${suite.file} › ${visibleText(suite.name)} › ${visibleText(describeServer(suite))}`)];
        for (const result of suite.cases) out.push(...this.caseLines(result));
        for (const note of suite.diagnostics) out.push(c.yellow(`  note: ${visibleText(note)}`));
        const troubled = suite.cases.some((r) => r.status === 'failed' || r.status === 'errored');
        if (troubled && suite.stderr) {
            const lines = suite.stderr.split(/\r?\n/).filter((l) => l.trim() !== '').slice(-this.stderrLines);
            if (lines.length) {
                out.push(c.dim(`  server stderr (last ${lines.length} lines):`));
                out.push(...lines.map((l) => c.dim(`    ${visibleText(l)}`)));
            }
        }
        this.stream.write(`${out.join('\n')}\n\n`);
    }

    onRunEnd(result: RunResult): void {
        const { c } = this;
        const t = result.totals;
        const parts = [
            c.green(`${t.passed} passed`),
            t.failed ? c.red(`${t.failed} failed`) : `${t.failed} failed`,
            t.errored ? c.red(`${t.errored} errored`) : `${t.errored} errored`,
            t.skipped ? c.yellow(`${t.skipped} skipped`) : `${t.skipped} skipped`,
        ];
        const lines = [
            ...result.suites.flatMap((suite) => (suite.portability ? [...portabilityLines(`${suite.server} (${suite.file})`, suite.portability, c.red), ''] : [])),
            ...(result.matrices ?? []).flatMap((m) => [...matrixLines(m, c.red), '']),
        ];
        lines.push(`Tests: ${parts.join(', ')} (${t.tests} total) in ${(result.durationMs / 1000).toFixed(2)} s`);
        if (result.interrupted) lines.unshift(c.red(`Interrupted by ${result.interrupted}: checks that had not run are reported as skipped.`));
        this.stream.write(`${lines.join('\n')}\n`);
    }

    private caseLines(result: CaseResult): string[] {
        const { c } = this;
        const name = visibleText(result.name);
        const attempts = result.attempts ? `, ${result.attempts} attempts` : '';
        const time = c.dim(`(${result.durationMs} ms${attempts})`);
        switch (result.status) {
            case 'passed':
                return [
                    `  ${c.green('✓')} ${name} ${time}`,
                    ...(result.warnings ?? []).map((w) => c.yellow(`      warning: ${visibleText(w)}`)),
                    ...(result.notes ?? []).map((n) => c.dim(`      ${visibleText(n)}`)),
                ];
            case 'skipped':
                return [`  ${c.yellow('-')} ${name} ${c.dim(`skipped: ${visibleText(result.reason)}`)}`];
            case 'failed':
            case 'errored': {
                const mark = result.status === 'failed' ? c.red('✗') : c.red('!');
                const label = result.status === 'errored' ? ` ${c.red('[error]')}` : '';
                const details = problemsOf(result).flatMap((p) => problemLines(p, result.loc)).flatMap((l) => visibleText(l).split('\n')).map((l) => `      ${l}`);
                return [`  ${mark} ${name}${label} ${time}`, ...details];
            }
        }
    }
}
