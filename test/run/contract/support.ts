/**
 * Shared by the contract-language tests: fixture paths, writing a spec (and files beside it)
 * to a fresh directory, running it through the runner or the CLI, and finding what a user
 * sees (a case, its problems, its console block, the `file:line:col` of a spec token).
 */
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { SourceLocation } from '../../../src/errors.js';
import type { CaseResult, Problem, RunResult } from '../../../src/run/result.js';
import { runSuites } from '../../../src/run/runner.js';
import { loadSpecs } from '../../../src/load/load.js';
import { ROOT, runCli, type CliRun } from '../../helpers/cli.js';
import { writeTemp } from '../../helpers/files.js';
import { parseJUnit, type JUnitCase, type JUnitDocument } from '../../helpers/junit-xml.js';
import { q } from '../../helpers/workspace.js';

export const NOTES = join(ROOT, 'fixtures/notes-server.js');
export const SLOPPY = join(ROOT, 'fixtures/sloppy-server.js');

/** The YAML lines of a stdio server entry running `node <script> <args…>` (under `servers:`). */
export function nodeServer(name: string, script: string, args: string[] = []): string[] {
    return [`  ${name}:`, `    command: ${q(process.execPath)}`, `    args: [${[script, ...args].map(q).join(', ')}]`];
}

/**
 * The spec lines up to one test entry's checks: the stdio server `name` (`node <script>`), and
 * a test entry on it with lint and protocol checks off. The entry's `calls:`, `resources:` or `prompts:` follow.
 */
export function serverEntry(name: string, script: string): string[] {
    return ['servers:', ...nodeServer(name, script), 'tests:', `  - server: ${name}`, '    lint: false', '    protocol: false'];
}

/** A spec written to disk: its path and its lines (to find where things were written). */
export interface WrittenSpec {
    file: string;
    dir: string;
    lines: string[];
}

/** Writes the spec (and `extra` files, relative to its directory) into a fresh temporary directory. */
export async function writeSpec(lines: string[], extra: Record<string, string> = {}, name = 'spec.yaml'): Promise<WrittenSpec> {
    const file = await writeTemp(lines.join('\n') + '\n', name);
    const dir = dirname(file);
    removeOnExit(dir);
    for (const [rel, text] of Object.entries(extra)) {
        const path = join(dir, rel);
        await mkdir(dirname(path), { recursive: true });
        await writeFile(path, text);
    }
    return { file, dir, lines };
}

const written: string[] = [];

/** Spec directories (with their reports) are removed when the test process ends. */
function removeOnExit(dir: string): void {
    if (written.length === 0) process.once('exit', () => written.forEach((d) => rmSync(d, { recursive: true, force: true })));
    written.push(dir);
}

/** Loads the spec file the way the CLI does and runs it; returns the result tree. */
export async function runSpec(spec: WrittenSpec): Promise<RunResult> {
    return runSuites(await loadSpecs([spec.file]));
}

export interface CliOutcome {
    run: CliRun;
    junit: JUnitDocument;
}

/** Runs the bundled CLI on the spec with `--junit`, from the repository root; returns both outputs. */
export async function runSpecCli(spec: WrittenSpec, args: string[] = []): Promise<CliOutcome> {
    const report = join(spec.dir, 'report.xml');
    const run = await runCli([spec.file, '--junit', report, ...args], { cwd: ROOT });
    const output = `mcp-check exited with ${run.code}:\n${run.stdout}\n${run.stderr}`;
    assert.ok(run.code === 0 || run.code === 1, output);
    const xml = await readFile(report, 'utf8').catch((error: Error) => assert.fail(`no JUnit report (${error.message}); ${output}`));
    return { run, junit: parseJUnit(xml) };
}

/** The one case named `name` in the result tree (of `server`, when given). */
export function caseNamed(result: RunResult, name: string, server?: string): CaseResult {
    const found = result.suites.flatMap((s) => s.cases).filter((c) => c.name === name && (server === undefined || c.server === server));
    assert.equal(found.length, 1, `expected one case named "${name}"${server ? ` on ${server}` : ''}, found ${found.length}:\n${statuses(result)}`);
    return found[0]!;
}

/** Every case as `name: status`, for assertion messages. */
export function statuses(result: RunResult): string {
    return result.suites.flatMap((s) => s.cases.map((c) => `${s.server} ${c.name}: ${c.status}${detail(c)}`)).join('\n');
}

