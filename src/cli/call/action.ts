/**
 * `mcp-check call`: one tool call from the command line. The arguments are checked against
 * the tool's `inputSchema` first, like every call in a spec, so a typo is explained instead
 * of being sent.
 */
import { ErrorCode, McpError, type CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { compileSchema, formatAjvErrors } from '../../assert/json-schema.js';
import { UniversalMCPClient } from '../../connect/client.js';
import type { ProtocolChoice } from '../../connect/protocol.js';
import { isLocal } from '../../connect/rpc-errors.js';
import { DEFAULT_TIMEOUT_MS } from '../../connect/types.js';
import { ExitCode, UsageError } from '../../errors.js';
import { prepareForReport } from '../../report/prepare.js';
import { redactor } from '../../report/redact.js';
import { formatCallResult } from './format-result.js';
import type { ServerSourceFlags } from '../server-flags.js';
import { loadServers, selectServers, withDefaultProtocol } from '../servers.js';

export interface CallCliOptions extends ServerSourceFlags {
    server: string;
    tool: string;
    /** `--args` as typed: a JSON object. */
    args?: string;
    json?: boolean;
    timeoutMs?: number;
    protocol?: ProtocolChoice;
}

/** Calls the tool and prints the result; 0 on success, 1 on a tool error or an unreachable server, 2 on bad input. */
export async function callCommand(options: CallCliOptions): Promise<number> {
    // Input first: nothing is started for a command line that cannot work.
    const args = parseArgs(options.args);
    const loaded = await loadServers(options, options.server);
    const [server] = selectServers(loaded, options.server);
    const redact = redactor(loaded.secrets);
    const config = withDefaultProtocol(server!.config, options.protocol);
    const mcp = new UniversalMCPClient();
    // `--timeout` is about the answer to this call; connecting keeps the server's own timeout.
    mcp.addServer(server!.name, config);
    let result: CallToolResult;
    try {
        await mcp.connect(server!.name);
        await checkArguments(mcp, server!.name, options.tool, args);
        result = await mcp.callTool(server!.name, options.tool, args, { timeoutMs: options.timeoutMs });
    } catch (error) {
        if (error instanceof UsageError) throw error;
        process.stderr.write(`mcp-check: ${redact(describeFailure(error, options.tool, options.timeoutMs ?? config.timeoutMs ?? DEFAULT_TIMEOUT_MS))}\n`);
        return ExitCode.failed;
    } finally {
        await mcp.close();
    }
    if (options.json) {
        const document = prepareForReport(result, { secrets: loaded.secrets, maxStringLength: Infinity });
        process.stdout.write(`${JSON.stringify(document, null, 2)}\n`);
    } else {
        const text = formatCallResult(result);
        if (text) process.stdout.write(`${redact(text)}\n`);
    }
    if (result.isError === true) {
        process.stderr.write(`mcp-check: tool "${options.tool}" returned a tool error (isError: true)\n`);
        return ExitCode.failed;
    }
    return ExitCode.passed;
}

/** `--args` must be a JSON object; anything else is a usage error naming what was wrong. */
export function parseArgs(text: string | undefined): Record<string, unknown> {
    if (text === undefined) return {};
    let value: unknown;
    try {
        value = JSON.parse(text);
    } catch (error) {
        throw new UsageError(`--args is not valid JSON (${(error as Error).message}); give an object, e.g. --args '{"id": "n-1"}'`);
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
        throw new UsageError(`--args must be a JSON object, got ${value === null ? 'null' : Array.isArray(value) ? 'an array' : typeof value}`);
    }
    return value as Record<string, unknown>;
}

/** The tool must be listed and the arguments must satisfy its `inputSchema`; otherwise the call is not sent. */
async function checkArguments(mcp: UniversalMCPClient, server: string, toolName: string, args: Record<string, unknown>): Promise<void> {
    const tools = await mcp.listTools(server);
    const tool = tools.find((t) => t.name === toolName);
    if (!tool) {
        throw new UsageError(`server "${server}" does not list tool "${toolName}"; it lists: ${tools.map((t) => t.name).join(', ') || '(no tools)'}`);
    }
    const compiled = compileSchema(tool.raw.inputSchema);
    if (!compiled.ok) {
        // The server's fault, not the user's: say so and let the server judge the arguments.
        process.stderr.write(`mcp-check: warning: cannot check the arguments, the inputSchema of "${toolName}" is not valid JSON Schema: ${compiled.error}\n`);
        return;
    }
    if (compiled.validate(args)) return;
    const details = formatAjvErrors(compiled.validate.errors).map((line) => `\n  ${line}`).join('');
    throw new UsageError(`--args do not match the inputSchema of "${toolName}"; the call was not sent:${details}`);
}

function describeFailure(error: unknown, tool: string, timeoutMs: number): string {
    if (error instanceof McpError) {
        if (isLocal(error, ErrorCode.RequestTimeout)) return `tools/call ${tool} got no answer within ${timeoutMs} ms (the request was cancelled; --timeout sets the limit)`;
        return `tools/call ${tool} was answered with JSON-RPC error ${error.code}: ${error.message.replace(/^MCP error -?\d+: /, '')}`;
    }
    return error instanceof Error ? error.message : String(error);
}
