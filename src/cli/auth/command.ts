/** `mcp-check auth login <url>`: sign in once in a browser, and get a refresh token for CI. */
import { InvalidArgumentError, Option, type Command } from 'commander';
import type { RegisterCommand } from '../command.js';
import { parseTimeoutArg } from '../flags.js';

const LOGIN_HELP = `
Runs the OAuth authorization code flow with PKCE against the authorization server the MCP
server names (its protected resource metadata), as an MCP client would: open the printed URL,
sign in and consent; the browser comes back to a one-shot listener on 127.0.0.1. Prints the
refresh token and the auth: block that uses it. Put the token in your CI's secrets, never in
the spec. The URL is printed, and opened in the system browser when run in a terminal (--open,
--no-open to choose).

--client-id is a client registered with the authorization server, or the https URL of a client
ID metadata document the client hosts (used without registration where the authorization
server's metadata says client_id_metadata_document_supported: true). Without --client-id, a
client is registered (dynamic client registration) where the authorization server allows it.

Exit codes:
  0    signed in; the refresh token is printed on stdout
  1    a step failed (discovery, metadata, registration, sign-in, token request)
  2    invalid command line

Example:
  $ mcp-check auth login https://mcp.example.com/mcp --client-id my-cli --scope mcp:read
  $ mcp-check auth login https://mcp.example.com/mcp --client-id https://ci.example.com/mcp-client.json`;

/** Options of `auth login` as commander hands them over. */
interface LoginFlags {
    clientId?: string;
    scope?: string;
    port?: number;
    timeout?: number;
    open?: boolean;
}

/** Registers `auth` (with `login`) on the program. */
export const registerAuth: RegisterCommand = (program: Command, setExitCode) => {
    const auth = program.command('auth').description('authentication helpers for servers behind OAuth (docs/authentication.md)');
    auth.command('login')
        .description('sign in once in a browser and print a refresh token for CI')
        .argument('<url>', "the MCP server's URL")
        .option('--client-id <id>', 'the client to sign in with, or the https URL of its client ID metadata document (default: register one, where the server allows it)')
        .option('--scope <scopes>', 'space-separated scopes to ask for')
        .addOption(new Option('--port <n>', 'the callback port on 127.0.0.1 (default: a free one)').argParser(parsePort))
        .addOption(new Option('--timeout <duration>', 'how long to wait for the browser (default 5m)').argParser(parseTimeoutArg))
        .option('--open', 'open the sign-in URL in the system browser (default: when run in a terminal)')
        .option('--no-open', 'only print the sign-in URL')
        .addHelpText('after', LOGIN_HELP)
        .action(async (url: string, opts: LoginFlags) => {
            const { loginCommand } = await import('./action.js');
            setExitCode(await loginCommand({ url, ...opts }));
        });
};

function parsePort(value: string): number {
    const port = Number(value);
    if (!Number.isInteger(port) || port < 0 || port > 65535) throw new InvalidArgumentError('expected a port number (0 to 65535)');
    return port;
}
