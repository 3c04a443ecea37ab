/** `mcp-check probe`: load the spec, probe its servers, print the results, decide the exit code. */
import { UniversalMCPClient, type ListedTool } from '../../connect/client.js';
import { describeTarget } from '../../connect/types.js';
import { ExitCode, UsageError } from '../../errors.js';
import { formatProbeReport } from '../../probe/format.js';
import { DEFAULT_RUNS, probeServer } from '../../probe/probe.js';
import { randomSeed } from '../../probe/seed.js';
import type { ProbeReport } from '../../probe/types.js';
import { shouldColor } from '../../report/console.js';
import { redactor } from '../../report/redact.js';
import { visibleText } from '../../report/safe-text.js';
import { loadSpec } from '../../load/load.js';
import type { Suite } from '../../load/types.js';
import type { ProbeCliOptions } from './command.js';
import { watchSignals } from '../signals.js';
import { printSpecWarnings } from '../spec-warnings.js';

type Listing = { ok: true; tools: ListedTool[] } | { ok: false; error: string };

/** Probes the chosen servers and returns the exit code. Spec and usage errors are thrown (exit 2 upstream). */
export async function probeCommand(options: ProbeCliOptions): Promise<number> {
    const suite = await loadSpec(options.spec);
    printSpecWarnings(suite.warnings);
    const servers = chooseServers(suite, options.servers);
    const seed = options.seed ?? randomSeed();
    const runs = options.runs ?? DEFAULT_RUNS;
    const redact = redactor(suite.secrets);
    const color = options.color ?? shouldColor(process.stdout);
    const write = (line: string) => process.stdout.write(`${line}\n`);
    const signals = watchSignals();
    const mcp = new UniversalMCPClient();
    const started = Date.now();
    try {
        for (const name of servers) mcp.addServer(name, withTimeout(suite.servers[name]!.config, options.timeoutMs));
        // Everything is listed first, so a --tool that names nothing is bad input before any tool is called.
        const listings = await Promise.all(servers.map((name) => list(mcp, name, signals.signal)));
        const listedAnywhere = new Set(listings.flatMap((l) => (l.ok ? l.tools.map((t) => t.name) : [])));
        for (const [flag, names] of [['--tool', options.tools], ['--exclude-tool', options.excludeTools]] as const) {
            const unknown = names.filter((tool) => !listedAnywhere.has(tool));
            if (unknown.length > 0 && listings.every((l) => l.ok)) {
                throw new UsageError(`${flag}: no probed server lists ${unknown.map((t) => JSON.stringify(t)).join(', ')} (servers: ${servers.join(', ')})`);
            }
        }
        const fromSpec = probeSettings(suite);
        // Servers are probed concurrently; each server's calls run one at a time.
        const reports = servers.map((name, i) => {
            const listing = listings[i]!;
            if (!listing.ok) return Promise.resolve(listing.error);
            const lists = (t: string) => listing.tools.some((l) => l.name === t);
            const only = options.tools.length > 0 ? options.tools.filter(lists) : undefined;
            const spec = fromSpec.get(name);
            // A flag applies to every server that lists the tool; the spec's names are the server's own.
            const exclude = [...new Set([...options.excludeTools.filter(lists), ...(spec?.exclude ?? [])])];
            // The server's own timeout first, as for spec calls; probeServer defaults the rest.
            const timeoutMs = suite.servers[name]!.config.timeoutMs ?? options.timeoutMs;
            return probeServer(mcp, name, {
                seed,
                runs,
                listedTools: listing.tools,
                ...(only ? { only } : {}),
                ...(spec?.tools.length ? { tools: spec.tools } : {}),
                ...(exclude.length ? { exclude } : {}),
                ...(options.acceptCoercion || spec?.acceptCoercion ? { acceptCoercion: true } : {}),
                ...(timeoutMs ? { timeoutMs } : {}),
                signal: signals.signal,
            }).catch((error: unknown) => (error instanceof Error ? error.message : String(error)));
        });
        const totals = { passed: 0, failed: 0, errored: 0, skipped: 0, notListed: 0 };
        for (const [i, name] of servers.entries()) {
            const report = await reports[i]!;
            write(redact(`${name} (${describeTarget(suite.servers[name]!.config)})`));
            if (typeof report === 'string') {
                write(visibleText(redact(`  ! ${report}`)));
                totals.errored++;
                continue;
            }
            const replay = (tool: string) => replayCommand(options.spec, name, tool, seed, runs, options.acceptCoercion === true);
            for (const line of formatProbeReport(report, { color, replay, redact })) write(line);
            count(report, totals);
        }
        const seconds = ((Date.now() - started) / 1000).toFixed(2);
        const notListed = totals.notListed ? `, ${totals.notListed} not listed` : '';
        write(
            `\nProbe: ${totals.passed} passed, ${totals.failed} failed, ${totals.errored} errored, ${totals.skipped} skipped${notListed} ` +
                `(seed ${seed}; replay with --seed ${seed}) in ${seconds} s`,
        );
        if (signals.received) return signals.received === 'SIGINT' ? ExitCode.sigint : ExitCode.sigterm;
        if (totals.failed + totals.errored + totals.notListed > 0) return ExitCode.failed;
        // A gate that checked nothing is not green, unless the user says so.
        if (totals.passed === 0 && !options.allowEmpty) {
            process.stderr.write('mcp-check: no tool was probed: no listed tool is readOnlyHint: true or named under probe: { tools: [...] } (--allow-empty to pass anyway)\n');
            return ExitCode.failed;
        }
        return ExitCode.passed;
    } finally {
        await mcp.close();
        signals.dispose();
    }
}

