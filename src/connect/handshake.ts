/**
 * Opening a connection in the right protocol era. `auto` asks `server/discover` first (the
 * 2026-07-28 way) and falls back to the 2025 `initialize` handshake when the server does not
 * know it; a pinned revision speaks that revision only, and a server that does not offer it is
 * one clear error naming what it does offer.
 */
import { ErrorCode } from '@modelcontextprotocol/sdk/types.js';
import { VERSION } from '../version.js';
import { isJsonObject } from './json-rpc-message.js';
import {
    ACCEPTED_LEGACY_VERSIONS,
    LEGACY_REVISIONS,
    META_KEYS,
    MODERN_REVISION,
    ModernErrorCode,
    eraOf,
    type Era,
    type ProtocolChoice,
} from './protocol.js';
import type { RequestChannel } from './request-channel.js';
import { isLocal, serverRpcErrorOf, stripErrorPrefix } from './rpc-errors.js';
import { readResult } from './results.js';
import type { TransportKind } from './types.js';

/** The transport and request channel of one era; HTTP needs a different one per era. */
export interface Link {
    channel: RequestChannel;
}

export interface HandshakeOptions {
    choice: ProtocolChoice;
    transport: TransportKind;
    capabilities: Record<string, unknown>;
    timeoutMs: number;
    signal?: AbortSignal;
    /** Opens (or returns the already open) link for an era. */
    link(era: Era): Promise<Link>;
}

/** What the server said about itself, in either era. */
export interface Handshake {
    link: Link;
    era: Era;
    protocolVersion: string;
    name: string;
    version: string;
    capabilities: Record<string, unknown>;
    instructions?: string;
    /** 2026-07-28: every revision the server listed in `server/discover`. */
    supportedVersions?: string[];
}

/** The server does not speak the revision asked for; the message names what it offers. */
export class ProtocolMismatchError extends Error {
    override readonly name = 'ProtocolMismatchError';
}

/** Which request the handshake was waiting for when it failed, for messages. */
export class HandshakeError extends Error {
    override readonly name = 'HandshakeError';
    constructor(
        readonly method: string,
        options: { cause: unknown },
    ) {
        super(`${method} failed: ${options.cause instanceof Error ? options.cause.message : String(options.cause)}`, options);
    }
}

const CLIENT_INFO = { name: 'mcp-check', version: VERSION };

/**
 * On stdio a 2025 server may ignore a request that comes before `initialize`; silence that
 * long means "not modern", and the 2025 handshake gets its own full timeout.
 */
const DISCOVER_SILENCE_MS = 10_000;

/** Opens the connection in the era `choice` calls for; throws `ProtocolMismatchError` or `HandshakeError`. */
export async function handshake(options: HandshakeOptions): Promise<Handshake> {
    const { choice, transport } = options;
    if (choice !== 'auto' && eraOf(choice) === 'modern' && transport === 'sse') {
        throw new ProtocolMismatchError(`${MODERN_REVISION} has no SSE transport: use Streamable HTTP (a bare url) for it, or a 2025 revision over SSE`);
    }
    if (transport === 'sse' || (choice !== 'auto' && eraOf(choice) === 'legacy')) return initialize(options, choice === 'auto' ? undefined : choice);
    const discovered = await discover(options);
    if (discovered.modern) return discovered.modern;
    if (choice !== 'auto') throw new ProtocolMismatchError(`the server does not offer ${MODERN_REVISION}: ${discovered.why}`);
    return initialize(options, undefined, discovered.why);
}

type Discovery = { modern: Handshake; why?: undefined } | { modern?: undefined; why: string };

/** Opens the era's link; a failure to (a process that died at once) is the failure of the request it was for. */
async function linkFor(options: HandshakeOptions, era: Era, method: string): Promise<Link> {
    try {
        return await options.link(era);
    } catch (error) {
        throw new HandshakeError(method, { cause: error });
    }
}

