/**
 * Every protocol rule's id, default level, where it applies and the specification section it
 * comes from, in report order: what planning, `--list-rules`, the README and the spec schema
 * need, without loading the checks themselves (they talk to servers). A requirement the
 * specification states with MUST is `error`; one it only recommends (SHOULD) is `warn`.
 */
import { LEGACY_REVISIONS, MODERN_REVISION, eraOf, type Era } from '../connect/protocol.js';
import type { TransportKind } from '../connect/types.js';

export type ProtocolLevel = 'error' | 'warn';

export interface ProtocolRuleInfo {
    readonly id: string;
    readonly defaultLevel: ProtocolLevel;
    /** The eras whose revisions state the requirement; on the other era the rule is skipped. */
    readonly eras: readonly Era[];
    /** Transports the requirement is about; absent means every transport. */
    readonly transports?: readonly TransportKind[];
    /** The first 2025 revision that states it, when 2025-03-26 does not. */
    readonly since?: string;
    /** Why the rule has no counterpart in the era it does not apply to, when there is more to say than the era. */
    readonly elsewhere?: string;
    /** The section that states it, as a path under `/specification/<revision>/`, per era. */
    readonly section: Readonly<Partial<Record<Era, string>>>;
    /** What the server must do, in one line. */
    readonly description: string;
    /** About the server's authorization: planned only for a server with `auth:` (mcp-check needs a valid token to compare with). */
    readonly needsAuth?: boolean;
    /** Over stdio, judged on a second copy of the server (which the CLI starts with the first). */
    readonly secondCopy?: boolean;
}

const BOTH: readonly Era[] = ['legacy', 'modern'];
const HTTP: readonly TransportKind[] = ['streamable_http'];
const STDIO: readonly TransportKind[] = ['stdio'];

