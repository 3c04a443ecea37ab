/** `mcp-check [run] [options] <spec...>`: the default command. */
import { InvalidArgumentError, Option, type Command } from 'commander';
import type { ReporterRequest } from '../../report/registry.js';
import { parseShard, type RunSelection } from '../../run/select.js';
import type { RegisterCommand } from '../command.js';
import type { ClientId } from '../../assert/lint/portability/clients.js';
import type { ProtocolSetting } from '../../load/normalize-server.js';
import { clientsOption, collect, collectReporter, colorFlag, parseGrep, parseProtocolArg, parseTimeoutArg, requestedReporters, type ReporterFlags } from '../flags.js';

export interface RunCliOptions {
    specs: string[];
    reporters: ReporterRequest[];
    timeoutMs?: number;
    /** `--protocol`: for servers whose spec names none. */
    protocol?: ProtocolSetting;
    color?: boolean;
    selection: RunSelection;
    bail?: boolean;
    updateSnapshots?: boolean;
    /** `--clients`: portability targets for every server, in place of the specs' `lint.clients`. */
    clients?: ClientId[];
}

const EXIT_CODES_HELP = `
Reporters (--reporter, repeatable; console is the default):
  console             readable output on stdout
  junit:<file>        JUnit XML (--junit <file> is a shorthand)
  html:<file>         a self-contained HTML report that opens offline
  json:<file>         the whole run as JSON (schema/report.schema.json); combine shards with merge-reports
  github              GitHub Actions annotations and job summary (added automatically when GITHUB_ACTIONS=true)

Exit codes:
  0    every check passed
  1    at least one check failed or errored
  2    the spec or the command line is invalid (nothing was run)
  130  interrupted by SIGINT (Ctrl-C); 143 by SIGTERM

Examples:
  $ mcp-check specs/weather.yaml
  $ mcp-check 'specs/*.yaml' --junit reports/mcp-check.xml
  $ mcp-check specs/weather.yaml --reporter console --reporter junit:out.xml`;

export const registerRun: RegisterCommand = (program: Command, setExitCode) => {
    program
        .command('run', { isDefault: true })
        .description('run spec files (the default command: "mcp-check <spec...>" means "mcp-check run <spec...>")')
        .argument('<spec...>', 'spec files, directories or globs (YAML)')
        .option('--junit <file>', 'also write a JUnit XML report to <file> (same as --reporter junit:<file>)')
        .option('--reporter <name[:file]>', 'add a reporter; repeatable (see below)', collectReporter, [])
        .addOption(
            new Option('--timeout <duration>', 'connect and call timeout for servers and calls that set none (e.g. 500ms, 30s, 5m)').argParser(parseTimeoutArg),
        )
        .addOption(
            new Option(
                '--protocol <revision>',
                'protocol revision for servers whose spec names none: auto (default), 2026-07-28, 2025-11-25, 2025-06-18, 2025-03-26, or several separated by commas',
            ).argParser((value: string) => parseProtocolArg(value)),
        )
        .option('--grep <pattern>', 'run only checks whose name matches the regular expression; the rest are reported as skipped')
        .option('--tag <tag>', 'run only checks with this tag (repeatable; the rest are reported as skipped)', collect, [])
        .option('--exclude-tag <tag>', 'skip checks with this tag (repeatable)', collect, [])
        .addOption(new Option('--shard <i/n>', 'run part i of n of the servers (for CI matrices; merge with merge-reports)').argParser(parseShardArg))
        .option('--bail', 'stop after the first failed or errored check; the rest are reported as skipped')
        .option('--update-snapshots', 'rewrite the files of `snapshot:` checks with the servers\' current surface')
        .addOption(clientsOption())
        .option('--no-color', 'never colour the console output (also: NO_COLOR=1)')
        .addHelpText('after', EXIT_CODES_HELP)
        .action(async (specs: string[], opts: RunFlags) => {
            // On GitHub Actions, annotations come along by default; the console output stays as chosen.
            const reporters = requestedReporters(opts, (chosen) =>
                process.env.GITHUB_ACTIONS === 'true' && !chosen.some((r) => r.name === 'github') ? [{ name: 'github' }] : [],
            );
            const { runCommand } = await import('./action.js');
            const selection: RunSelection = {
                ...(opts.grep ? { grep: parseGrep(opts.grep) } : {}),
                ...(opts.shard ? { shard: opts.shard } : {}),
                ...(opts.tag.length ? { tags: opts.tag } : {}),
                ...(opts.excludeTag.length ? { excludeTags: opts.excludeTag } : {}),
            };
            setExitCode(
                await runCommand({
                    specs,
                    reporters,
                    timeoutMs: opts.timeout,
                    protocol: opts.protocol,
                    color: colorFlag(opts),
                    selection,
                    bail: opts.bail,
                    updateSnapshots: opts.updateSnapshots,
                    clients: opts.clients,
                }),
            );
        });
};

interface RunFlags extends ReporterFlags {
    timeout?: number;
    protocol?: ProtocolSetting;
    grep?: string;
    tag: string[];
    excludeTag: string[];
    shard?: { index: number; total: number };
    bail?: boolean;
    updateSnapshots?: boolean;
    clients?: ClientId[];
}

function parseShardArg(value: string): { index: number; total: number } {
    const shard = parseShard(value);
    if (!shard) throw new InvalidArgumentError('expected i/n with 1 ≤ i ≤ n, e.g. 1/4');
    return shard;
}