async function discover(options: HandshakeOptions): Promise<Discovery> {
    const link = await linkFor(options, 'modern', 'server/discover');
    const meta = envelope(options.capabilities);
    const silence = options.transport === 'stdio' && options.choice === 'auto' ? Math.min(DISCOVER_SILENCE_MS, options.timeoutMs) : options.timeoutMs;
    let result: Record<string, unknown>;
    try {
        result = await link.channel.request('server/discover', { _meta: meta }, readResult, { timeoutMs: silence, signal: options.signal });
    } catch (error) {
        const answer = serverRpcErrorOf(error);
        if (!answer) {
            // A stdio server that died has no 2025 handshake to fall back to; anything else
            // (silence, an HTTP error, a page that is not MCP) might be a 2025 server, whose own
            // handshake then tells what is wrong, in the words users know.
            const died = options.transport === 'stdio' && !isLocal(error, ErrorCode.RequestTimeout);
            if (options.choice === 'auto' && !died) return { why: `server/discover failed (${error instanceof Error ? error.message : String(error)})` };
            throw new HandshakeError('server/discover', { cause: error });
        }
        if (answer.code === ModernErrorCode.UnsupportedProtocolVersion) {
            return { why: `it answered server/discover with ${answer.code} (unsupported protocol version)${offered(answer.data)}` };
        }
        return { why: `it answered server/discover with ${answer.code} (${stripErrorPrefix(answer.message)}), as 2025-era servers do` };
    }
    const versions = Array.isArray(result.supportedVersions) ? result.supportedVersions.filter((v): v is string => typeof v === 'string') : [];
    if (!versions.includes(MODERN_REVISION)) return { why: `its server/discover lists ${versions.length ? versions.join(', ') : 'no version'}` };
    const serverInfo = serverInfoOf(result);
    link.channel.envelope = meta;
    return {
        modern: {
            link,
            era: 'modern',
            protocolVersion: MODERN_REVISION,
            name: serverInfo.name,
            version: serverInfo.version,
            capabilities: isJsonObject(result.capabilities) ? result.capabilities : {},
            instructions: typeof result.instructions === 'string' ? result.instructions : undefined,
            supportedVersions: versions,
        },
    };
}

async function initialize(options: HandshakeOptions, pinned: string | undefined, notModern?: string): Promise<Handshake> {
    const link = await linkFor(options, 'legacy', 'initialize');
    const asked = pinned ?? LEGACY_REVISIONS[0];
    const params = { protocolVersion: asked, capabilities: options.capabilities, clientInfo: CLIENT_INFO };
    let result: Record<string, unknown>;
    try {
        result = await link.channel.request('initialize', params, readResult, { timeoutMs: options.timeoutMs, signal: options.signal });
    } catch (error) {
        const refusal = serverRpcErrorOf(error);
        if (refusal?.code === ModernErrorCode.UnsupportedProtocolVersion) {
            const answer = `the server refused initialize ${asked} with ${refusal.code} (unsupported protocol version)${offered(refusal.data)}`;
            throw new ProtocolMismatchError(notModern ? `${answer}; and ${notModern}` : `${answer}${speaksModern(refusal.data) ? `: use protocol: ${MODERN_REVISION} or auto` : ''}`);
        }
        throw new HandshakeError('initialize', { cause: error });
    }
    const version = typeof result.protocolVersion === 'string' ? result.protocolVersion : '';
    const accepted = pinned ? [pinned] : ACCEPTED_LEGACY_VERSIONS;
    if (!accepted.includes(version)) {
        const offeredBy = version ? `the server answered initialize with ${version}` : 'the server named no protocol version in its initialize answer';
        throw new ProtocolMismatchError(`${offeredBy}, mcp-check asked for ${asked}${pinned ? ' (pinned by protocol:)' : ` and speaks ${accepted.join(', ')}`}`);
    }
    if (!isJsonObject(result.capabilities) || !isJsonObject(result.serverInfo)) {
        throw new HandshakeError('initialize', { cause: new Error('the answer lacks capabilities or serverInfo') });
    }
    await link.channel.notify('notifications/initialized', {});
    link.channel.useProtocolVersion(version);
    return {
        link,
        era: 'legacy',
        protocolVersion: version,
        name: String(result.serverInfo.name ?? ''),
        version: String(result.serverInfo.version ?? ''),
        capabilities: result.capabilities,
        instructions: typeof result.instructions === 'string' ? result.instructions : undefined,
    };
}

/** The per-request `_meta` of 2026-07-28. */
function envelope(capabilities: Record<string, unknown>): Record<string, unknown> {
    return {
        [META_KEYS.protocolVersion]: MODERN_REVISION,
        [META_KEYS.clientInfo]: CLIENT_INFO,
        [META_KEYS.clientCapabilities]: capabilities,
    };
}

function serverInfoOf(result: Record<string, unknown>): { name: string; version: string } {
    const meta = isJsonObject(result._meta) ? result._meta : {};
    const candidate = meta[META_KEYS.serverInfo] ?? result.serverInfo;
    const info = isJsonObject(candidate) ? candidate : {};
    return { name: String(info.name ?? ''), version: String(info.version ?? '') };
}

function supportedOf(data: unknown): string[] {
    const supported = isJsonObject(data) && Array.isArray(data.supported) ? data.supported : [];
    return supported.filter((v): v is string => typeof v === 'string');
}

function offered(data: unknown): string {
    const supported = supportedOf(data);
    return supported.length ? `; the server offers ${supported.join(', ')}` : '';
}

function speaksModern(data: unknown): boolean {
    return supportedOf(data).some((v) => eraOf(v) === 'modern');
}