export const PROTOCOL_CATALOG: readonly ProtocolRuleInfo[] = Object.freeze([
    {
        id: 'discover',
        defaultLevel: 'error',
        eras: ['modern'],
        section: { modern: 'server/discover' },
        description: 'server/discover answers with supportedVersions (including the revision asked for) and capabilities',
    },
    {
        id: 'ping',
        defaultLevel: 'error',
        eras: ['legacy'],
        elsewhere: '2026-07-28 removed ping',
        section: { legacy: 'basic/utilities/ping#behavior-requirements' },
        description: 'ping is answered with an empty result (2026-07-28 removed ping)',
    },
    {
        id: 'unknown-method',
        defaultLevel: 'error',
        eras: BOTH,
        section: { legacy: 'basic/index#responses', modern: 'basic/index#error-codes' },
        description: 'an unknown method is answered with -32601 (over 2026-07-28 Streamable HTTP with status 404)',
    },
    {
        id: 'cancellation',
        defaultLevel: 'warn',
        eras: BOTH,
        section: { legacy: 'basic/utilities/cancellation#behavior-requirements', modern: 'basic/utilities/cancellation#behavior-requirements' },
        description: 'notifications/cancelled for a request the server never saw is ignored: no answer, and the server goes on answering',
    },
    {
        id: 'client-capabilities',
        defaultLevel: 'error',
        eras: ['modern'],
        section: { modern: 'basic/index#meta' },
        description: 'a request without client capabilities in _meta is refused with -32602 (over HTTP with status 400)',
    },
    {
        id: 'unsupported-version',
        defaultLevel: 'error',
        eras: ['modern'],
        section: { modern: 'basic/versioning#protocol-version-negotiation' },
        description: 'an unsupported protocol version is refused with -32022 whose data.supported lists what server/discover lists (over HTTP with status 400)',
    },
    {
        id: 'cache-hints',
        defaultLevel: 'error',
        eras: ['modern'],
        section: { modern: 'server/utilities/caching' },
        description: 'server/discover and every list page carry ttlMs >= 0 and cacheScope "public" or "private", the same cacheScope on every page',
    },
    {
        id: 'pagination-terminates',
        defaultLevel: 'error',
        eras: BOTH,
        section: { legacy: 'server/utilities/pagination#pagination-model', modern: 'server/utilities/pagination#pagination-model' },
        description: 'every list the server declares ends: no cursor comes back twice',
    },
    {
        id: 'invalid-cursor',
        defaultLevel: 'warn',
        eras: BOTH,
        section: { legacy: 'server/utilities/pagination#error-handling', modern: 'server/utilities/pagination#error-handling' },
        description: 'a cursor the server never gave is refused with -32602',
    },
    {
        id: 'list-stable',
        defaultLevel: 'warn',
        eras: BOTH,
        section: { legacy: 'server/utilities/pagination#implementation-guidelines', modern: 'server/utilities/pagination#implementation-guidelines' },
        description: 'every list the server declares lists the same items when it is read a second time',
    },
    {
        id: 'unknown-tool',
        // The revisions class an unknown tool as a protocol error, but state no MUST.
        defaultLevel: 'warn',
        eras: BOTH,
        section: { legacy: 'server/tools#error-handling', modern: 'server/tools#error-handling' },
        description: 'a call to a tool that is not listed is a JSON-RPC error (-32602), not a tool result',
    },
    {
        id: 'unknown-resource',
        defaultLevel: 'error',
        eras: BOTH,
        section: { legacy: 'server/resources#error-handling', modern: 'server/resources#error-handling' },
        description: 'a read of a resource that does not exist is a JSON-RPC error (-32602; 2025: -32002), never empty contents',
    },
    {
        id: 'prompt-arguments',
        defaultLevel: 'warn',
        eras: BOTH,
        section: { legacy: 'server/prompts#error-handling', modern: 'server/prompts#error-handling' },
        description: 'a prompts/get missing a required argument is refused with -32602',
    },
    {
        id: 'malformed-params',
        defaultLevel: 'warn',
        eras: BOTH,
        section: { legacy: 'basic/index#responses', modern: 'basic/index#error-codes' },
        description: 'a tools/call of a read-only tool whose arguments are not an object is refused with -32602',
    },
    {
        id: 'completion',
        defaultLevel: 'error',
        eras: BOTH,
        section: { legacy: 'server/utilities/completion', modern: 'server/utilities/completion' },
        description: 'completion/complete for a prompt argument answers with at most 100 string values (total and hasMore well-typed); an unknown prompt is refused with -32602',
    },
    {
        id: 'logging-level',
        defaultLevel: 'error',
        eras: ['legacy'],
        section: { legacy: 'server/utilities/logging#setting-log-level' },
        description: 'logging/setLevel with a level of RFC 5424 is answered with an empty result; an unknown level is refused with -32602',
    },
    {
        id: 'icons',
        defaultLevel: 'warn',
        eras: BOTH,
        since: '2025-11-25',
        section: { legacy: 'basic/index#icons', modern: 'basic/index#icons' },
        description: 'every icon of a listed tool, resource, template or prompt has an https: or data: src',
    },
    {
        id: 'output-schema',
        defaultLevel: 'error',
        eras: BOTH,
        since: '2025-06-18',
        section: { legacy: 'server/tools#output-schema', modern: 'server/tools#output-schema' },
        description: 'a read-only tool with an outputSchema, called once with arguments made from its inputSchema, answers structuredContent matching it',
    },
    {
        id: 'initialize-version',
        defaultLevel: 'error',
        eras: ['legacy'],
        transports: ['stdio', 'streamable_http'],
        secondCopy: true,
        section: { legacy: 'basic/lifecycle#version-negotiation' },
        description: 'initialize with an unknown protocol version is answered with a version the server supports, never the one asked for',
    },
    {
        id: 'origin-check',
        defaultLevel: 'error',
        eras: BOTH,
        transports: HTTP,
        section: { legacy: 'basic/transports#security-warning', modern: 'basic/transports/streamable-http' },
        description: 'a local server refuses a request from a foreign Origin with 403 (DNS rebinding protection)',
    },
    {
        id: 'batch-refused',
        defaultLevel: 'warn',
        eras: BOTH,
        transports: HTTP,
        since: '2025-06-18',
        section: { legacy: 'basic/transports#sending-messages-to-the-server', modern: 'basic/transports/streamable-http#sending-messages' },
        description: 'a JSON-RPC batch (an array) is refused, not answered request by request',
    },
    {
        id: 'protocol-version-header',
        defaultLevel: 'error',
        eras: ['legacy'],
        transports: HTTP,
        since: '2025-06-18',
        section: { legacy: 'basic/transports#protocol-version-header' },
        description: 'a request with an unsupported MCP-Protocol-Version header is refused with 400',
    },
    {
        id: 'header-mismatch',
        defaultLevel: 'error',
        eras: ['modern'],
        transports: HTTP,
        section: { modern: 'basic/transports/streamable-http#server-validation' },
        description: 'Mcp-Method or Mcp-Name headers that disagree with the body are refused with 400 and -32020',
    },
    {
        id: 'session-id',
        defaultLevel: 'error',
        eras: ['legacy'],
        transports: HTTP,
        section: { legacy: 'basic/transports#session-management' },
        description: 'a session id contains only visible ASCII (0x21 to 0x7E)',
    },
    {
        id: 'session-delete',
        defaultLevel: 'error',
        eras: ['legacy'],
        transports: HTTP,
        section: { legacy: 'basic/transports#session-management' },
        description: 'after DELETE ends a session, a request with its id is answered 404',
    },
    {
        id: 'get-stream',
        defaultLevel: 'error',
        eras: ['legacy'],
        transports: HTTP,
        section: { legacy: 'basic/transports#listening-for-messages-from-the-server' },
        description: 'a GET on the MCP endpoint is answered with an event stream or 405 (Method Not Allowed)',
    },
    {
        id: 'no-session',
        defaultLevel: 'warn',
        eras: ['modern'],
        transports: HTTP,
        section: { modern: 'basic/transports/streamable-http#earlier-streamable-http-revisions' },
        description: 'no Mcp-Session-Id header is minted or echoed on 2026-07-28',
    },
    {
        id: 'stdin-close-exit',
        defaultLevel: 'warn',
        eras: BOTH,
        transports: STDIO,
        secondCopy: true,
        section: { legacy: 'basic/lifecycle#shutdown', modern: 'basic/transports/stdio#shutdown' },
        description: 'the server exits within 3 s once its stdin is closed',
    },
    {
        id: 'stdout-clean',
        defaultLevel: 'error',
        eras: BOTH,
        transports: STDIO,
        section: { legacy: 'basic/transports#stdio', modern: 'basic/transports/stdio' },
        description: 'nothing but JSON-RPC messages is written to stdout',
    },
    {
        id: 'result-type',
        defaultLevel: 'error',
        eras: ['modern'],
        section: { modern: 'basic/index#result-responses' },
        description: 'every result the checks bring (server/discover, list pages, tool calls, reads, gets) carries resultType "complete" or "input_required"',
    },
    {
        id: 'progress',
        defaultLevel: 'error',
        eras: BOTH,
        section: { legacy: 'basic/utilities/progress#behavior-requirements', modern: 'basic/utilities/progress#behavior-requirements' },
        description: 'progress notifications name the token of a request in flight, increase, and stop with its result (skipped when the checks brought none)',
    },
    {
        id: 'no-server-requests',
        defaultLevel: 'error',
        eras: ['modern'],
        section: { modern: 'basic/index#requests' },
        description: 'the server sends no requests to the client (2026-07-28 asks for input with input_required results instead)',
    },
    authRule('auth-challenge', 'authorization-server-location', 'a request without a token is answered 401 with WWW-Authenticate naming resource_metadata (or the metadata is at the well-known URL)'),
    authRule('auth-resource-metadata', 'authorization-server-location', 'the protected resource metadata (RFC 9728) lists authorization_servers and its resource is the server URL'),
    authRule('auth-server-metadata', 'server-metadata-discovery', "the authorization server's metadata (RFC 8414) names the issuer it was fetched for, PKCE S256 and the grant in use"),
    authRule('auth-invalid-token', 'token-handling', 'a request with a token that is not one (garbage) is answered 401, never with data'),
    authRule('auth-audience', 'token-audience-binding-and-validation', 'a valid token issued for another resource (audience) is answered 401'),
    authRule('auth-query-token', 'access-token-usage', 'a valid token in the query string (access_token=...) instead of the Authorization header is answered 401'),
    authRule('auth-expired-token', 'token-handling', "an expired token (one the run renewed, else the run's own once it expires, if that is within 15 s) is answered 401, never with data"),
    authRule('auth-insufficient-scope', 'error-handling', 'a token without the scope a tool needs (auth.tool_scopes) calling it is answered 403 with WWW-Authenticate error="insufficient_scope" naming the scope'),
] satisfies ProtocolRuleInfo[]);

