/**
 * The probe's options and report. Plain data: one `ToolProbe` per probed tool, which maps
 * to one test case (`probe: <tool>`), its failed checks to that case's problems.
 */
import type { ListedTool } from '../connect/client.js';

/** Tool arguments: a JSON object. */
export type Args = Record<string, unknown>;

export interface ProbeOptions {
    /** Makes the whole probe reproducible; random (and reported) when absent. */
    seed?: number;
    /** Valid-argument runs per tool. @default 50 */
    runs?: number;
    /** Runs per invalid variant. @default runs / 10, at least 1 */
    invalidRuns?: number;
    /** Tools to probe although they are not marked `readOnlyHint: true` (the spec's `probe: { tools }`). */
    tools?: readonly string[];
    /** Probe only these tools (CLI `--tool`); it never adds a tool that is not read-only or in `tools`. */
    only?: readonly string[];
    /** Never probe these tools (CLI `--exclude-tool`, the spec's `probe: { exclude }`), read-only or not. */
    exclude?: readonly string[];
    /**
     * The server's validation coerces types (pydantic, zod's `coerce`): wrong-type values it would
     * convert without loss (`false` for an integer, `"3"` for a number) are not sent as invalid.
     */
    acceptCoercion?: boolean;
    /** Per-call deadline in ms; progress notifications do not extend it. @default 30000 */
    timeoutMs?: number;
    /** Aborting stops after the call in flight; the tools not yet probed are reported as errored. */
    signal?: AbortSignal;
    /** The server's raw `tools/list`, when the caller already has it (the runner does). */
    listedTools?: readonly ListedTool[];
    /** Calls a failing check may spend on shrinking its counterexample. @default 200 */
    maxShrinkCalls?: number;
    /** Called as each tool's probe ends, e.g. to report it as a test case at once. */
    onTool?: (result: ToolProbe) => void;
}

/** A tool was (`failed`) or was not (`passed`) caught misbehaving, or could not be probed (`errored`). */
export type ProbeStatus = 'passed' | 'failed' | 'errored';

/** The smallest arguments found that break a check, and how to get them again. */
export interface ProbeFailure {
    message: string;
    /** E.g. one line per Ajv error of an outputSchema violation. */
    details?: string[];
    /** What the server answered, when it helps (structuredContent, text). */
    actual?: unknown;
    /** The shrunk arguments. */
    counterexample: Args;
    /** The probe seed: `--seed <seed>` replays it. */
    seed: number;
    /** fast-check's seed for this check (derived from `seed`, the tool and the check) and its replay path. */
    checkSeed: number;
    path?: string;
    /** Shrinking steps from the first failing arguments to these. */
    shrinks: number;
}

/** One property of a tool: the valid-arguments check or one invalid variant. */
export interface ProbeCheck {
    kind: 'valid' | 'missing' | 'wrongType';
    /** E.g. `valid arguments`, `without required "name"`. */
    name: string;
    property?: string;
    status: ProbeStatus | 'skipped';
    /** Calls made before a failure or the end (shrinking not counted). */
    runs: number;
    /** Generated values dropped because Ajv judged them on the wrong side of the inputSchema. */
    dropped: number;
    failure?: ProbeFailure;
    /** Why the check errored or was skipped; an errored check names the arguments it was sending. */
    reason?: string;
}

export interface ToolProbe {
    tool: string;
    /** Why it was probed: marked `readOnlyHint: true`, or listed in `tools`. */
    selectedBy: 'readOnlyHint' | 'listed';
    /** `failed` when any check failed; else `errored` when any errored. */
    status: ProbeStatus;
    checks: ProbeCheck[];
    /** Why no check ran (the inputSchema does not compile, the server is gone, …). */
    reason?: string;
    durationMs: number;
}

export interface SkippedTool {
    tool: string;
    reason: string;
}

export interface ProbeReport {
    server: string;
    seed: number;
    runs: number;
    invalidRuns: number;
    tools: ToolProbe[];
    /** Listed tools left alone because a call might have side effects. */
    skipped: SkippedTool[];
    /** Names in `tools`, `only` or `exclude` the server does not list. */
    notListed: string[];
    status: ProbeStatus;
    durationMs: number;
}
