/**
 * GitHub Actions (`--reporter github`, automatic when `GITHUB_ACTIONS=true`): one `::error`
 * annotation per failed or errored check (one for all the checks a single server error stopped), placed on the spec line of its first failing
 * assertion, `::warning` annotations for lint warnings, and a Markdown job summary appended
 * to `$GITHUB_STEP_SUMMARY`. Annotations are written when the run ends, after the console's
 * output, so a capped list never hides the console's full account.
 *
 *   ::error file=specs/weather.yaml,line=39,col=31,title=weather › forecast is structured::structuredContent.unit: expected "celsius", got "fahrenheit"%0A  expected: "celsius"%0A  actual:   "fahrenheit"
 */
import { realpathSync } from 'node:fs';
import { appendFile } from 'node:fs/promises';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { formatLocation, type SourceLocation } from '../errors.js';
import type { CaseResult, RunResult } from '../run/result.js';
import { problemLines, problemsOf, serverErrorKey, serverErrors } from './describe.js';
import { workflowCommand } from './escape-github.js';
import { writeWorkflowCommands } from './output-guard.js';
import { boundString } from './prepare.js';
import type { Reporter } from './reporter.js';
import { visibleText } from './safe-text.js';

/** Longest annotation message; GitHub shows annotations in a small box. */
const MAX_MESSAGE = 4000;
/** Longest message shown in a summary table cell. */
const MAX_CELL = 200;

export interface GitHubReporterOptions {
    /** Where workflow commands are written. @default process.stdout */
    stream?: NodeJS.WritableStream;
    /** Read for `GITHUB_WORKSPACE`, `GITHUB_STEP_SUMMARY` and the commit link variables. @default process.env */
    env?: NodeJS.ProcessEnv;
    /** Directory that annotation paths are relative to. @default `$GITHUB_WORKSPACE`, else the current directory */
    root?: string;
    /** Most `::error` (and, separately, `::warning`) annotations; the rest are counted in a notice. @default 50 */
    maxAnnotations?: number;
    /** Most failing checks listed in the job summary's table. @default 50 */
    maxSummaryRows?: number;
}

/** Writes annotations to stdout and the job summary when the run ends. */
export class GitHubReporter implements Reporter {
    private readonly stream: NodeJS.WritableStream;
    private readonly env: NodeJS.ProcessEnv;
    private readonly root: string;
    private readonly maxAnnotations: number;
    private readonly maxSummaryRows: number;

    constructor(options: GitHubReporterOptions = {}) {
        this.stream = options.stream ?? process.stdout;
        this.env = options.env ?? process.env;
        this.root = options.root ?? (this.env.GITHUB_WORKSPACE || process.cwd());
        this.maxAnnotations = options.maxAnnotations ?? 50;
        this.maxSummaryRows = options.maxSummaryRows ?? 50;
    }

    async onRunEnd(result: RunResult): Promise<void> {
        const lines = renderAnnotations(result, { root: this.root, max: this.maxAnnotations });
        if (lines.length) writeWorkflowCommands(this.stream, lines);
        const summaryFile = this.env.GITHUB_STEP_SUMMARY;
        if (summaryFile) await appendFile(summaryFile, renderJobSummary(result, { root: this.root, maxRows: this.maxSummaryRows, links: commitLinks(this.env) }));
    }
}

/** The failed and errored checks of a run, in report order. */
function troubled(result: RunResult): CaseResult[] {
    return result.suites.flatMap((s) => s.cases).filter((c) => c.status === 'failed' || c.status === 'errored');
}

/** What one `::error` annotation covers: a failing check, or every check one server error stopped. */
interface Annotated {
    first: CaseResult;
    /** The other checks the same server error stopped. */
    alike: CaseResult[];
}

/** The failing checks, with the errored ones that share a server error folded into the first of them (as the console shows them). */
function annotated(result: RunResult): Annotated[] {
    return result.suites.flatMap((suite) => {
        const shared = serverErrors(suite);
        const groups = new Map<string, Annotated>();
        const list: Annotated[] = [];
        for (const c of suite.cases) {
            if (c.status !== 'failed' && c.status !== 'errored') continue;
            const key = c.status === 'errored' ? serverErrorKey(suite, c.error) : undefined;
            const group = key !== undefined && shared.has(key) ? groups.get(key) : undefined;
            if (group) {
                group.alike.push(c);
                continue;
            }
            const fresh = { first: c, alike: [] };
            if (key !== undefined && shared.has(key)) groups.set(key, fresh);
            list.push(fresh);
        }
        return list;
    });
}

/** Where a check's annotation goes: its first problem's spec location, else the check's own. */
export function annotationLocation(result: CaseResult): SourceLocation {
    return problemsOf(result)[0]?.loc ?? result.loc;
}

