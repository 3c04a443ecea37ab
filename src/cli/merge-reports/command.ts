/** `mcp-check merge-reports <json...>`: one run from the JSON reports of CI shards. */
import type { Command } from 'commander';
import type { ReporterRequest } from '../../report/registry.js';
import { collectReporter, requestedReporters, type ReporterFlags } from '../flags.js';
import type { RegisterCommand } from '../command.js';

export interface MergeReportsCliOptions {
    /** JSON reports (`--reporter json:<file>`), in the order their suites are reported. */
    files: string[];
    reporters: ReporterRequest[];
}

const MERGE_HELP = `
Reads JSON reports written with --reporter json:<file> (e.g. one per machine of a CI matrix
run with --shard i/n), merges them into one run and writes it through the chosen reporters.
Suites keep the order of the arguments; totals are recounted; the run starts at the earliest
report and ends at the latest.

Reporters (--reporter, repeatable; console is the default; all of mcp-check run --help work):
  console             readable output on stdout
  junit:<file>        JUnit XML (--junit <file> is a shorthand)
  json:<file>         the merged run as JSON
  github              GitHub Actions annotations and job summary

Exit codes:
  0    every merged check passed
  1    at least one check failed or errored, a shard was interrupted, or a report could not be written
  2    a file is not a JSON report this mcp-check reads, or the command line is invalid

Examples:
  $ mcp-check merge-reports shard-1.json shard-2.json --junit reports/mcp-check.xml
  $ mcp-check merge-reports reports/*.json --reporter console --reporter github`;

/** Registers `merge-reports`; its implementation is imported only when it runs. */
export const registerMergeReports: RegisterCommand = (program: Command, setExitCode) => {
    program
        .command('merge-reports')
        .description('merge JSON reports of shard runs into one report (JUnit, console, GitHub, JSON)')
        .argument('<json...>', 'JSON reports written with --reporter json:<file>')
        .option('--junit <file>', 'write the merged run as JUnit XML to <file> (same as --reporter junit:<file>)')
        .option('--reporter <name[:file]>', 'add a reporter; repeatable (see below)', collectReporter, [])
        .option('--no-color', 'never colour the console output (also: NO_COLOR=1)')
        .addHelpText('after', MERGE_HELP)
        .action(async (files: string[], opts: ReporterFlags) => {
            const { mergeReportsCommand } = await import('./action.js');
            setExitCode(await mergeReportsCommand({ files, reporters: requestedReporters(opts) }));
        });
};
