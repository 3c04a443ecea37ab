/** `mcp-check check-protocol <spec | url | -- command...>`: the protocol rules alone, with no spec to write. */
import { Option, type Command } from 'commander';
import type { ReporterRequest } from '../../report/registry.js';
import type { ProtocolSetting } from '../../load/normalize-server.js';
import { collect, collectReporter, parseGrep, parseProtocolArg, parseTimeoutArg, requestedReporters, type ReporterFlags } from '../flags.js';
import type { RegisterCommand } from '../command.js';

export interface CheckProtocolCliOptions {
    /** A spec file or a URL; or, after `--`, the command that starts a stdio server. */
    target: string[];
    /** Whether the target came after `--` (a command). */
    isCommand: boolean;
    transport?: 'sse' | 'streamable_http';
    headers: string[];
    name?: string;
    /** `--protocol`; when absent, every era a server speaks is checked. */
    protocol?: ProtocolSetting;
    timeoutMs?: number;
    reporters: ReporterRequest[];
    grep?: RegExp;
}

const HELP = `
Checks servers against the MCP specification of the revision they speak, with no spec to write:
one test case per rule (protocol: <rule>), each naming the specification section it comes from.
What the specification requires fails; what it recommends is a warning; a rule that does not
apply (another era or transport, a capability the server does not declare) is skipped with
the reason. mcp-check check-protocol --list-rules lists the rules.

The target is a spec file (every server it declares, with the levels its protocol: settings give),
a Streamable HTTP URL (--transport sse for legacy SSE), or a command after --.
Without --protocol, a server is checked in every era it speaks: a server that speaks 2026-07-28
and the 2025 era is checked twice, as <name>@2026-07-28 and <name>@2025-11-25.

Exit codes:
  0    no rule failed (warnings do not count)
  1    a rule failed, or a server could not be reached
  2    the command line or the spec is invalid (nothing was run)
  130  interrupted by SIGINT (Ctrl-C); 143 by SIGTERM

Examples:
  $ mcp-check check-protocol -- node fixtures/calc-server.js
  $ mcp-check check-protocol http://127.0.0.1:8931/mcp --junit reports/protocol.xml
  $ mcp-check check-protocol specs/weather.yaml --protocol 2025-11-25`;

/** Registers `check-protocol`: its flags here, its implementation loaded only when it runs. */
export const registerCheckProtocol: RegisterCommand = (program: Command, setExitCode) => {
    program
        .command('check-protocol')
        .description('check servers against the MCP specification they speak (no spec needed)')
        .usage('[options] <spec | url>  |  check-protocol [options] -- <command> [args...]')
        .argument('[target...]', 'a spec file, a URL, or the stdio server command after --')
        .addOption(new Option('--transport <kind>', 'transport for a URL (default: streamable_http)').choices(['sse', 'streamable_http']))
        .option('--header <name: value>', 'an HTTP header for a URL; repeatable', collect, [])
        .option('--name <server>', 'the server\'s name in reports (for a URL or a command)')
        .addOption(
            new Option('--protocol <revision>', 'auto, a revision (2026-07-28, 2025-11-25, 2025-06-18, 2025-03-26), or several separated by commas (default: every era the server speaks)').argParser(
                (value: string) => parseProtocolArg(value),
            ),
        )
        .addOption(new Option('--timeout <duration>', 'connect and request timeout (e.g. 10s)').argParser(parseTimeoutArg))
        .option('--junit <file>', 'also write a JUnit XML report to <file>')
        .option('--reporter <name[:file]>', 'add a reporter (console, junit:<file>, json:<file>, html:<file>, github); repeatable', collectReporter, [])
        .option('--grep <pattern>', 'run only rules whose case name matches the regular expression, e.g. "session"')
        .option('--list-rules', 'list every lint and protocol rule, with its level and specification section, and exit')
        .option('--no-color', 'never colour the console output (also: NO_COLOR=1)')
        .addHelpText('after', HELP)
        .action(async (target: string[], opts: CheckProtocolFlags, command: Command) => {
            if (opts.listRules) {
                process.stdout.write((await import('../list-rules.js')).formatRules());
                return;
            }
            const { checkProtocolCommand } = await import('./action.js');
            setExitCode(
                await checkProtocolCommand({
                    target,
                    // Only `--` makes the target a command: a lone word could also be a spec file.
                    // Commander keeps the words it parsed (untyped) on the root program.
                    isCommand: ((command.parent as { rawArgs?: string[] } | null)?.rawArgs ?? []).includes('--'),
                    transport: opts.transport,
                    headers: opts.header,
                    name: opts.name,
                    protocol: opts.protocol,
                    timeoutMs: opts.timeout,
                    reporters: requestedReporters(opts),
                    grep: opts.grep === undefined ? undefined : parseGrep(opts.grep),
                }),
            );
        });
};

interface CheckProtocolFlags extends ReporterFlags {
    transport?: 'sse' | 'streamable_http';
    header: string[];
    name?: string;
    protocol?: ProtocolSetting;
    timeout?: number;
    grep?: string;
    listRules?: boolean;
}
