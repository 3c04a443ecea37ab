/** `mcp-check probe <spec>`: schema-driven probing of the servers a spec declares. */
import { InvalidArgumentError, Option, type Command } from 'commander';
import { collect, colorFlag, parseTimeoutArg } from '../flags.js';
import type { RegisterCommand } from '../command.js';

export interface ProbeCliOptions {
    spec: string;
    /** Servers to probe (`--server`); all of the spec's when empty. */
    servers: string[];
    /** Tools to probe (`--tool`); every read-only one when empty. */
    tools: string[];
    /** Tools never to probe (`--exclude-tool`). */
    excludeTools: string[];
    /** `--accept-coercion`: wrong-type values the server may coerce are not sent as invalid. */
    acceptCoercion?: boolean;
    seed?: number;
    runs?: number;
    timeoutMs?: number;
    color?: boolean;
    /** `--allow-empty`: a run that probed no tool at all passes. */
    allowEmpty?: boolean;
}

const PROBE_HELP = `
Only tools marked readOnlyHint: true are called (calls might have side effects), plus tools a
test lists under probe: { tools: [...] }; every other tool is reported as skipped. For each
probed tool, arguments generated from its inputSchema must be accepted without a JSON-RPC
error, with structuredContent matching its outputSchema; invalid variants (a required
property missing, a property of the wrong type) must be rejected with -32602 or isError.
--accept-coercion (or probe: { acceptCoercion: true }) is for servers whose validation
converts types, as pydantic does: false for an integer or "3" for a number is then not sent,
while null, arrays and objects still are. --exclude-tool (or probe: { exclude: [...] })
leaves a tool out even when it is read-only.
A failure shows the smallest failing arguments found and the command that replays it.

Exit codes:
  0    every probed tool passed
  1    a tool failed or could not be probed, a server could not be reached, or no tool was
       probed at all (none is read-only or listed; --allow-empty makes that pass)
  2    the spec or the command line is invalid, or --server/--tool names nothing (nothing was probed)
  130  interrupted by SIGINT (Ctrl-C); 143 by SIGTERM

Examples:
  $ mcp-check probe specs/weather.yaml
  $ mcp-check probe specs/weather.yaml --server weather --tool get_forecast --seed 42 --runs 200
  $ mcp-check probe specs/py-server.yaml --accept-coercion --exclude-tool slow_search`;

/** Registers `probe`: its flags here, its implementation loaded only when it runs. */
export const registerProbe: RegisterCommand = (program: Command, setExitCode) => {
    program
        .command('probe')
        .description('call read-only tools with arguments generated from their input schemas: valid ones must be accepted, invalid ones rejected')
        .argument('<spec>', 'spec file whose servers are probed (YAML)')
        .option('--server <name>', 'probe only this server; repeatable', collect, [])
        .option('--tool <name>', 'probe only this tool; repeatable (it must still be read-only or listed in the spec)', collect, [])
        .option('--exclude-tool <name>', 'never probe this tool, read-only or not; repeatable', collect, [])
        .option('--accept-coercion', "the servers' validation coerces types (pydantic, zod coerce): do not send wrong-type values they would convert, e.g. false for an integer")
        .addOption(new Option('--seed <n>', 'seed for the generated arguments, to replay a run (default: random, printed)').argParser(parseSeed))
        .addOption(new Option('--runs <n>', 'valid-argument calls per tool (default 50); each invalid variant gets a tenth').argParser(parseRuns))
        .addOption(
            new Option('--timeout <duration>', 'connect and call timeout for servers that set none (e.g. 500ms, 30s)').argParser(parseTimeoutArg),
        )
        .option('--allow-empty', 'exit 0 even when no tool was probed (by default a probe that checked nothing fails)')
        .option('--no-color', 'never colour the output (also: NO_COLOR=1)')
        .addHelpText('after', PROBE_HELP)
        .action(async (spec: string, opts: ProbeFlags) => {
            const { probeCommand } = await import('./action.js');
            setExitCode(
                await probeCommand({
                    spec,
                    servers: opts.server,
                    tools: opts.tool,
                    excludeTools: opts.excludeTool,
                    acceptCoercion: opts.acceptCoercion === true,
                    seed: opts.seed,
                    runs: opts.runs,
                    timeoutMs: opts.timeout,
                    color: colorFlag(opts),
                    allowEmpty: opts.allowEmpty === true,
                }),
            );
        });
};

interface ProbeFlags {
    server: string[];
    tool: string[];
    excludeTool: string[];
    acceptCoercion?: boolean;
    seed?: number;
    runs?: number;
    timeout?: number;
    color?: boolean;
    allowEmpty?: boolean;
}

function parseSeed(value: string): number {
    if (!/^\d+$/.test(value.trim()) || Number(value) > 2 ** 32 - 1) throw new InvalidArgumentError('expected an integer from 0 to 4294967295');
    return Number(value);
}

function parseRuns(value: string): number {
    if (!/^\d+$/.test(value.trim()) || Number(value) < 1 || Number(value) > 100_000) throw new InvalidArgumentError('expected an integer from 1 to 100000');
    return Number(value);
}

