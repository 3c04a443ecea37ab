/**
 * Flags shared by several commands: `--timeout`, and the reporter flags of `run` and
 * `merge-reports`. Kept free of heavy imports: command files load this for `--help`.
 */
import { InvalidArgumentError, Option } from 'commander';
import { parseClientList, type ClientId } from '../assert/lint/portability/clients.js';
import { UsageError } from '../errors.js';
import { isRevision, REVISIONS, type ProtocolChoice, type Revision } from '../connect/protocol.js';
import { parseReporterArg, type ReporterRequest } from '../report/registry.js';
import { parseDuration } from '../load/duration.js';

/** Parses `--timeout`: `500ms`, `30s`, `5m` or a number of seconds. */
export function parseTimeoutArg(value: string): number {
    const ms = parseDuration(value);
    if (ms === undefined) throw new InvalidArgumentError('expected a duration such as 500ms, 30s, 5m or a number of seconds');
    return ms;
}

/** Parses `--protocol`: `auto`, a revision, or (where `list` is allowed) revisions separated by commas. */
export function parseProtocolArg(value: string, list = true): ProtocolChoice | Revision[] {
    if (value === 'auto' || isRevision(value)) return value;
    const parts = value.split(',').map((part) => part.trim());
    if (list && parts.length > 1 && parts.every(isRevision)) return parts as Revision[];
    throw new InvalidArgumentError(`expected auto or a revision (${REVISIONS.join(', ')})${list ? ', or revisions separated by commas' : ''}`);
}

/** `--protocol` for commands that talk to one revision at a time (list, call, init). */
export function protocolOption(): Option {
    return new Option('--protocol <revision>', 'protocol revision for servers whose file names none: auto (default), 2026-07-28, 2025-11-25, 2025-06-18 or 2025-03-26').argParser(
        (value: string) => parseProtocolArg(value, false) as ProtocolChoice,
    );
}

export interface ReporterFlags {
    junit?: string;
    reporter: ReporterRequest[];
    color?: boolean;
}

/** Commander's collector for a repeatable `--reporter name[:file]`. */
export function collectReporter(value: string, previous: ReporterRequest[]): ReporterRequest[] {
    const parsed = parseReporterArg(value);
    if (typeof parsed === 'string') throw new InvalidArgumentError(parsed);
    return [...previous, parsed];
}

/** The reporters asked for: `--reporter`s (console when none), plus `--junit`, all with the colour choice. */
export function requestedReporters(flags: ReporterFlags, extra: (chosen: ReporterRequest[]) => ReporterRequest[] = () => []): ReporterRequest[] {
    const reporters = flags.reporter.length ? [...flags.reporter] : [{ name: 'console' }];
    if (flags.junit) reporters.push({ name: 'junit', file: flags.junit });
    reporters.push(...extra(reporters));
    // commander sets `color: true` by default; only an explicit --no-color forces it off.
    const color = colorFlag(flags);
    return reporters.map((r) => ({ ...r, color }));
}

/** `false` for an explicit `--no-color`, otherwise undefined (decided by TTY and env). */
export function colorFlag(flags: Pick<ReporterFlags, 'color'>): false | undefined {
    return flags.color === false ? false : undefined;
}

/** `--clients <list>`: portability targets, comma-separated ids or `all`. */
export function clientsOption(): Option {
    return new Option('--clients <list>', 'check that the tools load in these clients: all, or some of openai, openai-strict, anthropic, anthropic-strict, gemini, vscode-copilot, cursor, claude-code (comma-separated; replaces lint.clients of the specs)').argParser(parseClientsArg);
}

function parseClientsArg(value: string): ClientId[] {
    const clients = parseClientList(value);
    if (typeof clients === 'string') throw new InvalidArgumentError(clients);
    return clients;
}

/** Commander's collector for a repeatable string flag. */
export function collect(value: string, previous: string[]): string[] {
    return [...previous, value];
}

/** Parses `--grep`: a regular expression (`u` flag); a bad one is a usage error. */
export function parseGrep(pattern: string): RegExp {
    try {
        return new RegExp(pattern, 'u');
    } catch (error) {
        throw new UsageError(`--grep: invalid regular expression ${JSON.stringify(pattern)}: ${(error as Error).message}`);
    }
}
