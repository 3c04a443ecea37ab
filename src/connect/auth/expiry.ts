/**
 * When an access token expires. A JWT says so in its `exp` claim, read here without verifying
 * the signature: mcp-check only needs the time, and the server it checks does the verifying.
 */
import { isObject } from './metadata-fetch.js';

/** The `exp` of a JWT, in ms since the epoch; undefined for a token that is not a JWT or has no numeric `exp`. */
export function jwtExpiry(token: string): number | undefined {
    const parts = token.split('.');
    if (parts.length !== 3) return undefined;
    try {
        const claims: unknown = JSON.parse(Buffer.from(parts[1]!, 'base64url').toString('utf8'));
        return isObject(claims) && typeof claims['exp'] === 'number' ? claims['exp'] * 1000 : undefined;
    } catch {
        return undefined;
    }
}