/**
 * The auth rules apply alike: both eras from 2025-06-18 (the first revision with protected
 * resource metadata), over HTTP, to servers with `auth:`, each a MUST of the Authorization section.
 */
function authRule(id: string, anchor: string, description: string): ProtocolRuleInfo {
    const section = `basic/authorization#${anchor}`;
    return { id, defaultLevel: 'error', eras: BOTH, transports: HTTP, needsAuth: true, since: '2025-06-18', section: { legacy: section, modern: section }, description };
}

const SPEC_BASE = 'https://modelcontextprotocol.io/specification';

/**
 * Whether a rule can apply to a server with this config at all: one for another transport, or
 * for the other era when the config pins a revision, is not planned (like a rule that is off).
 */
export function mayApply(info: ProtocolRuleInfo, config: { transport: TransportKind; protocol?: string; auth?: unknown }): boolean {
    if (info.transports && !info.transports.includes(config.transport)) return false;
    if (info.needsAuth && config.auth === undefined) return false;
    return config.protocol === undefined || config.protocol === 'auto' || info.eras.includes(eraOf(config.protocol));
}

/** The catalog entry of rule `id`; throws for an id that is not in the catalog (a bug). */
export function protocolRuleInfo(id: string): ProtocolRuleInfo {
    const info = PROTOCOL_CATALOG.find((rule) => rule.id === id);
    if (!info) throw new Error(`protocol rule "${id}" is missing from PROTOCOL_CATALOG`);
    return info;
}

/** The URL of the section that states a rule, in the revision given (or the era's newest). */
export function sectionUrl(info: ProtocolRuleInfo, era: Era, revision?: string): string | undefined {
    const path = info.section[era];
    if (path === undefined) return undefined;
    return `${SPEC_BASE}/${revision ?? (era === 'modern' ? MODERN_REVISION : LEGACY_REVISIONS[0])}/${path}`;
}
