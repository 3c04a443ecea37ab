/**
 * Shared helpers for the fault-tolerance suite: spec files in a fresh directory, a run of the
 * real CLI with a JUnit report, a small reader for that report and the console output, and
 * the "no process survives" check.
 */
import assert from 'node:assert/strict';
import type { TestContext } from 'node:test';
import { existsSync, readFileSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { runCli, type CliOptions, type CliRun } from '../helpers/cli.js';
import { tempDir } from '../helpers/files.js';
import { expectValidJUnit } from '../helpers/junit.js';
import { parseJUnit } from '../helpers/junit-xml.js';
import { FAULTY, HOSTILE, HTTP_FAULTS, isAlive } from '../helpers/servers.js';

export { FAULTY, HOSTILE, HTTP_FAULTS };

/** A YAML double-quoted scalar (JSON strings are valid YAML). */
export const q = (value: string): string => JSON.stringify(value);

/** A fresh directory for one run: spec, JUnit report, PID and log files. */
export class Workspace {
    private constructor(readonly dir: string) {}

    static async create(): Promise<Workspace> {
        return new Workspace(await tempDir());
    }

    path(name: string): string {
        return join(this.dir, name);
    }

    /** Where the fixture started for server `name` writes its PID. */
    pidFile(name: string): string {
        return this.path(`${name}.pid`);
    }

    /** Every PID file written so far in this workspace. */
    async pids(): Promise<Map<string, number>> {
        const { readdir } = await import('node:fs/promises');
        const found = new Map<string, number>();
        for (const entry of await readdir(this.dir)) {
            if (!entry.endsWith('.pid')) continue;
            const pid = readPid(this.path(entry));
            if (pid !== undefined) found.set(entry.slice(0, -4), pid);
        }
        return found;
    }

    /**
     * YAML args for the faulty fixture in `mode`, writing its PID to `pidFile(name)`, e.g.
     * `["/…/faulty-server.js", --mode, crash-on-call, --pid-file, "/tmp/…/s.pid"]`.
     */
    faultyArgs(name: string, mode: string, extra: string[] = []): string {
        return `[${[q(FAULTY), '--mode', mode, '--pid-file', q(this.pidFile(name)), ...extra.map(q)].join(', ')}]`;
    }

    /** YAML args for the hostile fixture in `mode`, e.g. `["/…/hostile-server.js", --mode, forge, --pid-file, …]`. */
    hostileArgs(name: string, mode: string): string {
        return `[${[q(HOSTILE), '--mode', mode, '--pid-file', q(this.pidFile(name))].join(', ')}]`;
    }

    /** A well-behaved stdio server named `control`, to show that other servers run normally. */
    controlServer(): string {
        return ['  control:', '    command: node', `    args: ${this.faultyArgs('control', 'normal')}`, '    timeout: 10s'].join('\n');
    }

    /** Two calls on `control` that pass when the server works. */
    static controlTest(): string {
        return [
            '  - server: control',
            '    calls:',
            '      - name: control ok',
            '        tool: ok',
            '        expect: { text: ok }',
            '      - name: control crash tool is fine',
            '        tool: crash',
            '        expect: { text: "crash: ok" }',
        ].join('\n');
    }

    async writeSpec(yaml: string, name = 'spec.yaml'): Promise<string> {
        const file = this.path(name);
        await writeFile(file, yaml);
        return file;
    }
}

export function readPid(file: string): number | undefined {
    if (!existsSync(file)) return undefined;
    const pid = Number(readFileSync(file, 'utf8').trim());
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
}

/** A run of the CLI on one spec with `--junit`, plus what the reports say. */
export interface FaultRun extends CliRun {
    spec: string;
    junitFile: string;
    junit: JUnitReport;
    /** The JUnit file as written (empty when it was not written). */
    junitXml: string;
}

export interface RunSpecOptions extends CliOptions {
    /** Extra CLI arguments after the spec file. */
    args?: string[];
}

/** Runs `mcp-check <spec> --junit <ws>/report.xml` and reads the report back. */
export async function runSpec(ws: Workspace, spec: string, options: RunSpecOptions = {}): Promise<FaultRun> {
    const junitFile = ws.path('report.xml');
    const run = await runCli([spec, '--junit', junitFile, ...(options.args ?? [])], options);
    const junitXml = existsSync(junitFile) ? await readFile(junitFile, 'utf8') : '';
    return { ...run, spec, junitFile, junitXml, junit: readJUnit(junitXml) };
}

/** Writes `yaml` to the workspace and runs it. */
export async function runYaml(ws: Workspace, yaml: string, options: RunSpecOptions = {}): Promise<FaultRun> {
    return runSpec(ws, await ws.writeSpec(yaml), options);
}

/** Everything a failed assertion needs to explain itself. */
export function show(run: CliRun & { junitXml?: string }): string {
    const junit = run.junitXml === undefined ? '' : `\n--- junit (${run.junitXml.length} chars) ---\n${clip(run.junitXml, 6000)}`;
    return `exit ${run.code} (signal ${run.signal}) after ${run.durationMs} ms\n--- stdout ---\n${clip(run.stdout, 6000)}\n--- stderr ---\n${clip(run.stderr, 3000)}${junit}`;
}

function clip(text: string, max: number): string {
    return text.length > max ? `${text.slice(0, max)}\n… [${text.length - max} more chars]` : text;
}

// --- JUnit -------------------------------------------------------------------------------

export type Status = 'passed' | 'failed' | 'errored' | 'skipped';

export interface JUnitCase {
    classname: string;
    name: string;
    status: Status;
    time: number;
    /** `message` of `<failure>` / `<error>` / `<skipped>`. */
    message: string;
    /** The text of its `<failure>` / `<error>` / `<skipped>`, system-out and system-err (CDATA unwrapped, entities decoded). */
    text: string;
    systemErr: string;
}

export interface JUnitSuite {
    name: string;
    attrs: Record<string, string>;
    properties: Record<string, string>;
    cases: JUnitCase[];
}

export interface JUnitReport {
    suites: JUnitSuite[];
}

/**
 * The JUnit report as the fault tests read it, from the shared reader (validity is xmllint's
 * job); an empty file (no report written) has no suites.
 */
export function readJUnit(xml: string): JUnitReport {
    if (xml === '') return { suites: [] };
    return {
        suites: parseJUnit(xml).suites.map((s) => ({
            name: s.attrs['name'] ?? '',
            attrs: s.attrs,
            properties: s.properties,
            cases: s.cases.map((c) => {
                const problem = c.error ?? c.failure ?? c.skipped;
                const status: Status = c.error ? 'errored' : c.failure ? 'failed' : c.skipped ? 'skipped' : 'passed';
                return {
                    classname: c.attrs['classname'] ?? '',
                    name: c.attrs['name'] ?? '',
                    status,
                    time: Number(c.attrs['time'] ?? 'NaN'),
                    message: problem?.attrs['message'] ?? '',
                    text: [problem?.body, c.systemOut, c.systemErr].filter((t) => t !== undefined).join('\n'),
                    systemErr: c.systemErr ?? '',
                };
            }),
        })),
    };
}

/** The `<testsuite>` of `server` (its name ends with `› <server>`). */
export function junitSuite(run: FaultRun, server: string): JUnitSuite {
    const suite = run.junit.suites.find((s) => s.name.endsWith(`› ${server}`) || s.cases.some((c) => c.classname.startsWith(`${server}.`)));
    assert.ok(suite, `JUnit has no <testsuite> for server "${server}"\n${show(run)}`);
    return suite;
}

export function junitCase(run: FaultRun, server: string, name: string): JUnitCase {
    const found = junitSuite(run, server).cases.find((c) => c.name === name);
    assert.ok(found, `JUnit has no <testcase name="${name}"> for server "${server}"\n${show(run)}`);
    return found;
}

// --- console -----------------------------------------------------------------------------

export interface ConsoleCase {
    name: string;
    status: Status;
    /** The case line and its detail lines. */
    text: string;
}

/**
 * The console block of `server`: from its header line (`file › suite › server (transport: target)`)
 * to the blank line that ends it.
 */
export function consoleBlock(run: CliRun, server: string): string {
    const lines = run.stdout.split('\n');
    const start = lines.findIndex((l) => l.includes(' › ') && l.includes(`› ${server} (`));
    assert.ok(start >= 0, `the console shows no block for server "${server}"\n${show(run)}`);
    let end = lines.findIndex((l, i) => i > start && l.trim() === '');
    if (end < 0) end = lines.length;
    return lines.slice(start, end).join('\n');
}

const CASE_LINE = /^ {2}([✓✗!-]) (.*)$/;
const SERVER_ERROR = /^ {2}server error, \d+ checks errored with it:$/;
const REFERENCE = ': see the server error above';

/**
 * The cases of a server's console block, in order. A check that refers to the server error
 * printed above it gets that error in its text, as a reader would take it.
 */
export function consoleCases(run: CliRun, server: string): ConsoleCase[] {
    const cases: ConsoleCase[] = [];
    let serverError: string[] | undefined;
    let inServerError = false;
    for (const line of consoleBlock(run, server).split('\n').slice(1)) {
        const m = CASE_LINE.exec(line);
        if (m) {
            inServerError = false;
            const [, mark, rest] = m as unknown as [string, string, string];
            const refers = rest.endsWith(REFERENCE);
            const status: Status = mark === '✓' ? 'passed' : mark === '✗' ? 'failed' : mark === '!' ? 'errored' : 'skipped';
            const name = rest
                .slice(0, refers ? -REFERENCE.length : undefined)
                .replace(/ \((?:\d+(?:\.\d+)?) m?s\)$/, '')
                .replace(/ \[error\]$/, '')
                .replace(/ (?:\[skipped\]|skipped:).*$/, '');
            assert.ok(!refers || serverError, `"${name}" refers to a server error that was not printed above it`);
            cases.push({ name, status, text: refers ? [line, ...serverError!].join('\n') : line });
        } else if (SERVER_ERROR.test(line)) {
            inServerError = true;
            serverError = [line];
        } else if (inServerError && /^ {4,}/.test(line)) {
            serverError!.push(line);
        } else if (cases.length && /^ {4,}/.test(line)) {
            cases[cases.length - 1]!.text += `\n${line}`;
        } else if (!/^ {2}\S/.test(line)) {
            // A continuation that belongs to no case (should not happen); keep it with the last one.
            if (cases.length) cases[cases.length - 1]!.text += `\n${line}`;
        }
    }
    return cases;
}

/** The console entry of one case; its line starts with the case's name. */
export function consoleCase(run: CliRun, server: string, name: string): ConsoleCase {
    const found = consoleCases(run, server).find((c) => c.name === name);
    assert.ok(found, `the console shows no case "${name}" for server "${server}"\n${show(run)}`);
    return found;
}

// --- the checks every case makes ----------------------------------------------------------

/** How many checks a console line stands for: `lint: 8 rules passed` stands for eight lint rules (protocol alike). */
function checksOf(c: ConsoleCase): number {
    const group = /^(?:lint|protocol): (\d+) (?:other )?rules?\b/.exec(c.name);
    return group ? Number(group[1]) : 1;
}

export interface Expected {
    /** One status, or the statuses that are all acceptable (e.g. failed or errored). */
    status: Status | Status[];
    /** Substrings (or patterns) the console entry and the JUnit case must both contain. */
    says?: (string | RegExp)[];
}

/**
 * Checks one planned case in both reports: present, with the expected status, and saying
 * what went wrong. Console errors must carry the `[error]` label; JUnit uses `<error>`.
 */
export function expectCase(run: FaultRun, server: string, name: string, expected: Expected): { console: ConsoleCase; junit: JUnitCase } {
    const c = consoleCase(run, server, name);
    const j = junitCase(run, server, name);
    const where = `case "${name}" of server "${server}"`;
    const allowed = Array.isArray(expected.status) ? expected.status : [expected.status];
    assert.ok(allowed.includes(c.status), `console status of ${where} is ${c.status}, expected ${allowed.join(' or ')}\n${c.text}\n${show(run)}`);
    assert.ok(allowed.includes(j.status), `JUnit status of ${where} is ${j.status}, expected ${allowed.join(' or ')}\n${j.text}\n${show(run)}`);
    assert.equal(c.status, j.status, `console and JUnit disagree on ${where}`);
    if (c.status === 'errored') assert.ok(c.text.split('\n')[0]!.includes('[error]'), `console line of ${where} lacks [error]: ${c.text}`);
    for (const s of expected.says ?? []) {
        assert.ok(matches(c.text, s), `console entry of ${where} should contain ${String(s)}, got:\n${c.text}\n${show(run)}`);
        assert.ok(matches(j.text, s) || matches(j.message, s), `JUnit case ${where} should contain ${String(s)}, got message ${JSON.stringify(j.message)} and text:\n${j.text}`);
    }
    return { console: c, junit: j };
}

function matches(text: string, s: string | RegExp): boolean {
    return typeof s === 'string' ? text.includes(s) : s.test(text);
}

export interface RunExpectation {
    /** Expected exit code. */
    code: number;
    /** The run must end within this many ms (generous: timeout + margin). */
    maxMs: number;
    /** Every planned case name of each server, as the spec names them (plus the automatic ones). */
    planned: Record<string, string[]>;
}

/** Exit code, time bound, well-formed schema-valid JUnit (a subtest of `t`), and every planned case in both reports. */
export async function expectRun(t: TestContext, run: FaultRun, expected: RunExpectation): Promise<void> {
    assert.equal(run.signal, null, `the CLI was killed by ${run.signal} (the test's safety net?)\n${show(run)}`);
    assert.equal(run.code, expected.code, `exit code\n${show(run)}`);
    assert.ok(run.durationMs <= expected.maxMs, `the run took ${run.durationMs} ms, more than ${expected.maxMs} ms\n${show(run)}`);
    assert.ok(run.junitXml.length > 0, `no JUnit report was written\n${show(run)}`);
    await expectValidJUnit(t, run.junitFile);
    for (const [server, names] of Object.entries(expected.planned)) {
        const inConsole = consoleCases(run, server).map((c) => c.name);
        const inJUnit = junitSuite(run, server).cases.map((c) => c.name);
        for (const name of names) {
            assert.ok(inConsole.includes(name), `console lacks planned case "${name}" of "${server}": ${JSON.stringify(inConsole)}\n${show(run)}`);
            assert.ok(inJUnit.includes(name), `JUnit lacks planned case "${name}" of "${server}": ${JSON.stringify(inJUnit)}`);
        }
        const shown = consoleCases(run, server).reduce((n, c) => n + checksOf(c), 0);
        assert.equal(shown, inJUnit.length, `console and JUnit list different numbers of cases for "${server}"`);
    }
}

/** The control server's calls passed: other servers' tests ran normally. */
export function expectControlPassed(run: FaultRun): void {
    expectCase(run, 'control', 'control ok', { status: 'passed' });
    expectCase(run, 'control', 'control crash tool is fine', { status: 'passed' });
}

// --- processes -----------------------------------------------------------------------------

/** Alive and not a zombie (an exited child nobody reaped yet is not "left behind"). */
export function isRunning(pid: number): boolean {
    if (!isAlive(pid)) return false;
    try {
        const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
        const state = stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3);
        return state !== 'Z' && state !== 'X';
    } catch {
        return isAlive(pid);
    }
}

