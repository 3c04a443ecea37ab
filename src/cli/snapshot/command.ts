/** `mcp-check snapshot <spec>`: write what a spec's servers expose as canonical JSON. */
import { Option, type Command } from 'commander';
import { parseTimeoutArg } from '../flags.js';
import type { RegisterCommand } from '../command.js';

export interface SnapshotCliOptions {
    spec: string;
    server?: string;
    /** Where to write; stdout when absent. */
    output?: string;
    timeoutMs?: number;
}

const SNAPSHOT_HELP = `
Connects to the spec's servers (or the one named with --server), lists everything they
expose and writes it as canonical JSON: keys sorted, volatile fields (connection time,
protocol version, resource sizes) left out, so an unchanged server gives the same bytes.
Compare two snapshots, or a snapshot and a live server, with mcp-check diff.

Exit codes:
  0    the snapshot was written
  1    a server could not be reached or listed
  2    the spec or the command line is invalid

Examples:
  $ mcp-check snapshot specs/notes.yaml --server notes -o specs/__snapshots__/notes.json
  $ mcp-check snapshot specs/notes.yaml > surface.json`;

/** Registers `snapshot`; the implementation is imported when it runs. */
export const registerSnapshot: RegisterCommand = (program: Command, setExitCode) => {
    program
        .command('snapshot')
        .description("write the surface of a spec's servers (tools, resources, prompts, schemas) as canonical JSON")
        .argument('<spec>', 'a spec file (YAML) whose servers to capture')
        .option('--server <name>', 'capture only this server of the spec')
        .option('-o, --output <file>', 'write to <file> (folders are created) instead of stdout')
        .addOption(new Option('--timeout <duration>', 'connect and request timeout for servers that set none (e.g. 30s)').argParser(parseTimeoutArg))
        .addHelpText('after', SNAPSHOT_HELP)
        .action(async (spec: string, opts: { server?: string; output?: string; timeout?: number }) => {
            const { snapshotCommand } = await import('./action.js');
            setExitCode(await snapshotCommand({ spec, server: opts.server, output: opts.output, timeoutMs: opts.timeout }));
        });
};

