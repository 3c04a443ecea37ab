/**
 * How mcp-check authenticates to an HTTP server (the spec's `auth:`), and what reports say
 * about it. Tokens and secrets live only in the config; summaries never hold one.
 */

/** What every method may say besides how to get a token. */
interface AuthCommon {
    /** The scope(s) each tool needs, space-separated, by tool name (`tool_scopes`): for the rule that calls it without them. */
    toolScopes?: Readonly<Record<string, string>>;
}

/** A token given as is (`auth.bearer`); it cannot be renewed. */
export interface BearerAuth extends AuthCommon {
    method: 'bearer';
    token: string;
}

/** How a confidential client proves who it is at the token endpoint. */
export type ClientProof = { secret: string } | { privateKeyJwt: { keyFile: string; alg: string } } | { none: true };

/** OAuth client credentials (machine to machine): discovery, then a token for the server's resource. */
export interface ClientCredentialsAuth extends AuthCommon {
    method: 'client_credentials';
    clientId: string;
    proof: ClientProof;
    /** Space-separated scopes to ask for; by default none (the authorization server's default). */
    scope?: string;
    /** The resource indicator (RFC 8707); by default the protected resource metadata's `resource`, else the server URL. */
    resource?: string;
    /** The only authorization server the credentials may be sent to; by default, whichever the MCP server names. */
    issuer?: string;
}

/** A long-lived refresh token a user handed the CI job, exchanged for access tokens. */
export interface RefreshTokenAuth extends AuthCommon {
    method: 'refresh_token';
    refreshToken: string;
    clientId: string;
    proof: ClientProof;
    scope?: string;
    resource?: string;
    issuer?: string;
}

export type AuthConfig = BearerAuth | ClientCredentialsAuth | RefreshTokenAuth;

/** What reports say about a server's authentication: never a token or secret. */
export interface AuthSummary {
    method: AuthConfig['method'];
    /** The authorization server that issued the tokens (not known for `bearer`). */
    issuer?: string;
    /** The scopes granted, as the token response listed them (else as asked for). */
    scopes?: string[];
    /** The resource indicator the tokens were asked for. */
    resource?: string;
    /** How many access tokens were obtained during the run (more than one: renewed after expiry). */
    tokens?: number;
}

/** The step of authentication that failed, named in the error the user sees. */
export type AuthStep = 'discovery' | 'metadata' | 'token request' | 'token refused';

/** Authentication failed at one step; the message says which and why, never with a secret. */
export class AuthError extends Error {
    override readonly name = 'AuthError';
    constructor(
        readonly step: AuthStep,
        detail: string,
    ) {
        super(`authentication failed at ${step}: ${detail}`);
    }
}

/** The AuthError in an error's cause chain, if any (transports and the SDK wrap what fetch throws). */
export function authErrorOf(error: unknown): AuthError | undefined {
    for (let e: unknown = error, depth = 0; e && depth < 6; e = (e as { cause?: unknown }).cause, depth++) {
        if (e instanceof AuthError) return e;
    }
    return undefined;
}
