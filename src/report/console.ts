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
 *
 * An error shared by several checks of a server (it could not be reached, it died) is a server
 * error: printed once, before the first check it stopped, and each such check refers to it.
 */
import { basename } from 'node:path';
import pc from 'picocolors';
import type { CaseResult, Problem, RunResult, SuiteResult } from '../run/result.js';
import { matrixLines } from './console-matrix.js';
import { portabilityLines } from './console-portability.js';
import { describeServer, problemLines, problemsOf, serverErrorKey, serverErrors } from './describe.js';
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

// A server's multi-line message stays under its check instead of starting at the margin.
function indented(text: string): string[] {
    return visibleText(text)
        .split('\n')
        .map((line) => `      ${line}`);
}

// A spec without `name:` is named after its file, which the header already shows.
function suiteTitle(suite: SuiteResult): string[] {
    return suite.name === basename(suite.file) ? [] : [visibleText(suite.name)];
}

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
    /** Server errors already printed, so a server's later suites refer to them too. */
    private readonly printedServerErrors = new Set<string>();

    constructor(options: ConsoleReporterOptions = {}) {
        this.stream = options.stream ?? process.stdout;
        this.c = pc.createColors(options.color ?? shouldColor(this.stream));
        this.stderrLines = options.stderrLines ?? 10;
    }

    onSuiteEnd(suite: SuiteResult): void {
        const { c } = this;
        const out: string[] = [c.bold([suite.file, ...suiteTitle(suite), visibleText(describeServer(suite))].join(' › '))];
        const printed = this.casesWithServerErrors(suite, out);
        for (const note of suite.diagnostics) out.push(c.yellow(`  note: ${visibleText(note)}`));
        const troubled = suite.cases.some((r) => r.status === 'failed' || r.status === 'errored');
        if (troubled && suite.stderr) {
            const lines = suite.stderr.split(/\r?\n/).filter((l) => l.trim() !== '').slice(-this.stderrLines);
            // A server error that quotes the server's last words has said it all.
            if (lines.length && !lines.every((l) => printed.some((error) => error.includes(l)))) {
                out.push(c.dim(`  server stderr (last ${lines.length} lines):`));
                out.push(...lines.map((l) => c.dim(`    ${visibleText(l)}`)));
            }
        }
        this.stream.write(`${out.join('\n')}\n\n`);
    }

    /**
     * Appends the suite's case lines to `out`; returns the messages of the server errors printed.
     * Lint and protocol rules that say nothing new (passed cleanly, skipped, stopped by one server
     * error) are one line together, after the rules of their family shown on their own, unless
     * protocol rules are the suite's only checks.
     */
    private casesWithServerErrors(suite: SuiteResult, out: string[]): string[] {
        const { c } = this;
        const shared = serverErrors(suite);
        const printed: string[] = [];
        const serverErrorOf = (result: CaseResult): string | undefined => {
            if (result.status !== 'errored') return undefined;
            const key = serverErrorKey(suite, result.error);
            return shared.has(key) || this.printedServerErrors.has(key) ? key : undefined;
        };
        const refer = (line: string, error: Problem, key: string) => {
            if (!this.printedServerErrors.has(key)) {
                this.printedServerErrors.add(key);
                printed.push(error.message);
                out.push(...this.serverErrorLines(error, shared.get(key) ?? 1));
            }
            out.push(`${line}: ${c.dim('see the server error above')}`);
        };
        const families = RULE_FAMILIES.map((family) => {
            const members = suite.cases.filter((r) => r.kind === family);
            // When protocol rules are all the suite has (check-protocol), each rule is what was asked for.
            const groups = family === 'protocol' && members.length === suite.cases.length ? [] : ruleGroups(family, members, serverErrorOf);
            return { family, last: members[members.length - 1], members, groups };
        });
        const grouped = new Set(families.flatMap((f) => f.groups.flatMap((g) => g.cases)));
        for (const result of suite.cases) {
            const key = serverErrorOf(result);
            if (grouped.has(result)) {
                // Nothing of its own to show: said by its group's line below.
            } else if (key !== undefined && result.status === 'errored') {
                refer(this.caseLines(result)[0]!, result.error, key);
            } else {
                out.push(...this.caseLines(result));
            }
            const family = families.find((f) => f.last === result);
            if (!family) continue;
            const someShownAlone = family.members.some((r) => !grouped.has(r));
            for (const group of family.groups) {
                const line = this.ruleGroupLine(family.family, group, someShownAlone);
                const [first] = group.cases;
                if (group.serverError !== undefined && first?.status === 'errored') refer(line, first.error, group.serverError);
                else out.push(line);
            }
        }
        return printed;
    }

    /** `✓ lint: 8 rules passed (4 ms)`; `other` when some rules of the family are shown on their own. */
    private ruleGroupLine(family: RuleFamily, group: RuleGroup, other: boolean): string {
        const { c } = this;
        const n = group.cases.length;
        const rules = `${family}: ${n} ${other ? 'other ' : ''}rule${n === 1 ? '' : 's'}`;
        const time = c.dim(`(${group.cases.reduce((sum, r) => sum + r.durationMs, 0)} ms)`);
        const first = group.cases[0]!;
        switch (first.status) {
            case 'passed':
                return `  ${c.green('✓')} ${rules} passed ${time}`;
            case 'skipped': {
                const reasons = new Set(group.cases.map((r) => (r.status === 'skipped' ? r.reason : '')));
                const why = reasons.size === 1 ? first.reason : 'they do not apply to this server (the JSON and JUnit reports say why, rule by rule)';
                return `  ${c.yellow('-')} ${rules} ${c.dim(`skipped: ${visibleText(why)}`)}`;
            }
            default:
                return `  ${c.red('!')} ${rules} ${c.red('[error]')} ${time}`;
        }
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

    private serverErrorLines(error: Problem, checks: number): string[] {
        const { c } = this;
        const lines = [error.message, ...(error.details ?? []).map((d) => `  - ${d}`)].flatMap((l) => visibleText(l).split('\n'));
        return [`  ${c.red(`server error, ${checks} checks errored with it:`)}`, ...lines.map((l) => `      ${l}`)];
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
                    ...(result.warnings ?? []).flatMap((w) => indented(`warning: ${w}`).map(c.yellow)),
                    ...(result.notes ?? []).flatMap((n) => indented(n).map(c.dim)),
                ];
            case 'skipped':
                return [`  ${c.yellow('-')} ${name} ${c.dim(`skipped: ${visibleText(result.reason)}`)}`];
            case 'failed':
            case 'errored': {
                const mark = result.status === 'failed' ? c.red('✗') : c.red('!');
                const label = result.status === 'errored' ? ` ${c.red('[error]')}` : '';
                const details = problemsOf(result).flatMap((p) => problemLines(p, result.loc)).flatMap(indented);
                return [`  ${mark} ${name}${label} ${time}`, ...details];
            }
        }
    }
}

