/**
 * Which keys of `auth:` go together, in words: one method; a secret or a key for client
 * credentials; the client of a refresh token. The schema has the same rules for editors, but
 * its `oneOf` messages name no key.
 */
import type { Report } from './checks.js';
import { quote } from './messages.js';
import type { SpecPath } from './types.js';

const METHODS = ['bearer', 'client_credentials', 'refresh_token'];
/** Keys beside `refresh_token` that configure it; for client credentials they go inside `client_credentials`. */
const REFRESH_KEYS = ['client_id', 'client_secret', 'scope', 'resource', 'issuer'];

/** Checks one server's `auth:` mapping at `path`. */
export function checkAuth(path: SpecPath, auth: Record<string, unknown>, report: Report): void {
    const methods = METHODS.filter((m) => auth[m] !== undefined);
    if (methods.length === 0) report(path, 'needs one of "bearer", "client_credentials" or "refresh_token"');
    if (methods.length > 1) report(path, `use one method, not ${methods.map(quote).join(' and ')}`);
    if (auth['refresh_token'] !== undefined && auth['client_id'] === undefined) {
        report(path, '"refresh_token" needs "client_id" (the client the refresh token was issued to)');
    }
    if (auth['refresh_token'] === undefined) {
        for (const key of REFRESH_KEYS.filter((k) => auth[k] !== undefined)) {
            const where = auth['client_credentials'] !== undefined ? 'inside "client_credentials"' : 'with "refresh_token"';
            report(path, `${quote(key)} belongs ${where}`, [...path, key]);
        }
    }
    const credentials = auth['client_credentials'];
    if (typeof credentials === 'object' && credentials !== null && !Array.isArray(credentials)) {
        const proofs = ['client_secret', 'private_key_jwt'].filter((k) => (credentials as Record<string, unknown>)[k] !== undefined);
        const at = [...path, 'client_credentials'];
        if (proofs.length === 0) report(at, 'needs "client_secret" or "private_key_jwt" (how the client proves who it is)');
        if (proofs.length > 1) report(at, 'use "client_secret" or "private_key_jwt", not both');
    }
}
