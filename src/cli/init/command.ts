/** `mcp-check init`: write a starter spec from a live server. */
import { Option, type Command } from 'commander';
import type { RegisterCommand } from '../command.js';
import type { ProtocolChoice } from '../../connect/protocol.js';
import { protocolOption, parseTimeoutArg } from '../flags.js';

const INIT_HELP = `
Connects to the server, lists its tools and writes a starter spec that passes on it:
  - the server under servers:, the command and its arguments (or the URL) as given; with
    --start, the command that runs the HTTP server becomes its start: (started and stopped
    by mcp-check, now and on every run)
  - every tool under tools.include
  - for each tool annotated readOnlyHint: true, one call with arguments made up from its
    inputSchema (required properties only), whose expectations are what the server answered:
    isError, the types of a few top-level JSON keys, or the start of the text; values that
    equal an environment variable's ($HOME, $SHELL) are left out, since they hold on this
    machine only. A tool error in answer to made-up arguments is written commented out
  - for every other tool, a call written commented out: it is never sent, since it may change data
  - lint rules the server breaks today set to warn, with the findings as comments
The spec gets a "# yaml-language-server: $schema=…" line pointing at the published schema, so
editors check it. Secrets passed with --header are written as given: replace them with
\${VAR} before committing the spec.

Exit codes:
  0    the spec was written
  1    the server could not be reached
  2    invalid command line, or the output file exists (use --force to overwrite it)

Examples:
  $ mcp-check init -- node fixtures/notes-server.js
  $ mcp-check init -o specs/everything.yaml -- npx -y @modelcontextprotocol/server-everything
  $ mcp-check init --url http://127.0.0.1:8931/mcp --header 'Authorization: Bearer dev-token' --name weather
  $ mcp-check init --url http://127.0.0.1:8931/mcp --start 'node server.js --http 8931'`;

/** Options of `init` as commander hands them over. */
interface InitFlags {
    url?: string;
    transport?: 'sse' | 'streamable_http';
    header?: string[];
    start?: string;
    output?: string;
    name?: string;
    force?: boolean;
    timeout?: number;
    protocol?: ProtocolChoice;
}

/** Registers `init` on the program. */
export const registerInit: RegisterCommand = (program: Command, setExitCode) => {
    program
        .command('init')
        .description('connect to a live server and write a starter spec for it')
        .usage('[options] -- <command> [args...]  |  init --url <url> [options]')
        .argument('[command...]', 'the stdio server to start, after --')
        .option('--url <url>', 'an HTTP server instead of a command')
        .addOption(new Option('--transport <kind>', 'transport for --url (default: streamable_http)').choices(['sse', 'streamable_http']))
        .option('--header <name: value>', 'an HTTP header for --url; repeatable', (value: string, previous: string[] | undefined) => [...(previous ?? []), value])
        .option('--start <command>', 'the command that runs the --url server: mcp-check starts it, waits for the port, and stops it afterwards; the spec gets it as start:')
        .option('-o, --output <file>', 'where to write the spec (default: specs/<server>.yaml)')
        .option('--name <server>', "the server's name in the spec (default: from the name the server gives)")
        .option('--force', 'overwrite the output file if it exists')
        .addOption(new Option('--timeout <duration>', 'connect and call timeout (default 30s)').argParser(parseTimeoutArg))
        .addOption(protocolOption())
        .addHelpText('after', INIT_HELP)
        .action(async (command: string[], opts: InitFlags) => {
            const { initCommand } = await import('./action.js');
            setExitCode(
                await initCommand({
                    command,
                    url: opts.url,
                    transport: opts.transport,
                    headers: opts.header ?? [],
                    ...(opts.start !== undefined ? { start: opts.start } : {}),
                    output: opts.output,
                    name: opts.name,
                    force: opts.force,
                    timeoutMs: opts.timeout,
                    protocol: opts.protocol,
                }),
            );
        });
};
