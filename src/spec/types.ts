/**
 * The parsed, validated spec: what the rest of the pipeline works with. Raw YAML never
 * leaves `src/spec/`; durations are milliseconds, transports are resolved, `${VAR}`s are
 * interpolated, and every item keeps the location it was written at.
 */
import type { SourceLocation } from '../errors.js';
import type { ServerConfig } from '../connect/types.js';

/** A path into the spec document, e.g. `['tests', 0, 'calls', 1, 'expect', 'text']`. */
export type SpecPath = readonly (string | number)[];

/** One loaded spec file. */
export interface Suite {
    /** The file as the user named it (relative paths stay relative, for readable reports). */
    file: string;
    /** `name:` from the spec, or the file name when absent. */
    name: string;
    servers: Record<string, ServerSpec>;
    tests: TestSpec[];
    /** Values to redact from every output: `secrets:` plus env values interpolated into headers/env. */
    secrets: string[];
    /** Maps a path in this spec to where it was written; falls back to the nearest existing parent. */
    locate(path: SpecPath): SourceLocation;
}

export interface ServerSpec {
    name: string;
    config: ServerConfig;
    loc: SourceLocation;
}

/** One entry of `tests:`: a server and what it must do. */
export interface TestSpec {
    server: string;
    path: SpecPath;
    loc: SourceLocation;
    tools?: ToolsContract;
    calls: CallSpec[];
}

/** A tool name under `tools.include` / `tools.exclude`, with where it was written. */
export interface ToolName {
    name: string;
    loc: SourceLocation;
}

export interface ToolsContract {
    include: ToolName[];
    exclude: ToolName[];
}

/** A text matcher; a plain string in YAML means `equals`. */
export type TextMatcher = { equals: string } | { contains: string } | { matches: string };

/** Assertions on a tool call's result. Absent keys are not checked. */
export interface Expectations {
    isError?: boolean;
    text?: TextMatcher;
    /** Partial deep match: every key given must be present and equal; extra keys in the result are fine. */
    structuredContent?: unknown;
}

export interface CallSpec {
    /** `name:` as written; reports use it verbatim. */
    name?: string;
    tool: string;
    args: Record<string, unknown>;
    /** Per-call timeout override, in ms. */
    timeoutMs?: number;
    expect: Expectations;
    /** Path of this call in the spec; assertion locations are resolved below it. */
    path: SpecPath;
    loc: SourceLocation;
}
