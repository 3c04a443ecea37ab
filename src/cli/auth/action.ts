/** `mcp-check auth login`: the interactive flow, its URL on stderr and its result on stdout. */
import { login } from '../../connect/auth/login.js';
import { authErrorOf } from '../../connect/auth/types.js';
import { ExitCode, UsageError } from '../../errors.js';

export interface LoginCliOptions {
    url: string;
    clientId?: string;
    scope?: string;
    port?: number;
    timeout?: number;
}

const DEFAULT_LOGIN_TIMEOUT_MS = 5 * 60_000;

/** Signs in and prints the refresh token with the `auth:` block that uses it; 0 on success, 1 when a step failed. */
export async function loginCommand(options: LoginCliOptions): Promise<number> {
    if (!/^https?:\/\//i.test(options.url)) throw new UsageError(`auth login: expected an http:// or https:// URL, got ${JSON.stringify(options.url)}`);
    try {
        const result = await login({
            url: options.url,
            clientId: options.clientId,
            scope: options.scope,
            port: options.port,
            timeoutMs: options.timeout ?? DEFAULT_LOGIN_TIMEOUT_MS,
            showUrl: (url) => process.stderr.write(`Open this URL in a browser and sign in:\n\n  ${url}\n\nWaiting for the browser to come back...\n`),
        });
        const lines = [
            '# Store the refresh token as a CI secret (e.g. MCP_REFRESH_TOKEN), then use in the spec:',
            'auth:',
            '  refresh_token: ${MCP_REFRESH_TOKEN}',
            `  client_id: ${result.clientId}`,
            `  issuer: ${result.issuer}`,
            ...(result.registered ? ['# (the client was registered by this login)'] : []),
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