function detail(c: CaseResult): string {
    if (c.status === 'failed') return ` (${c.problems.map((p) => p.message).join('; ')})`;
    if (c.status === 'errored') return ` (${c.error.message})`;
    if (c.status === 'skipped') return ` (${c.reason})`;
    return '';
}

/** The problems of a failed case; fails the test for any other status. */
export function problemsOf(c: CaseResult): Problem[] {
    assert.equal(c.status, 'failed', `expected "${c.name}" to fail, got ${c.status}${detail(c)}`);
    return (c as CaseResult & { status: 'failed' }).problems;
}

/** The only problem of a failed case. */
export function onlyProblem(c: CaseResult): Problem {
    const problems = problemsOf(c);
    assert.equal(problems.length, 1, `expected one problem in "${c.name}", got:\n${problems.map((p) => p.message).join('\n')}`);
    return problems[0]!;
}

/** The error of an errored case; fails the test for any other status. */
export function errorOf(c: CaseResult): Problem {
    assert.equal(c.status, 'errored', `expected "${c.name}" to error, got ${c.status}${detail(c)}`);
    return (c as CaseResult & { status: 'errored' }).error;
}

/** Asserts the case passed, showing why not otherwise. */
export function assertPassed(c: CaseResult): void {
    assert.equal(c.status, 'passed', `expected "${c.name}" to pass, got ${c.status}${detail(c)}`);
}

/**
 * Where `token` is written on the first spec line containing `lineText` (at or after the
 * line containing `after`, when given): the 1-based location a failure must point at.
 */
export function locate(spec: WrittenSpec, lineText: string, token: string, after?: string): SourceLocation {
    const start = after === undefined ? 0 : spec.lines.findIndex((l) => l.includes(after));
    assert.ok(start >= 0, `no spec line contains ${JSON.stringify(after)}`);
    const index = spec.lines.findIndex((l, i) => i >= start && l.includes(lineText));
    assert.ok(index >= 0, `no spec line contains ${JSON.stringify(lineText)}`);
    const col = spec.lines[index]!.indexOf(token, spec.lines[index]!.indexOf(lineText));
    assert.ok(col >= 0, `line ${index + 1} has no ${JSON.stringify(token)}`);
    return { file: spec.file, line: index + 1, col: col + 1 };
}

/** `file:line:col` of `locate(…)`, as reports print it. */
export function where(spec: WrittenSpec, lineText: string, token: string, after?: string): string {
    const loc = locate(spec, lineText, token, after);
    return `${loc.file}:${loc.line}:${loc.col}`;
}

/**
 * The console lines of one case: its status line (`✓ name (…)`) and the indented lines under
 * it. Fails the test when the case is not in the output exactly once.
 */
export function consoleBlock(stdout: string, name: string): string[] {
    const lines = stdout.split('\n');
    const heads = lines.flatMap((l, i) => (/^ {2}[✓✗!-] /.test(l) && l.slice(4).startsWith(`${name} `) ? [i] : []));
    assert.equal(heads.length, 1, `expected one console line for "${name}", found ${heads.length}:\n${stdout}`);
    const start = heads[0]!;
    let end = start + 1;
    while (end < lines.length && lines[end]!.startsWith('      ')) end++;
    return lines.slice(start, end);
}

/** The JUnit test cases named `name` (in any suite). */
export function junitCase(doc: JUnitDocument, name: string, classname?: string): JUnitCase {
    const found = doc.suites.flatMap((s) => s.cases).filter((c) => c.attrs.name === name && (classname === undefined || c.attrs.classname === classname));
    assert.equal(found.length, 1, `expected one JUnit testcase named "${name}"${classname ? ` (${classname})` : ''}, found ${found.length}`);
    return found[0]!;
}

/** `text` as a literal inside a regular expression. */
export function escapeRegExp(text: string): string {
    return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The console output of one server's suite (the block headed `… › <server> (…)`). */
export function suiteOutput(stdout: string, server: string): string {
    const blocks = stdout.split('\n\n').filter((b) => b.split('\n')[0]!.includes(` › ${server} (`));
    assert.equal(blocks.length, 1, `expected one console block for server ${server}, found ${blocks.length}:\n${stdout}`);
    return blocks[0]!;
}
