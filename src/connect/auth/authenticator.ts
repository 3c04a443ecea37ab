/**
 * One server's authentication for the whole run: the token every request carries, obtained
 * on the first 401 (whose challenge starts discovery) and obtained anew when the server
 * refuses a token it took before (it expired). Shared by every transport of the server, so
 * a protocol fallback or a renewed session does not ask for another token.
 */
import { discover, type Discovered } from './discovery.js';
import { jwtExpiry } from './expiry.js';
import { rememberIssued } from './issued.js';
import { requestToken, type IssuedToken } from './token-request.js';
import { AuthError, type AuthConfig, type AuthSummary } from './types.js';

export class Authenticator {
    private server?: Discovered;
    private token?: IssuedToken;
    /** The token the last renewal replaced: the server refused it, most likely because it expired. */
    private replaced?: IssuedToken;
    /** The newest refresh token handed out, so a rotating authorization server's last one is the one used. */
    private refreshToken?: string;
    /** The token being obtained, so concurrent requests wait for one token instead of asking for several. */
    private pending?: Promise<IssuedToken>;
    private issuedCount = 0;

    constructor(
        private readonly config: AuthConfig,
        private readonly serverUrl: string,
    ) {
        if (config.method === 'bearer') rememberIssued(config.token);
    }

    /** The Authorization header value to send now, if a token is known yet. */
    header(): string | undefined {
        if (this.config.method === 'bearer') return `Bearer ${this.config.token}`;
        return this.token && `Bearer ${this.token.accessToken}`;
    }

    /**
     * The server answered 401 to a request that carried `sent` (or no token): returns the
     * header to retry with. When the refused token is the one in use, a new one is obtained
     * (once for every request that waits); a bearer token cannot be renewed, so it is an error.
     */
    async retryAfter(challenge: Response, sent: string | undefined): Promise<string> {
        if (this.config.method === 'bearer') throw this.refused(challenge);
        if (sent === this.header()) {
            this.pending ??= this.obtain(challenge)
                .then((token) => {
                    this.replaced = this.token;
                    return (this.token = token);
                })
                .finally(() => (this.pending = undefined));
        }
        if (this.pending) await this.pending;
        return this.header()!;
    }

    /** The error for a token the server refused even when it was new: it is wrong for the server, not old. */
    refused(challenge: Response): AuthError {
        const params = challenge.headers.get('www-authenticate');
        const by = this.config.method === 'bearer' ? 'the bearer token' : `the token issued by ${this.server?.issuer ?? 'the authorization server'}`;
        return new AuthError('token refused', `the MCP server refused ${by} (HTTP ${challenge.status}${params ? `, WWW-Authenticate: ${params}` : ''})`);
    }

    /** How the server was authenticated, for reports. */
    summary(): AuthSummary {
        const { config } = this;
        if (config.method === 'bearer') return { method: 'bearer' };
        const scope = this.token?.scope ?? config.scope;
        return {
            method: config.method,
            ...(this.server ? { issuer: this.server.issuer } : {}),
            ...(scope ? { scopes: scope.split(' ').filter(Boolean) } : {}),
            ...(this.server ? { resource: this.resourceFor(this.server) } : {}),
            ...(this.issuedCount ? { tokens: this.issuedCount } : {}),
        };
    }

    /** The access token in use, if one was sent yet. */
    currentToken(): string | undefined {
        return this.config.method === 'bearer' ? this.config.token : this.token?.accessToken;
    }

    /** What discovery found, once it ran. */
    discovered(): Discovered | undefined {
        return this.server;
    }

    /**
     * The newest token whose expiry is known, for the rule that sends an expired token: the one
     * the run replaced (it expired mid-run), else the one in use. Undefined when no token's expiry is known.
     */
    expiringToken(): { token: string; expiresAt: number } | undefined {
        if (this.config.method === 'bearer') {
            const expiresAt = jwtExpiry(this.config.token);
            return expiresAt === undefined ? undefined : { token: this.config.token, expiresAt };
        }
        const known = [this.replaced, this.token].find((t) => t?.expiresAt !== undefined);
        return known && { token: known.accessToken, expiresAt: known.expiresAt! };
    }

    /**
     * A token unlike the run's, for a rule to see that the server refuses it: for another
     * resource, or with other scopes. Not used for anything else. Undefined when the method
     * cannot ask for one (`bearer`).
     */
    async extraToken(ask: { resource?: string; scope?: string }): Promise<IssuedToken | undefined> {
        if (this.config.method === 'bearer' || !this.server) return undefined;
        return this.request(this.server, ask.resource ?? this.resourceFor(this.server), ask.scope ?? this.config.scope);
    }

    /** The scopes the run asks for (`scope` of `auth:`), if it names any. */
    askedScope(): string | undefined {
        return this.config.method === 'bearer' ? undefined : this.config.scope;
    }

    private async obtain(challenge: Response): Promise<IssuedToken> {
        const { config } = this;
        if (config.method === 'bearer') throw this.refused(challenge);
        this.server ??= await discover(this.serverUrl, challenge.headers);
        if (config.issuer && stripSlash(config.issuer) !== stripSlash(this.server.issuer)) {
            throw new AuthError('discovery', `the MCP server names the authorization server ${this.server.issuer}, but auth.issuer allows only ${config.issuer}`);
        }
        const token = await this.request(this.server, this.resourceFor(this.server), config.scope);
        this.issuedCount++;
        return token;
    }

    private async request(server: Discovered, resource: string, scope: string | undefined): Promise<IssuedToken> {
        const config = this.config as Exclude<AuthConfig, { method: 'bearer' }>;
        const params =
            config.method === 'client_credentials'
                ? { grant_type: 'client_credentials', scope, resource }
                : { grant_type: 'refresh_token', refresh_token: this.refreshToken ?? config.refreshToken, scope, resource };
        const token = await requestToken(server, { clientId: config.clientId, proof: config.proof, params });
        if (token.refreshToken) this.refreshToken = token.refreshToken;
        return token;
    }

    private resourceFor(server: Discovered): string {
        return (this.config.method !== 'bearer' && this.config.resource) || server.resource || this.serverUrl;
    }
}

function stripSlash(url: string): string {
    return url.replace(/\/$/, '');
}
