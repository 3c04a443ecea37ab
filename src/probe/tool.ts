/**
 * Probes one tool: arguments generated from its inputSchema must be accepted (and answered
 * per its outputSchema); each invalid variant must be rejected. Checks run one after the
 * other, each call waiting for the last, so a stateful server sees one client at a time.
 */
import type { Arbitrary } from 'fast-check';
import { compileSchema, type CompiledSchema } from '../assert/json-schema.js';
import type { ListedTool, UniversalMCPClient } from '../connect/client.js';
import { schemaArbitrary } from './arbitrary.js';
import { invalidVariants } from './invalid.js';
import { callWithDeadline } from './call.js';
import { judgeInvalid, judgeValid, type CallOutcome, type Judgement } from './judge.js';
import { runProperty, type PropertyResult } from './property.js';
import { isObject } from './schema.js';
import { checkSeed } from './seed.js';
import type { Args, ProbeCheck, ProbeStatus, ToolProbe } from './types.js';

/** What every tool of one probe shares. */
export interface ToolContext {
    mcp: UniversalMCPClient;
    server: string;
    seed: number;
    runs: number;
    invalidRuns: number;
    maxShrinkCalls: number;
    /** Per-call deadline in ms; progress notifications do not extend it. */
    timeoutMs: number;
    signal?: AbortSignal;
    /** Wrong-type values the server may coerce are not sent (see `wrongTypeArbitrary`). */
    acceptCoercion?: boolean;
}

/** A tool's result, and why no later tool can be probed when that is so. */
export interface ToolOutcome {
    probe: ToolProbe;
    serverStopped?: string;
}

interface PlannedCheck {
    kind: ProbeCheck['kind'];
    name: string;
    property?: string;
    arbitrary: Arbitrary<Args>;
    keep: (args: Args) => boolean;
    judge: (outcome: CallOutcome) => Judgement;
    runs: number;
}

/** Probes one tool with every check that applies to it. */
export async function probeTool(ctx: ToolContext, listed: ListedTool, selectedBy: ToolProbe['selectedBy']): Promise<ToolOutcome> {
    const started = Date.now();
    const done = (checks: ProbeCheck[], reason?: string, serverStopped?: string): ToolOutcome => ({
        probe: { tool: listed.name, selectedBy, status: worst(checks, reason), checks, ...(reason ? { reason } : {}), durationMs: Date.now() - started },
        ...(serverStopped ? { serverStopped } : {}),
    });
    const raw = listed.raw;
    if (!('inputSchema' in raw)) return done([], 'cannot probe: the tool has no inputSchema');
    const input = compileSchema(raw.inputSchema);
    if (!input.ok) return done([], `cannot probe: its inputSchema does not compile: ${input.error}`);
    const generated = schemaArbitrary(raw.inputSchema);
    if (!generated) return done([], 'cannot probe: no arguments can be generated from its inputSchema');
    const output: CompiledSchema | undefined = raw.outputSchema === undefined ? undefined : compileSchema(raw.outputSchema);
    const isValid = (args: Args) => input.validate(args) === true;
    // Tool arguments are an object; a root that allows other values still gets objects only.
    const args = generated.map((value) => (isObject(value) ? value : {})) as Arbitrary<Args>;
    const call = (a: Args) => callWithDeadline(ctx.mcp, ctx.server, listed.name, a, ctx.timeoutMs, ctx.signal);

    const valid: PlannedCheck = {
        kind: 'valid',
        name: 'valid arguments',
        arbitrary: args,
        keep: isValid,
        judge: (outcome) => judgeValid(outcome, output),
        runs: ctx.runs,
    };
    const checks: ProbeCheck[] = [];
    const first = await runCheck(ctx, listed.name, valid, call);
    checks.push(first.check);
    if (first.serverStopped) return done(checks, undefined, first.serverStopped);

    // Variants start from valid arguments only, so a rejection is about the one thing broken.
    const variants = invalidVariants(raw.inputSchema, args.filter(isValid), { acceptCoercion: ctx.acceptCoercion === true });
    for (const variant of variants) {
        const planned: PlannedCheck = {
            kind: variant.kind,
            name: variant.name,
            property: variant.property,
            arbitrary: variant.arbitrary,
            keep: (a) => !isValid(a),
            judge: (outcome) => judgeInvalid(outcome),
            runs: ctx.invalidRuns,
        };
        if (first.unsatisfiable) {
            // Filtering for valid arguments that were never found could loop for a long time.
            checks.push(skippedCheck(planned, 'no valid arguments to start from'));
            continue;
        }
        const next = await runCheck(ctx, listed.name, planned, call);
        checks.push(next.check);
        if (next.serverStopped) return done(checks, undefined, next.serverStopped);
    }
    return done(checks);
}

