/** `mcp-check auth login`: the interactive flow, its URL on stderr and its result on stdout. */
import { clientIdUrlProblem, isClientIdUrl, login } from '../../connect/auth/login.js';
import { authErrorOf } from '../../connect/auth/types.js';
import { ExitCode, UsageError } from '../../errors.js';
import { openBrowser } from './browser.js';

export interface LoginCliOptions {
    url: string;
    clientId?: string;
    scope?: string;
    port?: number;
    timeout?: number;
    /** Open the sign-in URL in the system browser; by default, when run in a terminal. */
    open?: boolean;
}

const DEFAULT_LOGIN_TIMEOUT_MS = 5 * 60_000;

/** Signs in and prints the refresh token with the `auth:` block that uses it; 0 on success, 1 when a step failed. */
export async function loginCommand(options: LoginCliOptions): Promise<number> {
    if (!/^https?:\/\//i.test(options.url)) throw new UsageError(`auth login: expected an http:// or https:// URL, got ${JSON.stringify(options.url)}`);
    const documentProblem = options.clientId !== undefined && isClientIdUrl(options.clientId) ? clientIdUrlProblem(options.clientId) : undefined;
    if (documentProblem) throw new UsageError(`auth login: --client-id ${options.clientId} names a client ID metadata document, but ${documentProblem}`);
    try {
        const result = await login({
            url: options.url,
            clientId: options.clientId,
            scope: options.scope,
            port: options.port,
            timeoutMs: options.timeout ?? DEFAULT_LOGIN_TIMEOUT_MS,
            showUrl: (url) => showUrl(url, options.open ?? isInteractive()),
        });
        const lines = [
            '# Store the refresh token as a CI secret (e.g. MCP_REFRESH_TOKEN), then use in the spec:',
            'auth:',
            '  refresh_token: ${MCP_REFRESH_TOKEN}',
            `  client_id: ${result.clientId}`,
            `  issuer: ${result.issuer}`,
            ...(result.client === 'registered' ? ['# (the client was registered by this login)'] : []),
            ...(result.client === 'metadata document' ? ['# (the client is identified by its client ID metadata document)'] : []),
            ...(result.scope ? [`# scopes granted: ${result.scope}`] : []),
            '',
            `MCP_REFRESH_TOKEN=${result.refreshToken}`,
        ];
        process.stdout.write(`${lines.join('\n')}\n`);
        return ExitCode.passed;
    } catch (error) {
        const failure = authErrorOf(error);
        if (!failure) throw error;
        process.stderr.write(`mcp-check auth login: ${failure.message}\n`);
        return ExitCode.failed;
    }
}

/** Prints the sign-in URL (always: the browser may be on another machine) and opens it if asked. */
function showUrl(url: string, open: boolean): void {
    process.stderr.write(`${open ? 'Opening' : 'Open'} this URL in a browser and sign in:\n\n  ${url}\n\nWaiting for the browser to come back...\n`);
    if (!open) return;
    void openBrowser(url).then((failure) => {
        if (failure) process.stderr.write(`(could not open a browser: ${failure}; open the URL above yourself)\n`);
    });
}

function isInteractive(): boolean {
    return Boolean(process.stdin.isTTY && process.stderr.isTTY);
}