function chooseServers(suite: Suite, asked: readonly string[]): string[] {
    const declared = Object.keys(suite.servers);
    if (declared.length === 0) throw new UsageError(`${suite.file} declares no servers`);
    const unknown = asked.filter((name) => !declared.includes(name));
    if (unknown.length > 0) {
        throw new UsageError(`--server: ${suite.file} has no server ${unknown.map((n) => JSON.stringify(n)).join(', ')} (it has ${declared.join(', ')})`);
    }
    return asked.length > 0 ? [...new Set(asked)] : declared;
}

async function list(mcp: UniversalMCPClient, name: string, signal: AbortSignal): Promise<Listing> {
    try {
        await mcp.connect(name, { signal });
        return { ok: true, tools: await mcp.listTools(name, { signal }) };
    } catch (error) {
        return { ok: false, error: error instanceof Error ? error.message : String(error) };
    }
}

/** What the spec's tests say under `probe:`, by server: tools opted in and excluded, coercion accepted. */
function probeSettings(suite: Suite): Map<string, { tools: string[]; exclude: string[]; acceptCoercion: boolean }> {
    const byServer = new Map<string, { tools: string[]; exclude: string[]; acceptCoercion: boolean }>();
    for (const test of suite.tests) {
        if (!test.probe) continue;
        const seen = byServer.get(test.server) ?? { tools: [], exclude: [], acceptCoercion: false };
        byServer.set(test.server, {
            tools: [...new Set([...seen.tools, ...test.probe.tools])],
            exclude: [...new Set([...seen.exclude, ...(test.probe.exclude ?? [])])],
            acceptCoercion: seen.acceptCoercion || test.probe.acceptCoercion === true,
        });
    }
    return byServer;
}

function count(report: ProbeReport, totals: { passed: number; failed: number; errored: number; skipped: number; notListed: number }): void {
    for (const tool of report.tools) totals[tool.status]++;
    totals.skipped += report.skipped.length;
    totals.notListed += report.notListed.length;
}

function withTimeout<T extends { timeoutMs?: number }>(config: T, timeoutMs: number | undefined): T {
    return config.timeoutMs === undefined && timeoutMs !== undefined ? { ...config, timeoutMs } : config;
}

/** The command line that probes one tool again with the same arguments. */
function replayCommand(spec: string, server: string, tool: string, seed: number, runs: number, acceptCoercion: boolean): string {
    const runsFlag = runs === DEFAULT_RUNS ? '' : ` --runs ${runs}`;
    const coercion = acceptCoercion ? ' --accept-coercion' : '';
    return `mcp-check probe ${shellQuote(spec)} --server ${shellQuote(server)} --tool ${shellQuote(tool)} --seed ${seed}${runsFlag}${coercion}`;
}

function shellQuote(value: string): string {
    return /^[\w./:@%+=,-]+$/.test(value) ? value : `'${value.replaceAll("'", `'\\''`)}'`;
}
