/**
 * Schema-driven probing of one server: for each tool that may be called without side effects
 * (`readOnlyHint: true`, or listed explicitly), arguments generated from its inputSchema must
 * be accepted and invalid variants rejected. Deterministic for a given seed.
 *
 * @example
 * const report = await probeServer(mcp, 'weather', { seed: 42, runs: 100 });
 * for (const tool of report.tools) console.log(tool.tool, tool.status);
 */
import type { UniversalMCPClient } from '../connect/client.js';
import { DEFAULT_TIMEOUT_MS } from '../connect/types.js';
import { randomSeed } from './seed.js';
import { selectTools } from './select.js';
import { probeTool, type ToolContext } from './tool.js';
import type { ProbeOptions, ProbeReport, ProbeStatus, ToolProbe } from './types.js';

/** Valid-argument runs per tool when none are asked for. */
export const DEFAULT_RUNS = 50;

/** Shrinking calls a failing check may spend when no budget is given. */
export const DEFAULT_MAX_SHRINK_CALLS = 200;

/**
 * Probes the server registered as `server` on `mcp` (connecting if needed) and returns one
 * result per probed tool. Connection and listing errors are thrown; call errors are results.
 */
export async function probeServer(mcp: UniversalMCPClient, server: string, options: ProbeOptions = {}): Promise<ProbeReport> {
    const started = Date.now();
    const signal = options.signal;
    const runs = positive(options.runs, 'runs') ?? DEFAULT_RUNS;
    const invalidRuns = positive(options.invalidRuns, 'invalidRuns') ?? Math.max(1, Math.ceil(runs / 10));
    const seed = options.seed ?? randomSeed();
    if (!Number.isSafeInteger(seed)) throw new RangeError(`seed must be an integer, got ${seed}`);
    let listed = options.listedTools;
    if (!listed) {
        await mcp.connect(server, signal ? { signal } : {});
        listed = await mcp.listTools(server, { ...(signal ? { signal } : {}), ...(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {}) });
    }
    const selection = selectTools(listed, options);
    const ctx: ToolContext = {
        mcp,
        server,
        seed,
        runs,
        invalidRuns,
        maxShrinkCalls: options.maxShrinkCalls ?? DEFAULT_MAX_SHRINK_CALLS,
        timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
        ...(signal ? { signal } : {}),
        ...(options.acceptCoercion ? { acceptCoercion: true } : {}),
    };
    const tools: ToolProbe[] = [];
    let stopped: string | undefined;
    for (const { listed: tool, selectedBy } of selection.probe) {
        if (!stopped && signal?.aborted) stopped = 'the probe was interrupted';
        let probe: ToolProbe;
        if (stopped) {
            probe = { tool: tool.name, selectedBy, status: 'errored', checks: [], reason: `not probed: ${stopped}`, durationMs: 0 };
        } else {
            const outcome = await probeTool(ctx, tool, selectedBy);
            probe = outcome.probe;
            stopped = outcome.serverStopped;
        }
        tools.push(probe);
        options.onTool?.(probe);
    }
    return {
        server,
        seed,
        runs,
        invalidRuns,
        tools,
        skipped: selection.skipped,
        notListed: selection.notListed,
        status: overall(tools),
        durationMs: Date.now() - started,
    };
}

function overall(tools: readonly ToolProbe[]): ProbeStatus {
    if (tools.some((t) => t.status === 'failed')) return 'failed';
    if (tools.some((t) => t.status === 'errored')) return 'errored';
    return 'passed';
}

function positive(value: number | undefined, name: string): number | undefined {
    if (value === undefined) return undefined;
    if (!Number.isSafeInteger(value) || value < 1) throw new RangeError(`${name} must be a positive integer, got ${value}`);
    return value;
}
