/** `mcp-check diff <old> <new>`: classify every change between two surfaces, breaking first. */
import { Option, type Command } from 'commander';
import type { FailOn } from '../../surface/diff.js';
import type { RegisterCommand } from '../command.js';
import type { ClientId } from '../../assert/lint/portability/clients.js';
import { clientsOption, colorFlag, parseTimeoutArg } from '../flags.js';

export type DiffFormat = 'console' | 'json' | 'markdown';

export interface DiffCliOptions {
    old: string;
    new: string;
    server?: string;
    failOn: FailOn;
    format: DiffFormat;
    output?: string;
    semver: boolean;
    timeoutMs?: number;
    color?: boolean;
    /** `--clients`: in place of the clients the spec sides name. */
    clients?: ClientId[];
}

const DIFF_HELP = `
Each side is a snapshot file (mcp-check snapshot) or a spec, whose servers are started or
reached and captured live. file#server picks one server of that side; --server picks it
on every side. Two sides with one server each are compared whatever the servers are called.

Every change is breaking, non-breaking or info, with a JSON pointer and a reason:
  inputs (inputSchema)    narrowing is breaking (new required property, enum value removed,
                          tighter bound, pattern/format added, type narrowed, …)
  outputs (outputSchema)  widening is breaking (property removed or no longer required,
                          enum value added, type widened or nullable, additionalProperties opened)
  tools, resources, templates, prompts, prompt arguments: removed is breaking, added is not;
  a new required prompt argument is breaking; descriptions and annotations are info.
  portability (with --clients, or the lint.clients of a spec side): a change that makes a
                          tool break one of those clients is "breaking for <client>"; one that
                          stops breaking it is non-breaking (docs/portability.md)

Exit codes:
  0    no change at or above the --fail-on level (and --semver holds)
  1    a change at or above the --fail-on level, or --semver failed
  2    a side cannot be read or reached, or the command line is invalid

Examples:
  $ mcp-check diff specs/__snapshots__/notes.json specs/notes.yaml --server notes
  $ mcp-check diff v1.json v2.json --format markdown -o diff.md --semver
  $ mcp-check diff old.yaml#notes new.yaml#notes --fail-on non-breaking`;

/** Registers `diff`; the implementation is imported when it runs. */
export const registerDiff: RegisterCommand = (program: Command, setExitCode) => {
    program
        .command('diff')
        .description('compare two surfaces (snapshot files or live servers from specs) and classify every change')
        .argument('<old>', 'the old side: a snapshot file, or a spec (file#server for one server)')
        .argument('<new>', 'the new side: a snapshot file, or a spec (file#server for one server)')
        .option('--server <name>', 'compare this server of each side')
        .addOption(new Option('--fail-on <level>', 'the least severe change that fails (exit 1)').choices(['breaking', 'non-breaking', 'any']).default('breaking'))
        .addOption(new Option('--format <format>', 'output format').choices(['console', 'json', 'markdown']).default('console'))
        .option('-o, --output <file>', 'write the chosen format to <file>; the console summary still goes to stdout')
        .option('--semver', "fail when serverInfo.version is not bumped enough for the changes (major for breaking, minor for non-breaking)")
        .addOption(new Option('--timeout <duration>', 'connect and request timeout for live servers that set none (e.g. 30s)').argParser(parseTimeoutArg))
        .addOption(clientsOption())
        .option('--no-color', 'never colour the console output (also: NO_COLOR=1)')
        .addHelpText('after', DIFF_HELP)
        .action(async (oldSide: string, newSide: string, opts: DiffFlags) => {
            const { diffCommand } = await import('./action.js');
            setExitCode(
                await diffCommand({
                    old: oldSide,
                    new: newSide,
                    server: opts.server,
                    failOn: opts.failOn,
                    format: opts.format,
                    output: opts.output,
                    semver: opts.semver === true,
                    timeoutMs: opts.timeout,
                    color: colorFlag(opts),
                    clients: opts.clients,
                }),
            );
        });
};

interface DiffFlags {
    server?: string;
    failOn: FailOn;
    format: DiffFormat;
    output?: string;
    semver?: boolean;
    timeout?: number;
    color?: boolean;
    clients?: ClientId[];
}