async function runCheck(
    ctx: ToolContext,
    tool: string,
    planned: PlannedCheck,
    call: (args: Args) => Promise<CallOutcome>,
): Promise<{ check: ProbeCheck; serverStopped?: string; unsatisfiable?: boolean }> {
    const seedOfCheck = checkSeed(ctx.seed, tool, planned.name);
    const result = await runProperty(planned.arbitrary, planned.keep, async (args) => planned.judge(await call(args)), {
        seed: seedOfCheck,
        numRuns: planned.runs,
        maxShrinkCalls: ctx.maxShrinkCalls,
        unsatisfiable:
            planned.kind === 'valid' ? 'no generated arguments matched the inputSchema' : 'every generated variant still matched the inputSchema',
    });
    const check = toCheck(planned, result, ctx.seed, seedOfCheck);
    const stop = result.status === 'stopped' ? result : result.status === 'failed' ? result.stop : undefined;
    return {
        check,
        ...(stop?.scope === 'server' ? { serverStopped: stop.reason } : {}),
        ...(result.status === 'unsatisfiable' ? { unsatisfiable: true } : {}),
    };
}

function toCheck(planned: PlannedCheck, result: PropertyResult, seed: number, seedOfCheck: number): ProbeCheck {
    const base = { kind: planned.kind, name: planned.name, ...(planned.property !== undefined ? { property: planned.property } : {}) };
    const counts = { runs: result.runs, dropped: result.dropped };
    switch (result.status) {
        case 'passed':
            return { ...base, status: 'passed', ...counts };
        case 'failed': {
            const { args, judgement, path, shrinks } = result.failure;
            const failure = {
                message: judgement.message,
                ...(judgement.details?.length ? { details: judgement.details } : {}),
                ...(judgement.actual !== undefined ? { actual: judgement.actual } : {}),
                counterexample: args,
                seed,
                checkSeed: seedOfCheck,
                ...(path ? { path } : {}),
                shrinks,
            };
            return { ...base, status: 'failed', ...counts, failure };
        }
        case 'unsatisfiable':
            // Not finding invalid variants is a limit of generation, not news about the server.
            return { ...base, status: planned.kind === 'valid' ? 'errored' : 'skipped', ...counts, reason: result.reason };
        case 'stopped':
            return { ...base, status: 'errored', ...counts, reason: `${result.reason} (arguments: ${preview(result.args)})` };
    }
}

function skippedCheck(planned: PlannedCheck, reason: string): ProbeCheck {
    return { kind: planned.kind, name: planned.name, ...(planned.property !== undefined ? { property: planned.property } : {}), status: 'skipped', runs: 0, dropped: 0, reason };
}

function worst(checks: readonly ProbeCheck[], reason?: string): ProbeStatus {
    if (checks.some((c) => c.status === 'failed')) return 'failed';
    if (reason || checks.some((c) => c.status === 'errored')) return 'errored';
    return 'passed';
}

function preview(args: Args): string {
    const text = JSON.stringify(args) ?? String(args);
    return text.length > 300 ? `${text.slice(0, 300)}…` : text;
}
