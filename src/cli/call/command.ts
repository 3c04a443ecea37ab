/** `mcp-check call <server> <tool>`: call one tool from the command line and print its result. */
import { Option, type Command } from 'commander';
import type { RegisterCommand } from '../command.js';
import type { ProtocolChoice } from '../../connect/protocol.js';
import { protocolOption, parseTimeoutArg } from '../flags.js';

const CALL_HELP = `
Connects to one server of a spec (--spec) or of an MCP client config (--config: Claude
Desktop, Cursor, VS Code, or a spec's servers), checks the arguments against the tool's
inputSchema (as a spec's calls are checked), calls the tool and
prints the result: text content as it is, structuredContent as pretty JSON, other content as
one-line summaries. With --json, the whole result as JSON.

Exit codes:
  0    the tool answered without isError
  1    the tool answered with isError: true, the server answered with a JSON-RPC error or not
       in time, or the server could not be reached
  2    invalid command line: --args is not a JSON object or does not match the tool's
       inputSchema (every error is listed; the call is not sent), an unknown server or tool,
       or an invalid file

Examples:
  $ mcp-check call weather get_alerts --args '{"state": "CA"}' --spec specs/weather.yaml
  $ mcp-check call weather get_forecast --args '{"latitude": 37.77, "longitude": -122.42}' --spec specs/weather.yaml --json
  $ mcp-check call github search_repositories --args '{"query": "mcp"}' --config ~/.cursor/mcp.json`;

/** Options of `call` as commander hands them over. */
interface CallFlags {
    args?: string;
    spec?: string;
    config?: string;
    json?: boolean;
    timeout?: number;
    protocol?: ProtocolChoice;
}

/** Registers `call` on the program. */
export const registerCall: RegisterCommand = (program: Command, setExitCode) => {
    program
        .command('call')
        .description('call one tool of a server and print the result')
        .argument('<server>', 'the server, by its name in the file')
        .argument('<tool>', 'the tool to call')
        .option('--args <json>', 'the arguments, a JSON object (default: {})')
        .option('--spec <file>', 'read the servers from this mcp-check spec')
        .option('--config <file>', 'read the servers from an MCP client config (Claude Desktop, Cursor, VS Code) or a spec')
        .option('--json', 'print the whole result as JSON')
        .addOption(new Option('--timeout <duration>', "how long to wait for the answer (default: the server's timeout, else 30s)").argParser(parseTimeoutArg))
        .addOption(protocolOption())
        .addHelpText('after', CALL_HELP)
        .action(async (server: string, tool: string, opts: CallFlags) => {
            const { callCommand } = await import('./action.js');
            setExitCode(
                await callCommand({ server, tool, args: opts.args, spec: opts.spec, config: opts.config, json: opts.json, timeoutMs: opts.timeout, protocol: opts.protocol }),
            );
        });
};
