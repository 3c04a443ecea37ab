/**
 * Rules about a server's lifecycle, seen on a second copy of it (stdio) or a new session
 * (Streamable HTTP): the answer to a 2025 `initialize` asking for a version the server cannot
 * know, the exit once stdin closes, and stdout carrying nothing but JSON-RPC.
 */
import { isJsonObject } from '../../connect/json-rpc-message.js';
import { ACCEPTED_LEGACY_VERSIONS } from '../../connect/protocol.js';
import type { StdioServerConfig } from '../../connect/types.js';
import { describeExchange, preview, type Exchange, type ProbeContext } from '../context.js';
import { EXIT_BOUND_MS, runFreshStdio, type FreshRun } from '../fresh-stdio.js';
import { CLIENT_INFO, closeSession, openSession } from '../http-session.js';
import { found, type ProtocolRule } from '../types.js';

/** A version no revision has: a server must answer with one of its own. */
const UNKNOWN_VERSION = '1999-01-01';

/**
 * The second copy of a stdio server, once per server: on the 2025 era it is asked to
 * initialize with an unknown version, on 2026-07-28 to discover; then its stdin is closed.
 */
function freshRun(probe: ProbeContext): Promise<FreshRun> {
    return probe.once('fresh-stdio', () => {
        const first =
            probe.era === 'legacy'
                ? { method: 'initialize', params: { protocolVersion: UNKNOWN_VERSION, capabilities: {}, clientInfo: CLIENT_INFO } }
                : { method: 'server/discover', params: { _meta: probe.meta() } };
        return runFreshStdio(probe.config as StdioServerConfig, first, probe.timeoutMs, probe.target.secondCopy);
    });
}

/** Starts the second copy early, for a stdio server (its result is memoized). */
function prepareFresh(probe: ProbeContext): void {
    if (probe.config.transport === 'stdio') freshRun(probe).catch(() => undefined);
}

export const initializeVersion: ProtocolRule = {
    id: 'initialize-version',
    prepare: prepareFresh,
    check: async (probe) => {
        let exchange: Exchange;
        if (probe.config.transport === 'stdio') {
            const run = await freshRun(probe);
            exchange = run.answer ? { answer: run.answer } : { failure: run.failure };
        } else {
            const session = await openSession(probe, UNKNOWN_VERSION);
            await closeSession(probe, session);
            exchange = session.result ? { answer: { result: session.result } } : { failure: `HTTP ${session.opened.status}: ${session.opened.text}` };
        }
        const result = exchange.answer && 'result' in exchange.answer ? exchange.answer.result : undefined;
        const what = `initialize asking for protocol version ${UNKNOWN_VERSION}`;
        if (!isJsonObject(result)) return found([`${what} was answered with ${describeExchange(exchange)}, not a version the server supports`]);
        const version = result.protocolVersion;
        return found([
            version === UNKNOWN_VERSION && `${what} was answered with that same version: a server must answer with a version it supports`,
            version !== UNKNOWN_VERSION && !ACCEPTED_LEGACY_VERSIONS.includes(version as string) && `${what} was answered with protocol version ${preview(version)}, which is no 2025-era MCP revision`,
        ]);
    },
};

export const stdinCloseExit: ProtocolRule = {
    id: 'stdin-close-exit',
    prepare: prepareFresh,
    check: async (probe) => {
        const run = await freshRun(probe);
        return found([!run.exited && `a second copy of the server was still running ${EXIT_BOUND_MS / 1000} s after its stdin was closed`]);
    },
};

export const stdoutClean: ProtocolRule = {
    id: 'stdout-clean',
    check: async (probe) => {
        const { mcp, server } = probe.target;
        // The second copy's output counts too, when a rule started one.
        const fresh = probe.hasRun('fresh-stdio') ? (await freshRun(probe)).noise : [];
        const noise = [...new Set([...mcp.stdoutNoise(server), ...fresh])];
        return found(noise.map((line) => line.replace(/^ignored a line/, 'a line')));
    },
};
