/**
 * Flags shared by `list`, `call` and `init`. Kept free of heavy imports: command files load
 * this at startup, and `--help` must stay instant.
 */
import { InvalidArgumentError } from 'commander';
import { parseDuration } from '../../spec/duration.js';

/** Where the servers come from: a spec file or an MCP client configuration file. */
export interface ServerSourceFlags {
    spec?: string;
    config?: string;
}

/** Parses `--timeout` like `run` does: `500ms`, `30s`, `5m` or seconds. */
export function parseTimeoutArg(value: string): number {
    const ms = parseDuration(value);
    if (ms === undefined) throw new InvalidArgumentError('expected a duration such as 500ms, 30s, 5m or a number of seconds');
    return ms;
}