/** The rule families whose quiet cases the console shows one line per group. */
const RULE_FAMILIES = ['lint', 'protocol'] as const;
type RuleFamily = (typeof RULE_FAMILIES)[number];

/** Rules of one family that are shown together: same status, nothing of their own to say. */
interface RuleGroup {
    cases: CaseResult[];
    /** The server error that stopped them all. */
    serverError?: string;
}

/**
 * Groups of two or more cases: passed without warnings, skipped (lint: for one reason; protocol:
 * for any, as most protocol rules do not apply to a given server), or stopped by one server error.
 */
function ruleGroups(family: RuleFamily, cases: readonly CaseResult[], serverErrorOf: (result: CaseResult) => string | undefined): RuleGroup[] {
    const groups = new Map<string, RuleGroup>();
    for (const result of cases) {
        let key: string | undefined;
        if (result.status === 'passed' && !result.warnings?.length && !result.notes?.length) key = 'passed';
        if (result.status === 'skipped') key = family === 'protocol' ? 'skipped' : `skipped\u0000${result.reason}`;
        const serverError = serverErrorOf(result);
        if (serverError !== undefined) key = `errored\u0000${serverError}`;
        if (key === undefined) continue;
        const group = groups.get(key) ?? { cases: [], ...(serverError !== undefined ? { serverError } : {}) };
        group.cases.push(result);
        groups.set(key, group);
    }
    return [...groups.values()].filter((g) => g.cases.length > 1);
}
