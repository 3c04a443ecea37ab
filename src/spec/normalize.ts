/**
 * Validated spec data to the typed `Suite`: transports resolved, durations in ms, scalar
 * env/header/arg values stringified, defaults filled in. Only runs on data that passed every
 * check, so it can trust the shape.
 */
import { basename } from 'node:path';
import type { HttpServerConfig, ServerConfig, StartCommand, StdioServerConfig } from '../connect/types.js';
import { parseDuration } from './duration.js';
import type { SpecPositions } from './positions.js';
import type { CallSpec, Expectations, Matcher, ServerSpec, SpecPath, Suite, TestSpec, TextMatcher, ToolName } from './types.js';

type Scalar = string | number | boolean;
type Duration = string | number;

interface RawStart {
    command: string;
    args?: Scalar[];
    env?: Record<string, Scalar>;
    cwd?: string;
    timeout?: Duration;
}

interface RawServer extends Omit<RawStart, 'command'> {
    transport?: 'stdio' | 'sse' | 'streamable_http';
    command?: string;
    url?: string;
    headers?: Record<string, Scalar>;
    sse_read_timeout?: Duration;
    start?: RawStart;
}

interface RawCall {
    name?: string;
    tool: string;
    args?: Record<string, unknown>;
    timeout?: Duration;
    expect?: { isError?: boolean; text?: string | TextMatcher; structuredContent?: unknown };
}

interface RawTest {
    server: string;
    tools?: { include?: string[]; exclude?: string[] };
    calls?: RawCall[];
}

/** The shape the schema and semantic checks guarantee. */
export interface RawSpec {
    name?: string;
    secrets?: string[];
    servers: Record<string, RawServer>;
    tests: RawTest[];
}

/** Builds the typed suite from validated, interpolated data. */
export function toSuite(raw: RawSpec, file: string, positions: SpecPositions, secrets: string[]): Suite {
    const servers = Object.fromEntries(
        Object.entries(raw.servers).map(([name, server]): [string, ServerSpec] => [
            name,
            { name, config: toServerConfig(server), loc: positions.locateKey(['servers'], name) },
        ]),
    );
    return {
        file,
        name: raw.name ?? basename(file),
        servers,
        tests: raw.tests.map((test, index) => toTest(test, index, positions)),
        secrets,
        locate: (path) => positions.locate(path),
    };
}

function toServerConfig(server: RawServer): ServerConfig {
    const transport = server.transport ?? (server.command !== undefined ? 'stdio' : 'streamable_http');
    if (transport === 'stdio') {
        return compact<StdioServerConfig>({
            transport,
            command: server.command!,
            args: server.args?.map(String),
            env: stringMap(server.env),
            cwd: server.cwd,
            timeoutMs: ms(server.timeout),
        });
    }
    return compact<HttpServerConfig>({
        transport,
        url: server.url!,
        headers: stringMap(server.headers),
        timeoutMs: ms(server.timeout),
        sseReadTimeoutMs: ms(server.sse_read_timeout),
        start: server.start && toStart(server.start),
    });
}

function toStart(start: RawStart): StartCommand {
    return compact<StartCommand>({
        command: start.command,
        args: start.args?.map(String),
        env: stringMap(start.env),
        cwd: start.cwd,
        readyTimeoutMs: ms(start.timeout),
    });
}

function toTest(test: RawTest, index: number, positions: SpecPositions): TestSpec {
    const path = ['tests', index] as const;
    const names = (list: string[] | undefined, key: 'include' | 'exclude'): ToolName[] =>
        (list ?? []).map((name, i) => ({ name, loc: positions.locate([...path, 'tools', key, i]) }));
    return compact<TestSpec>({
        server: test.server,
        path,
        loc: positions.locate(path),
        tools: test.tools && { include: names(test.tools.include, 'include'), exclude: names(test.tools.exclude, 'exclude') },
        calls: (test.calls ?? []).map((call, i) => toCall(call, [...path, 'calls', i], positions)),
        lint: { enabled: true, rules: {}, loc: positions.locate(path) },
        defaults: {},
    });
}

function toCall(call: RawCall, path: readonly (string | number)[], positions: SpecPositions): CallSpec {
    const raw = call.expect ?? {};
    const expect = compact<Expectations>({
        isError: raw.isError,
        text: raw.text === undefined ? undefined : toTextMatcher(raw.text, [...path, 'expect', 'text']),
    });
    // `structuredContent: null` is a real expectation, so copy by presence, not by value.
    if ('structuredContent' in raw) expect.structuredContent = raw.structuredContent;
    return compact<CallSpec>({
        name: call.name,
        tool: call.tool,
        args: call.args ?? {},
        timeoutMs: ms(call.timeout),
        expect,
        path,
        loc: positions.locate(path),
    });
}

function toTextMatcher(text: string | TextMatcher, path: SpecPath): Matcher {
    if (typeof text === 'string') return { op: 'equals', value: text, path };
    if ('equals' in text) return { op: 'equals', value: text.equals, path: [...path, 'equals'] };
    if ('contains' in text) return { op: 'contains', value: text.contains, path: [...path, 'contains'] };
    return { op: 'matches', pattern: text.matches, path: [...path, 'matches'] };
}

function ms(value: Duration | undefined): number | undefined {
    return value === undefined ? undefined : parseDuration(value);
}

// YAML reads `PORT: 8080` as a number; processes and headers only take strings.
function stringMap(map: Record<string, Scalar> | undefined): Record<string, string> | undefined {
    return map && Object.fromEntries(Object.entries(map).map(([k, v]) => [k, String(v)]));
}

// Drops keys whose value is undefined, so configs compare and print cleanly.
function compact<T extends object>(value: { [K in keyof T]: T[K] | undefined }): T {
    return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
