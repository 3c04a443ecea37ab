/**
 * Turns whatever went wrong while connecting into one sentence a user can act on: the exit
 * code and stderr of a dead process, an HTTP status with what it usually means, a timeout.
 */
import { ErrorCode } from '@modelcontextprotocol/sdk/types.js';
import type { Transport } from '@modelcontextprotocol/sdk/shared/transport.js';
import { authErrorOf } from './auth/types.js';
import { HandshakeError, ProtocolMismatchError } from './handshake.js';
import { isLocal } from './rpc-errors.js';
import { describeExit } from './process.js';
import { ProcessStdioTransport } from './stdio-transport.js';
import type { ServerConfig } from './types.js';

/** Describes a connect failure: the cause, not the SDK's wording. */
export async function describeConnectFailure(
    error: unknown,
    config: ServerConfig,
    transport: Transport | undefined,
    timeoutMs: number,
): Promise<string> {
    if (error instanceof ProtocolMismatchError) return error.message;
    // Messages name the request the handshake waited for; the cause is what went wrong.
    const awaiting = error instanceof HandshakeError ? error.method : 'initialize';
    if (error instanceof HandshakeError) error = error.cause;
    const authFailure = authErrorOf(error);
    if (authFailure) return authFailure.message;
    if (transport instanceof ProcessStdioTransport && transport.process) {
        return describeProcessFailure(error, transport, timeoutMs, awaiting);
    }
    if (isLocal(error, ErrorCode.RequestTimeout)) {
        return `no answer to ${awaiting} within ${timeoutMs} ms`;
    }
    const status = httpStatusOf(error);
    if (status === 401 || status === 403) {
        return `authentication failed (HTTP ${status}): check the server's \`headers\` (e.g. Authorization)`;
    }
    if (status === 404) return `HTTP 404 Not Found: is the URL path right? (${config.transport === 'sse' ? 'SSE endpoints are often /sse' : 'Streamable HTTP endpoints are often /mcp'})`;
    if (status !== undefined && status >= 400) return `HTTP ${status}: ${messageOf(error)}`;
    if (/content type/i.test(messageOf(error))) return describeWrongContent(config, error);
    return networkCause(error) ?? withInnermostCause(error);
}

/** `fetch failed` alone names no cause; the innermost error does (e.g. `bad port`). */
function withInnermostCause(error: unknown): string {
    let inner: unknown = error;
    for (let depth = 0; depth < 5 && (inner as { cause?: unknown })?.cause; depth++) inner = (inner as { cause: unknown }).cause;
    const outer = messageOf(error);
    const cause = messageOf(inner);
    return inner === error || outer.includes(cause) ? outer : `${outer}: ${cause}`;
}

/** The URL answered, but not with MCP; a second look tells an HTML page (wrong URL, login page) apart. */
async function describeWrongContent(config: ServerConfig, error: unknown): Promise<string> {
    if (config.transport === 'stdio') return messageOf(error);
    let contentType = '';
    try {
        // Not followed: a redirect may lead to another origin, which must not get the spec's headers.
        const response = await fetch(config.url, { headers: config.headers, redirect: 'manual', signal: AbortSignal.timeout(2000) });
        if (response.status < 300 || response.status > 399) contentType = response.headers.get('content-type') ?? '';
        await response.body?.cancel();
    } catch {
        // The first answer is all we have.
    }
    const seen = contentType || /content type:?\s*([^\s;]+)/i.exec(messageOf(error))?.[1] || 'an unexpected content type';
    if (/html/i.test(seen)) return `the server answered with an HTML page, not MCP (${seen}): is the URL the MCP endpoint?`;
    return `the server answered with ${seen}, not MCP: is the URL the MCP endpoint and the transport right?`;
}

async function describeProcessFailure(error: unknown, transport: ProcessStdioTransport, timeoutMs: number, awaiting: string): Promise<string> {
    const proc = transport.process!;
    if (proc.spawnError) return `cannot start the command: ${proc.spawnError.message}`;
    if (isLocal(error, ErrorCode.RequestTimeout)) {
        return `no answer to ${awaiting} within ${timeoutMs} ms${stderrTail(transport)}`;
    }
    // The process may still be delivering its last words; give it a moment to finish dying.
    await Promise.race([proc.exited, new Promise((resolve) => setTimeout(resolve, 200).unref())]);
    if (proc.exit) return `server exited (${describeExit(proc.exit)}) before answering ${awaiting}${stderrTail(transport)}`;
    return `${messageOf(error)}${stderrTail(transport)}`;
}

function stderrTail(transport: ProcessStdioTransport): string {
    const lines = transport.process?.stderr.lastLines(5) ?? [];
    return lines.length ? `; last stderr lines:\n  ${lines.join('\n  ')}` : '';
}

function httpStatusOf(error: unknown): number | undefined {
    const code = (error as { code?: unknown } | undefined)?.code;
    if (typeof code === 'number' && code >= 100 && code < 600) return code;
    const match = /\b(?:HTTP|status(?: code)?)\s*:?\s*(\d{3})\b|\bnon-200 status code \((\d{3})\)/i.exec(messageOf(error));
    return match ? Number(match[1] ?? match[2]) : undefined;
}

/** Node's fetch hides the socket error in `cause`; surface the useful part. */
export function networkCause(error: unknown): string | undefined {
    for (let e: unknown = error, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
        const code = (e as { code?: unknown }).code;
        // The SSE client keeps only the text of the socket error, so look at the message too.
        if (code === 'ECONNREFUSED' || /\bECONNREFUSED\b/.test(messageOf(e))) return 'connection refused (is the server running and the port right?)';
        if (code === 'ECONNRESET' || code === 'UND_ERR_SOCKET' || /other side closed|socket hang up/i.test(messageOf(e))) {
            return 'connection reset by the server';
        }
        if (code === 'ENOTFOUND') return 'host not found';
        if (code === 'UND_ERR_HEADERS_TIMEOUT') return 'the server accepted the connection but never answered';
        if (code === 'UND_ERR_HEADERS_OVERFLOW') {
            return "the server's response headers are larger than Node.js accepts (16 KB by default; NODE_OPTIONS=--max-http-header-size=<bytes> raises it)";
        }
    }
    return undefined;
}

function messageOf(error: unknown): string {
    return error instanceof Error ? error.message : String(error);
}
