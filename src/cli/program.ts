/** The command line: flags, help text and their parsing. Running is `run-command.ts`'s job. */
import { Command, InvalidArgumentError, Option } from 'commander';
import { parseDuration } from '../spec/duration.js';
import { VERSION } from '../version.js';

export interface CliOptions {
    specs: string[];
    junit?: string;
    timeoutMs?: number;
    color?: boolean;
}

const EXIT_CODES_HELP = `
Exit codes:
  0    every check passed
  1    at least one check failed or errored
  2    the spec or the command line is invalid (nothing was run)
  130  interrupted by SIGINT (Ctrl-C); 143 by SIGTERM

Examples:
  $ mcp-check specs/weather.yaml
  $ mcp-check 'specs/*.yaml' --junit reports/mcp-check.xml`;

/** Builds the commander program; `action` receives the parsed options. */
export function buildProgram(action: (options: CliOptions) => Promise<void>): Command {
    return new Command('mcp-check')
        .description('Run declarative contract tests against MCP servers (stdio, SSE, Streamable HTTP).')
        .version(VERSION, '-v, --version', 'print the version')
        .argument('<spec...>', 'spec files or globs (YAML)')
        .option('--junit <file>', 'also write a JUnit XML report to <file>')
        .addOption(
            new Option('--timeout <duration>', 'connect and call timeout for servers and calls that set none (e.g. 500ms, 30s, 5m)').argParser(
                parseTimeout,
            ),
        )
        .option('--no-color', 'never colour the console output (also: NO_COLOR=1)')
        .addHelpText('after', EXIT_CODES_HELP)
        .showHelpAfterError('(run mcp-check --help for usage)')
        .exitOverride()
        .action(async (specs: string[], opts: { junit?: string; timeout?: number; color?: boolean }) => {
            await action({
                specs,
                junit: opts.junit,
                timeoutMs: opts.timeout,
                // commander sets `color: true` by default; only an explicit --no-color should force it off.
                color: opts.color === false ? false : undefined,
            });
        });
}

function parseTimeout(value: string): number {
    const ms = parseDuration(value);
    if (ms === undefined || ms <= 0) throw new InvalidArgumentError('expected a duration such as 500ms, 30s, 5m or a number of seconds');
    return ms;
}
