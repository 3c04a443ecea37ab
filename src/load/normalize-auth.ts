/** `auth:` as written to the connector's typed `AuthConfig`; a key file resolves against the spec's folder. */
import { dirname, resolve } from 'node:path';
import type { AuthConfig, ClientProof } from '../connect/auth/types.js';
import type { RawAuth } from './raw.js';
import { compact } from './values.js';

/** The typed form of a validated `auth:`; `specFile` is '' for servers given in code (paths then resolve against the working directory). */
export function toAuth(auth: RawAuth, specFile: string): AuthConfig {
    const method = howToGetTokens(auth, specFile);
    return auth.tool_scopes ? { ...method, toolScopes: auth.tool_scopes } : method;
}

function howToGetTokens(auth: RawAuth, specFile: string): AuthConfig {
    if (auth.bearer !== undefined) return { method: 'bearer', token: auth.bearer };
    if (auth.client_credentials) {
        const { client_id, client_secret, private_key_jwt, scope, resource, issuer } = auth.client_credentials;
        const proof: ClientProof = private_key_jwt
            ? { privateKeyJwt: { keyFile: resolve(specFile ? dirname(specFile) : '.', private_key_jwt.key), alg: private_key_jwt.alg ?? 'RS256' } }
            : { secret: client_secret! };
        return compact({ method: 'client_credentials' as const, clientId: client_id, proof, scope, resource, issuer });
    }
    const proof: ClientProof = auth.client_secret ? { secret: auth.client_secret } : { none: true };
    return compact({ method: 'refresh_token' as const, refreshToken: auth.refresh_token!, clientId: auth.client_id!, proof, scope: auth.scope, resource: auth.resource, issuer: auth.issuer });
}
