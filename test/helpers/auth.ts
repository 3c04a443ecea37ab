/** The protected fixture (fixtures/auth/protected-server.js): a real authorization server in front of an MCP server. */
import { spawn } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { once } from 'node:events';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ROOT } from './cli.js';
import { tempDir } from './files.js';

export const PROTECTED = join(ROOT, 'fixtures/auth/protected-server.js');

/** The secret of the fixture's client `ci-secret`. */
export const CLIENT_SECRET = 'fixture-client-secret-5b1c9e';

export interface ProtectedServer {
    /** The MCP endpoint, http://127.0.0.1:<port>/mcp (/sse for legacy SSE). */
    url: string;
    issuer: string;
    /** A refresh token for client `ci-login` (with `refreshToken: true`). */
    refreshToken?: string;
    /** The PEM private key of client `ci-jwt`. */
    keyFile: string;
    /** Every access token the MCP server accepted so far. */
    acceptedTokens(): Promise<string[]>;
    stop(): Promise<void>;
}

export interface ProtectedOptions {
    tokenTtlSeconds?: number;
    refreshToken?: boolean;
    /** What the protected resource metadata lists instead of the real issuer. */
    authorizationServer?: string;
    /** The one authorization rule the server breaks (see the fixture's `--broken`). */
    broken?: string;
    /** Legacy SSE (GET /sse, POST /messages) instead of Streamable HTTP. */
    sse?: boolean;
    /** The 2026-07-28 revision only, from the v2 SDK, stateless. */
    modern?: boolean;
    /** The provider takes client ID metadata documents, http://127.0.0.1 ones too (tests serve no https). */
    clientIdDocuments?: boolean;
}

/** Starts the fixture on ephemeral ports, with clients `ci-secret`, `ci-jwt` and `ci-login`. */
export async function startProtectedServer(options: ProtectedOptions = {}): Promise<ProtectedServer> {
    const dir = await tempDir();
    const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const keyFile = join(dir, 'client-key.pem');
    const publicFile = join(dir, 'client-key.pub.pem');
    const tokenLog = join(dir, 'accepted-tokens.txt');
    await writeFile(keyFile, privateKey.export({ type: 'pkcs8', format: 'pem' }));
    await writeFile(publicFile, publicKey.export({ type: 'spki', format: 'pem' }));
    await writeFile(tokenLog, '');
    const args = [PROTECTED, '--client-secret', CLIENT_SECRET, '--jwt-key', publicFile, '--token-log', tokenLog];
    if (options.tokenTtlSeconds) args.push('--token-ttl', String(options.tokenTtlSeconds));
    if (options.refreshToken) args.push('--refresh-token');
    if (options.authorizationServer) args.push('--authorization-server', options.authorizationServer);
    if (options.broken) args.push('--broken', options.broken);
    if (options.sse) args.push('--sse');
    if (options.modern) args.push('--modern');
    if (options.clientIdDocuments) args.push('--client-id-documents', '--allow-http-documents');
    const child = spawn(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    const lines = await new Promise<Record<string, string>>((resolve, reject) => {
        let seen = '';
        child.stdout!.on('data', (d: Buffer) => {
            seen += d.toString();
            const found = Object.fromEntries([...seen.matchAll(/^(issuer|listening on|refresh_token) (\S+)$/gm)].map((m) => [m[1]!, m[2]!]));
            if (found['listening on'] && (!options.refreshToken || found['refresh_token'])) resolve(found);
        });
        child.once('exit', (code) => reject(new Error(`${PROTECTED} exited with ${code} before listening: ${seen}`)));
    });
    return {
        url: lines['listening on']!,
        issuer: lines['issuer']!,
        ...(lines['refresh_token'] ? { refreshToken: lines['refresh_token'] } : {}),
        keyFile,
        acceptedTokens: async () => (await readFile(tokenLog, 'utf8')).split('\n').filter(Boolean),
        stop: async () => {
            if (child.exitCode !== null) return;
            child.kill('SIGTERM');
            await once(child, 'exit');
        },
    };
}

/** Asks the fixture's authorization server for a token directly (as a script would, for `bearer:`). */
export async function fetchToken(server: ProtectedServer, resource = server.url): Promise<string> {
    const response = await fetch(`${server.issuer}/token`, {
        method: 'POST',
        headers: { authorization: `Basic ${Buffer.from(`ci-secret:${CLIENT_SECRET}`).toString('base64')}` },
        body: new URLSearchParams({ grant_type: 'client_credentials', scope: 'mcp:read', resource }),
    });
    const body = (await response.json()) as { access_token?: string };
    if (!body.access_token) throw new Error(`no token: ${JSON.stringify(body)}`);
    return body.access_token;
}
