/**
 * Finding the authorization server of a protected MCP server, as the MCP specification asks:
 * the protected resource metadata (RFC 9728) named by the 401's `WWW-Authenticate`
 * `resource_metadata`, else at its well-known URL; then the authorization server's metadata
 * (RFC 8414, else OpenID Connect discovery), whose `issuer` must be the server asked.
 */
import { fetchJsonDocument } from './metadata-fetch.js';
import { AuthError } from './types.js';

/** What discovery found: where to ask for tokens, and for which resource. */
export interface Discovered {
    issuer: string;
    tokenEndpoint: string;
    /** The authorization server's metadata as served. */
    metadata: Record<string, unknown>;
    /** The protected resource metadata's `resource`, when it names one. */
    resource?: string;
}

/** Discovers the authorization server of the MCP server at `serverUrl`; `challenge` holds the headers of its 401, if one came. */
export async function discover(serverUrl: string, challenge?: Headers): Promise<Discovered> {
    const { resource, issuer } = await protectedResource(serverUrl, challenge);
    const metadata = await authorizationServerMetadata(issuer);
    if (typeof metadata['token_endpoint'] !== 'string') throw new AuthError('metadata', `the metadata of ${issuer} names no token_endpoint`);
    return { issuer, tokenEndpoint: metadata['token_endpoint'], metadata, ...(resource ? { resource } : {}) };
}

/** The `resource_metadata` URL of a `WWW-Authenticate: Bearer ...` challenge. */
export function resourceMetadataUrl(challenge: Headers | undefined): URL | undefined {
    const header = challenge?.get('www-authenticate') ?? '';
    const match = /(?:^|[\s,])resource_metadata\s*=\s*(?:"([^"]*)"|([^\s,]+))/i.exec(header);
    const value = match?.[1] ?? match?.[2];
    if (!value) return undefined;
    try {
        return new URL(value);
    } catch {
        return undefined;
    }
}

/** RFC 9728 §3: the well-known URL inserts `/.well-known/oauth-protected-resource` before the path. */
export function wellKnownUrls(base: string, suffix: string): URL[] {
    const url = new URL(base);
    const path = url.pathname === '/' ? '' : url.pathname.replace(/\/$/, '');
    const urls = [new URL(`/.well-known/${suffix}${path}`, url.origin)];
    if (path) urls.push(new URL(`/.well-known/${suffix}`, url.origin));
    return urls;
}

/** The protected resource metadata document and where it was found, or the URLs tried in vain. */
export type FoundMetadata = { url: URL; document: Record<string, unknown> } | { tried: URL[]; named: boolean };

/** Fetches the protected resource metadata: the URL the challenge names, else the well-known ones. */
export async function protectedResourceMetadata(serverUrl: string, challenge: Headers | undefined): Promise<FoundMetadata> {
    const named = resourceMetadataUrl(challenge);
    const candidates = named ? [named] : wellKnownUrls(serverUrl, 'oauth-protected-resource');
    for (const url of candidates) {
        const document = await fetchJsonDocument(url, 'discovery');
        if (document) return { url, document };
    }
    return { tried: candidates, named: named !== undefined };
}

/** The first authorization server a protected resource metadata document lists. */
export function firstAuthorizationServer(document: Record<string, unknown>): string | undefined {
    const servers = document['authorization_servers'];
    return Array.isArray(servers) ? servers.find((s): s is string => typeof s === 'string' && s !== '') : undefined;
}

async function protectedResource(serverUrl: string, challenge: Headers | undefined): Promise<{ resource?: string; issuer: string }> {
    const found = await protectedResourceMetadata(serverUrl, challenge);
    if ('tried' in found) {
        const where = found.named ? `at ${found.tried[0]!.href} (named by WWW-Authenticate)` : `at ${found.tried.map((u) => u.href).join(' or ')}`;
        throw new AuthError('discovery', `no protected resource metadata ${where}`);
    }
    const issuer = firstAuthorizationServer(found.document);
    if (!issuer) throw new AuthError('discovery', `the protected resource metadata at ${found.url.href} lists no authorization_servers`);
    const resource = found.document['resource'];
    return { issuer, ...(typeof resource === 'string' ? { resource } : {}) };
}

/** RFC 8414 §3.1 (path inserted), then OpenID Connect discovery (path inserted, then appended). */
async function authorizationServerMetadata(issuer: string): Promise<Record<string, unknown>> {
    const base = new URL(issuer);
    const path = base.pathname === '/' ? '' : base.pathname.replace(/\/$/, '');
    const candidates = [
        new URL(`/.well-known/oauth-authorization-server${path}`, base.origin),
        new URL(`/.well-known/openid-configuration${path}`, base.origin),
        ...(path ? [new URL(`${path}/.well-known/openid-configuration`, base.origin)] : []),
    ];
    for (const url of candidates) {
        const metadata = await fetchJsonDocument(url, 'metadata');
        if (!metadata) continue;
        // RFC 8414 §3.3: metadata whose issuer differs from the server asked must not be used.
        if (typeof metadata['issuer'] !== 'string' || withoutSlash(metadata['issuer']) !== withoutSlash(issuer)) {
            throw new AuthError('metadata', `${url.href} names issuer ${JSON.stringify(metadata['issuer'])}, not ${issuer}`);
        }
        return metadata;
    }
    throw new AuthError('metadata', `no authorization server metadata for ${issuer} (tried ${candidates.map((u) => u.href).join(', ')})`);
}

function withoutSlash(url: string): string {
    return url.replace(/\/$/, '');
}