/** The workflow command lines for a run: errors, warnings, and a notice per capped kind. */
export function renderAnnotations(result: RunResult, options: { root: string; max: number; cwd?: string }): string[] {
    const cwd = options.cwd ?? process.cwd();
    const at = (c: CaseResult, loc: SourceLocation) => ({
        file: visibleText(repoPath(loc.file, options.root, cwd)),
        line: loc.line,
        col: loc.col,
        title: visibleText(`${c.server} › ${c.name}`),
    });
    const failing = annotated(result);
    const warned = result.suites.flatMap((s) => s.cases).filter((c) => warningsOf(c).length > 0);
    const lines = [
        ...failing.slice(0, options.max).map(({ first, alike }) => {
            const place = at(first, annotationLocation(first));
            if (alike.length === 0) return workflowCommand('error', place, annotationMessage(first));
            const names = [first, ...alike].map((c) => c.name);
            const message = `${annotationMessage(first)}\n(server error: ${names.length} checks errored with it: ${boundString(visibleText(names.join(', ')), MAX_CELL)})`;
            return workflowCommand('error', { ...place, title: visibleText(`${first.server} › server error`) }, message);
        }),
        ...warned.slice(0, options.max).map((c) => workflowCommand('warning', at(c, c.loc), visibleText(warningsOf(c).join('\n')))),
    ];
    if (failing.length > options.max) {
        const more = failing.length - options.max;
        lines.push(workflowCommand('notice', { title: 'mcp-check' }, `${more} more failure${more === 1 ? ' is' : 's are'} not annotated (at most ${options.max}); the console output and the job summary list them`));
    }
    if (warned.length > options.max) {
        const more = warned.length - options.max;
        lines.push(workflowCommand('notice', { title: 'mcp-check' }, `${more} more check${more === 1 ? '' : 's'} with warnings ${more === 1 ? 'is' : 'are'} not annotated (at most ${options.max})`));
    }
    return lines;
}

function warningsOf(result: CaseResult): string[] {
    return result.status === 'passed' ? (result.warnings ?? []) : [];
}

/**
 * An annotation's text: the first problem without its location (the annotation is placed
 * there), its expected/actual/details lines, then any further problems in full.
 */
export function annotationMessage(result: CaseResult): string {
    const [first, ...rest] = problemsOf(result);
    if (!first) return '';
    const lines = [first.message, ...problemLines(first, result.loc).slice(1), ...rest.flatMap((p) => problemLines(p, result.loc))];
    return boundString(visibleText(lines.join('\n')), MAX_MESSAGE);
}

/**
 * A spec path as GitHub wants it: relative to the repository root with forward slashes. Paths
 * outside the root are kept as given, since no relative form would resolve on GitHub either.
 */
export function repoPath(file: string, root: string, cwd: string = process.cwd()): string {
    const absolute = realPath(resolve(cwd, file));
    const rel = relative(realPath(resolve(cwd, root)), absolute);
    const inside = rel !== '' && rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel);
    return (inside ? rel : file).split(sep).join('/');
}

// Symlinked temp or workspace directories (macOS /tmp) would otherwise look like different trees.
function realPath(path: string): string {
    try {
        return realpathSync(path);
    } catch {
        return path;
    }
}

/** Builds `<server>/<repo>/blob/<sha>/<path>#L<line>` links when the workflow's variables are there. */
type LinkFor = (path: string, line: number) => string | undefined;

function commitLinks(env: NodeJS.ProcessEnv): LinkFor | undefined {
    const { GITHUB_SERVER_URL: server, GITHUB_REPOSITORY: repo, GITHUB_SHA: sha } = env;
    if (!server || !repo || !sha) return undefined;
    return (path, line) => (path.startsWith('/') || path.startsWith('../') ? undefined : `${server}/${repo}/blob/${sha}/${path.split('/').map(encodeURIComponent).join('/')}#L${line}`);
}

/** The Markdown job summary: a totals line and a bounded table of the checks that did not pass. */
export function renderJobSummary(result: RunResult, options: { root: string; maxRows: number; links?: LinkFor; cwd?: string }): string {
    const t = result.totals;
    const bad = t.failed + t.errored;
    const heading = bad ? `### ❌ mcp-check: ${bad} of ${t.tests} checks did not pass` : `### ✅ mcp-check: all ${t.passed} checks passed`;
    const out = [heading, '', `**${t.passed} passed, ${t.failed} failed, ${t.errored} errored, ${t.skipped} skipped** (${t.tests} total) in ${(result.durationMs / 1000).toFixed(2)} s`];
    if (result.interrupted) out.push('', `> Interrupted by ${result.interrupted}: checks that had not run are reported as skipped.`);
    const failing = troubled(result);
    if (failing.length) {
        out.push('', '| Result | Server | Test | Message | Location |', '| --- | --- | --- | --- | --- |');
        for (const c of failing.slice(0, options.maxRows)) {
            const loc = annotationLocation(c);
            const path = repoPath(loc.file, options.root, options.cwd);
            const where = markdownText(formatLocation({ ...loc, file: path }));
            const link = options.links?.(path, loc.line);
            const message = problemsOf(c)[0]?.message.split('\n')[0] ?? '';
            out.push(`| ${c.status} | ${markdownText(c.server)} | ${markdownText(c.name)} | ${markdownText(boundString(message, MAX_CELL))} | ${link ? `[${where}](${link})` : where} |`);
        }
        if (failing.length > options.maxRows) out.push('', `… and ${failing.length - options.maxRows} more`);
    }
    return `${out.join('\n')}\n\n`;
}

/**
 * Text that stays text in GitHub Markdown and a table cell: HTML and Markdown punctuation are
 * escaped (server text must not inject markup), and line breaks become spaces.
 */
export function markdownText(text: string): string {
    return visibleText(text)
        .replace(/\r?\n|\r/g, ' ')
        .replace(/[\\`*_[\]|~]/g, (ch) => `\\${ch}`)
        .replaceAll('&', '&amp;')
        .replaceAll('<', '&lt;')
        .replaceAll('>', '&gt;');
}
