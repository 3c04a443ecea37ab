/**
 * The fetch the HTTP transports use for a server with `auth:`: each request carries the
 * current token; a 401 gets a token (first request) or a new one (the token expired) and the
 * request is sent once more. A second 401 is the server refusing the token: an `AuthError`.
 */
import { Authenticator } from './authenticator.js';
import type { AuthConfig, AuthSummary } from './types.js';

type Fetch = typeof fetch;

/** The config shape this module needs: the server's URL and its `auth:`. */
interface AuthenticatedServer {
    url: string;
    auth?: AuthConfig;
}

// Keyed by the `auth` object, which copies of a server's config share (the connector's own, a
// revision variant's, the protocol checks'), so every transport and check of the server
// (protocol fallback, a renewed session, raw probes) shares one token.
const authenticators = new WeakMap<AuthConfig, Authenticator>();

/** The fetch to reach `server` with: the global one, or one that authenticates. */
export function fetchFor(server: AuthenticatedServer): Fetch {
    const authenticator = authenticatorFor(server);
    return authenticator ? authorizedFetch(fetch, authenticator) : fetch;
}

/** How the server was authenticated so far, for reports; undefined without `auth:`. */
export function authSummaryOf(server: AuthenticatedServer): AuthSummary | undefined {
    return authenticatorFor(server)?.summary();
}

/** The server's authenticator, for the rules that check its authorization. */
export function authenticatorFor(server: AuthenticatedServer): Authenticator | undefined {
    if (!server.auth) return undefined;
    let authenticator = authenticators.get(server.auth);
    if (!authenticator) {
        authenticator = new Authenticator(server.auth, server.url);
        authenticators.set(server.auth, authenticator);
    }
    return authenticator;
}

function authorizedFetch(base: Fetch, authenticator: Authenticator): Fetch {
    return async (input, init) => {
        const send = (authorization: string | undefined): Promise<Response> => {
            const headers = new Headers(init?.headers);
            if (authorization) headers.set('authorization', authorization);
            return base(input, { ...init, headers });
        };
        const sent = authenticator.header();
        const first = await send(sent);
        if (first.status !== 401) return first;
        await first.body?.cancel();
        const retried = await send(await authenticator.retryAfter(first, sent));
        if (retried.status !== 401) return retried;
        await retried.body?.cancel();
        throw authenticator.refused(retried);
    };
}
