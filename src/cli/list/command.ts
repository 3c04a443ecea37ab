/** `mcp-check list [server]`: what servers offer (tools with input schemas, resources, templates, prompts). */
import { Option, type Command } from 'commander';
import type { RegisterCommand } from '../command.js';
import type { ClientId } from '../../assert/lint/portability/clients.js';
import type { ProtocolChoice } from '../../connect/protocol.js';
import { clientsOption, protocolOption, parseTimeoutArg } from '../flags.js';

const LIST_HELP = `
Connects to the servers of a spec (--spec) or of an MCP client config (--config: the
mcpServers of Claude Desktop or Cursor, VS Code's mcp.json, or a spec's servers) — all of
them, or the one named — and prints, for each: its transport and target, what it said about
itself (name, version, protocol), its tools with their input schemas in short, its resources
and resource templates, and its prompts with their arguments. What a server does not declare
is left out. With --json, one JSON document with the listings exactly as the servers sent them.

--clients checks the tools against the clients named (docs/portability.md): each finding with
its fix, and a tool × client matrix (✓ loads, ✗ with the blast radius). --list-rules prints
every lint rule with its clients, blast radii, fix, sources and verification date, and
connects to nothing.

Exit codes:
  0    every server was reached and listed
  1    a server could not be reached (the message names server, transport, target and cause),
       or failed to list something it declares
  2    the file or the command line is invalid (nothing was started)

Examples:
  $ mcp-check list --spec specs/weather.yaml
  $ mcp-check list --spec specs/weather.yaml weather --json
  $ mcp-check list --config .cursor/mcp.json
  $ mcp-check list --spec specs/weather.yaml --clients all
  $ mcp-check list --list-rules --clients gemini,cursor`;

/** Options of `list` as commander hands them over. */
interface ListFlags {
    spec?: string;
    config?: string;
    json?: boolean;
    timeout?: number;
    protocol?: ProtocolChoice;
    clients?: ClientId[];
    listRules?: boolean;
}

/** Registers `list` on the program. */
export const registerList: RegisterCommand = (program: Command, setExitCode) => {
    program
        .command('list')
        .description("connect to servers and list their tools, resources, resource templates and prompts")
        .argument('[server]', 'only this server (default: every server in the file)')
        .option('--spec <file>', 'read the servers from this mcp-check spec')
        .option('--config <file>', 'read the servers from an MCP client config (Claude Desktop, Cursor, VS Code) or a spec')
        .option('--json', 'print one JSON document instead of text')
        .addOption(clientsOption())
        .option('--list-rules', 'print every lint rule (with --clients: the rules of those clients) and exit')
        .addOption(new Option('--timeout <duration>', 'connect and request timeout for servers that set none (e.g. 10s)').argParser(parseTimeoutArg))
        .addOption(protocolOption())
        .addHelpText('after', LIST_HELP)
        .action(async (server: string | undefined, opts: ListFlags) => {
            if (opts.listRules) {
                const { formatRules } = await import('./portability.js');
                process.stdout.write(formatRules(opts.clients));
                return;
            }
            const { listCommand } = await import('./action.js');
            setExitCode(
                await listCommand({ server, spec: opts.spec, config: opts.config, json: opts.json, timeoutMs: opts.timeout, protocol: opts.protocol, clients: opts.clients }),
            );
        });
};
