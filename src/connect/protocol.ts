/**
 * The protocol revisions mcp-check speaks, and the eras they belong to. The 2025 era opens a
 * session with `initialize`; from 2026-07-28 on there is no session: every request carries
 * the protocol version, client info and client capabilities in its `_meta`.
 */

/** The stateless revision (no `initialize`, `server/discover`, per-request `_meta`). */
export const MODERN_REVISION = '2026-07-28';

/** 2025-era revisions a spec may pin, newest first; the first is what `initialize` asks for. */
export const LEGACY_REVISIONS = ['2025-11-25', '2025-06-18', '2025-03-26'] as const;

/** Revisions a spec may name in `protocol:`, newest first. */
export const REVISIONS = [MODERN_REVISION, ...LEGACY_REVISIONS] as const;

export type Revision = (typeof REVISIONS)[number];

/** `auto` discovers what the server speaks and prefers the newest revision both sides have. */
export type ProtocolChoice = 'auto' | Revision;

export type Era = 'modern' | 'legacy';

/** 2025-era versions a server may answer `initialize` with when the client did not pin one. */
export const ACCEPTED_LEGACY_VERSIONS: readonly string[] = [...LEGACY_REVISIONS, '2024-11-05'];

/** The reserved `_meta` keys of 2026-07-28. */
export const META_KEYS = {
    protocolVersion: 'io.modelcontextprotocol/protocolVersion',
    clientInfo: 'io.modelcontextprotocol/clientInfo',
    clientCapabilities: 'io.modelcontextprotocol/clientCapabilities',
    serverInfo: 'io.modelcontextprotocol/serverInfo',
} as const;

/** JSON-RPC error codes that 2026-07-28 added. */
export const ModernErrorCode = {
    HeaderMismatch: -32020,
    MissingClientCapability: -32021,
    UnsupportedProtocolVersion: -32022,
} as const;

/** Which era a revision belongs to. */
export function eraOf(revision: string): Era {
    return revision >= MODERN_REVISION ? 'modern' : 'legacy';
}

/** Whether `value` is a revision a spec may name. */
export function isRevision(value: string): value is Revision {
    return (REVISIONS as readonly string[]).includes(value);
}