function describePid(pid: number): string {
    try {
        return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ').trim();
    } catch {
        return '?';
    }
}

/**
 * Asserts that none of `pids` is running `withinMs` after the CLI exited. Survivors are
 * killed (SIGKILL) before the assertion fails, so a failing test leaves nothing behind either.
 */
export async function expectNoSurvivors(pids: Map<string, number> | Record<string, number>, withinMs = 2000): Promise<void> {
    const entries = pids instanceof Map ? [...pids] : Object.entries(pids);
    const deadline = Date.now() + withinMs;
    let alive = entries.filter(([, pid]) => isRunning(pid));
    while (alive.length && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 50));
        alive = alive.filter(([, pid]) => isRunning(pid));
    }
    const described = alive.map(([name, pid]) => `${name} (pid ${pid}: ${describePid(pid)})`);
    for (const [, pid] of alive) {
        try {
            process.kill(pid, 'SIGKILL');
        } catch {
            // Already gone.
        }
    }
    assert.deepEqual(described, [], `processes of the run survived it by ${withinMs} ms`);
}

/** Asserts that the PID files of `names` exist (the fixtures really started). */
export async function startedPids(ws: Workspace, names: string[]): Promise<Map<string, number>> {
    const pids = await ws.pids();
    for (const name of names) assert.ok(pids.has(name), `server "${name}" never wrote its PID file (was it started?)`);
    return pids;
}

/** Polls `check` every 50 ms until it is true or `ms` passed. */
export async function waitFor(check: () => boolean, ms: number, what: string): Promise<void> {
    const deadline = Date.now() + ms;
    while (!check()) {
        if (Date.now() > deadline) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
        await new Promise((resolve) => setTimeout(resolve, 50));
    }
}
