/**
 * The command line: the root program, the one place that knows every command. Each command's
 * folder holds its flags (`command.ts`) and its action (`action.ts`), which is imported only
 * when it runs, so `--help` and `--version` stay instant.
 */
import { Command } from 'commander';
import { VERSION } from '../version.js';
import type { RegisterCommand, SetExitCode } from './command.js';
import { registerAuth } from './auth/command.js';
import { registerCall } from './call/command.js';
import { registerCheckProtocol } from './check-protocol/command.js';
import { registerDiff } from './diff/command.js';
import { registerInit } from './init/command.js';
import { registerList } from './list/command.js';
import { registerMergeReports } from './merge-reports/command.js';
import { registerProbe } from './probe/command.js';
import { registerRun } from './run/command.js';
import { registerSnapshot } from './snapshot/command.js';

const COMMANDS: RegisterCommand[] = [registerRun, registerMergeReports, registerInit, registerList, registerCall, registerProbe, registerSnapshot, registerDiff, registerCheckProtocol, registerAuth];

const ROOT_HELP = `
Running specs (mcp-check <spec...> is mcp-check run <spec...>; see mcp-check run --help):
  --junit <file>            also write a JUnit XML report
  --reporter <name[:file]>  add a reporter (console, junit:<file>, …); repeatable
  --timeout <duration>      default connect/call timeout (e.g. 30s)

mcp-check --list-rules lists every lint and protocol rule with its level (and specification section).

Exit codes:
  0    every check passed
  1    at least one check failed or errored
  2    the spec or the command line is invalid (nothing was run)
  130  interrupted by SIGINT (Ctrl-C); 143 by SIGTERM`;

/** Builds the commander program; actions report their exit code through `setExitCode`. */
export function buildProgram(setExitCode: SetExitCode): Command {
    const program = new Command('mcp-check')
        .description('Declarative test runner and contract checker for MCP servers (stdio, SSE, Streamable HTTP).')
        .version(VERSION, '-v, --version', 'print the version')
        .usage('[options] <spec...> | <command> [options]')
        .addHelpText('after', ROOT_HELP)
        .showHelpAfterError('(run mcp-check --help for usage)')
        .exitOverride();
    for (const register of COMMANDS) register(program, setExitCode);
    return program;
}
