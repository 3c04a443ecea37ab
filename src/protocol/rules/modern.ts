/**
 * Rules only 2026-07-28 has: discovery, the per-request `_meta` envelope, version refusal,
 * `resultType` and caching hints.
 */
import { ErrorCode } from '@modelcontextprotocol/sdk/types.js';
import { isJsonObject } from '../../connect/json-rpc-message.js';
import { META_KEYS, MODERN_REVISION, ModernErrorCode } from '../../connect/protocol.js';
import { describeExchange, errorOf, preview, resultOf, wrongStatus, type Exchange, type ProbeContext } from '../context.js';
import { PASS, found, type ProtocolFinding, type ProtocolRule } from '../types.js';

/** A revision that does not exist. */
const UNKNOWN_VERSION = '1900-01-01';

/** `server/discover` with the connection's envelope, once per server. */
function discovery(probe: ProbeContext): Promise<Exchange> {
    return probe.once('discover', () => probe.request('server/discover'));
}

export const discover: ProtocolRule = {
    id: 'discover',
    check: async (probe) => {
        const exchange = await discovery(probe);
        const result = resultOf(exchange);
        if (!isJsonObject(result)) return found([`server/discover was answered with ${describeExchange(exchange)}`]);
        const versions = result.supportedVersions;
        const meta = isJsonObject(result._meta) ? result._meta : {};
        const listed = Array.isArray(versions) && versions.every((v) => typeof v === 'string');
        const findings: ProtocolFinding[] = [
            ...found([
                !listed && `supportedVersions must be a list of strings, got ${preview(versions)}`,
                listed && !versions.includes(MODERN_REVISION) && `supportedVersions lists ${versions.join(', ') || 'nothing'}, not ${MODERN_REVISION}, which the server speaks`,
                !isJsonObject(result.capabilities) && `capabilities must be an object, got ${preview(result.capabilities)}`,
            ]).findings,
            ...found([!isJsonObject(meta[META_KEYS.serverInfo]) && `_meta has no ${META_KEYS.serverInfo} (name and version)`], true).findings,
        ];
        return { findings };
    },
};

export const clientCapabilities: ProtocolRule = {
    id: 'client-capabilities',
    check: async (probe) => {
        const meta = probe.meta();
        delete meta[META_KEYS.clientCapabilities];
        const exchange = await probe.request('server/discover', {}, { meta });
        const error = errorOf(exchange);
        const what = `server/discover without ${META_KEYS.clientCapabilities} in _meta`;
        return found([
            error?.code !== ErrorCode.InvalidParams && `${what} was answered with ${describeExchange(exchange)}, not -32602 (Invalid params)`,
            error?.code === ErrorCode.InvalidParams && wrongStatus(probe, exchange, 400),
        ]);
    },
};

export const unsupportedVersion: ProtocolRule = {
    id: 'unsupported-version',
    check: async (probe) => {
        const exchange = await probe.request('server/discover', {}, { meta: { ...probe.meta(), [META_KEYS.protocolVersion]: UNKNOWN_VERSION } });
        const error = errorOf(exchange);
        const what = `server/discover asking for protocol version ${UNKNOWN_VERSION}`;
        if (error?.code !== ModernErrorCode.UnsupportedProtocolVersion) {
            return found([`${what} was answered with ${describeExchange(exchange)}, not -32022 (unsupported protocol version)`]);
        }
        const data = isJsonObject(error.data) ? error.data : {};
        const supported = Array.isArray(data.supported) ? data.supported : undefined;
        const listed = probe.target.info.supportedVersions ?? [];
        return found([
            !supported && `the -32022 error has no data.supported list: ${preview(error.data)}`,
            supported && !sameSet(supported, listed) && `data.supported lists ${supported.join(', ') || 'nothing'}, but server/discover lists ${listed.join(', ') || 'nothing'}`,
            data.requested !== UNKNOWN_VERSION && `data.requested is ${preview(data.requested)}, not "${UNKNOWN_VERSION}"`,
            wrongStatus(probe, exchange, 400),
        ]);
    },
};

/** Methods whose results the other rules bring, besides discovery and the lists (an unknown method's answer is another rule's business). */
const ANSWERED_METHODS = ['tools/call', 'resources/read', 'prompts/get', 'completion/complete'];

export const resultType: ProtocolRule = {
    id: 'result-type',
    check: async (probe) => {
        const results: [string, unknown][] = [['server/discover', resultOf(await discovery(probe))]];
        for (const walk of await probe.lists()) walk.pages.forEach((page, i) => results.push([`${walk.method} page ${i + 1}`, page]));
        // Late in the catalog: the other rules' calls, reads and gets have been answered by now.
        const answered = probe.results.filter(({ method }) => ANSWERED_METHODS.includes(method));
        for (const { method, result } of answered) results.push([`the answer to ${method}`, result]);
        const findings = results
            .filter(([, result]) => isJsonObject(result) && result.resultType !== 'complete' && result.resultType !== 'input_required')
            .map(([what, result]) => {
                const type = (result as Record<string, unknown>).resultType;
                return `${what} has ${type === undefined ? 'no resultType' : `resultType ${preview(type)}`}, not "complete" or "input_required"`;
            });
        return found([...new Set(findings)]);
    },
};

export const cacheHints: ProtocolRule = {
    id: 'cache-hints',
    check: async (probe) => {
        const discovered = resultOf(await discovery(probe));
        const messages: string[] = isJsonObject(discovered) ? hintProblems('server/discover', discovered) : [];
        for (const walk of await probe.lists()) {
            walk.pages.forEach((page, i) => messages.push(...hintProblems(`${walk.method} page ${i + 1}`, page)));
            const scopes = new Set(walk.pages.map((page) => page.cacheScope));
            if (scopes.size > 1) messages.push(`${walk.method} pages differ in cacheScope (${[...scopes].map((s) => preview(s)).join(', ')}); every page must have the same`);
        }
        return messages.length ? found(messages) : PASS;
    },
};

/** What is wrong with one complete result's `ttlMs` and `cacheScope`. */
function hintProblems(what: string, result: Record<string, unknown>): string[] {
    if (result.resultType === 'input_required') return [];
    const { ttlMs, cacheScope } = result;
    return [
        !(Number.isInteger(ttlMs) && (ttlMs as number) >= 0) && `${what}: ttlMs must be an integer >= 0, got ${preview(ttlMs)}`,
        cacheScope !== 'public' && cacheScope !== 'private' && `${what}: cacheScope must be "public" or "private", got ${preview(cacheScope)}`,
    ].filter((m): m is string => typeof m === 'string');
}

function sameSet(a: readonly unknown[], b: readonly unknown[]): boolean {
    return a.length === b.length && a.every((v) => b.includes(v)) && b.every((v) => a.includes(v));
}

export const noServerRequests: ProtocolRule = {
    id: 'no-server-requests',
    check: async (probe) => {
        // Last in the catalog: by now every other rule has talked to the server.
        await probe.request('tools/list');
        const methods = probe.serverRequests();
        return found([methods.length > 0 && `the server sent ${methods.length} request${methods.length === 1 ? '' : 's'} to the client (${[...new Set(methods)].join(', ')}); on 2026-07-28 a server asks for input with an input_required result`]);
    },
};
