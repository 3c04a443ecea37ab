/**
 * `mcp-check auth login` against the protected fixture's real authorization server, with
 * headless Chromium doing what a developer does: sign in on the provider's page and consent.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync } from 'node:fs';
import { chmod, readFile } from 'node:fs/promises';
import http from 'node:http';
import { chromium, type Browser, type Page } from 'playwright-core';
import { CLI, ROOT, runCli } from '../helpers/cli.js';
import { startProtectedServer, type ProtectedServer } from '../helpers/auth.js';
import { Workspace, q } from '../helpers/workspace.js';

/** Debian's chromium package; .ci/run installs it. */
const CHROMIUM = '/usr/bin/chromium';
const NO_CHROMIUM = existsSync(CHROMIUM) ? false : `${CHROMIUM} not found (apt-get install chromium; .ci/run installs it): browser checks skipped`;

interface Login {
    code: number | null;
    stdout: string;
    stderr: string;
}

/** Runs `auth login` and, once it prints the sign-in URL, lets `browse` act on that page. */
function login(args: string[], browse: (page: Page) => Promise<void>, env: Record<string, string> = {}): Promise<Login> {
    const child = spawn(process.execPath, [CLI, 'auth', 'login', ...args, '--timeout', '60s'], { cwd: ROOT, env: { ...process.env, NO_COLOR: '1', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let browsing: Promise<void> | undefined;
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => {
        stderr += d.toString();
        const url = /^\s+(http:\/\/127\.0\.0\.1:\d+\/auth\?\S+)$/m.exec(stderr)?.[1];
        if (url && !browsing) browsing = openIn(url, browse);
    });
    return new Promise((resolve, reject) => {
        child.on('close', async (code) => {
            try {
                await browsing;
                resolve({ code, stdout, stderr });
            } catch (error) {
                reject(error instanceof Error ? error : new Error(String(error)));
            }
        });
    });
}

let browser: Browser;
function launchChromium(): Promise<Browser> {
    return chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'] });
}
async function openIn(url: string, browse: (page: Page) => Promise<void>): Promise<void> {
    const page = await browser.newPage();
    try {
        await page.goto(url);
        await browse(page);
    } finally {
        await page.close();
    }
}

/** The provider's development pages: any login name and password, then consent. */
async function signInAndConsent(page: Page): Promise<void> {
    await page.fill('input[name=login]', 'developer');
    await page.fill('input[name=password]', 'any-password');
    await page.click('button[type=submit]');
    await page.waitForSelector('text=Authorize');
    await page.click('button[type=submit]');
    await page.waitForSelector('text=signed in');
}

/** A client ID metadata document served on 127.0.0.1, as a client would host it (over https, in real life). */
interface HostedDocument {
    url: string;
    close(): Promise<void>;
}

/** Serves the document `make(url)` at http://127.0.0.1:<port>/mcp-check-client.json. */
async function hostDocument(make: (url: string) => Record<string, unknown>): Promise<HostedDocument> {
    let url = '';
    const server = http.createServer((req, res) => {
        if (req.url !== '/mcp-check-client.json') return void res.writeHead(404).end();
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(make(url)));
    });
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    url = `http://127.0.0.1:${(server.address() as { port: number }).port}/mcp-check-client.json`;
    return {
        url,
        close: async () => {
            server.closeAllConnections();
            server.close();
        },
    };
}

/** A document the MCP specification accepts: it names itself, and its redirect URI is the loopback callback on any port. */
const goodDocument = (url: string): Record<string, unknown> => ({
    client_id: url,
    client_name: 'mcp-check CI sign-in',
    redirect_uris: ['http://127.0.0.1/callback'],
    grant_types: ['authorization_code', 'refresh_token'],
    response_types: ['code'],
    token_endpoint_auth_method: 'none',
});

describe('auth login', { skip: NO_CHROMIUM }, () => {
    let server: ProtectedServer;
    let ws: Workspace;
    before(async () => {
        [server, ws, browser] = await Promise.all([
            startProtectedServer(),
            Workspace.create(),
            launchChromium(),
        ]);
    });
    after(async () => {
        await Promise.all([browser?.close(), server?.stop(), ws?.remove()]);
    });

    it('prints a refresh token that a spec then authenticates with', async () => {
        const done = await login([server.url, '--client-id', 'ci-login', '--scope', 'mcp:read'], signInAndConsent);
        assert.equal(done.code, 0, done.stderr);
        assert.ok(done.stdout.includes(`  client_id: ci-login\n  issuer: ${server.issuer}\n`), done.stdout);
        const token = /^MCP_REFRESH_TOKEN=(\S+)$/m.exec(done.stdout)?.[1];
        assert.ok(token, done.stdout);
        const spec = await ws.write('login.yaml', [
            'servers:',
            '  api:',
            `    url: ${q(server.url)}`,
            '    auth: { refresh_token: "${MCP_REFRESH_TOKEN}", client_id: ci-login }',
            'tests:',
            '  - server: api',
            '    calls:',
            '      - { tool: whoami, expect: { text: "client ci-login; scope mcp:read" } }',
        ].join('\n'));
        const run = await runCli([spec], { env: { MCP_REFRESH_TOKEN: token } });
        assert.equal(run.code, 0, run.stdout + run.stderr);
    });

    it('without --client-id, registers a client and says so', async () => {
        const done = await login([server.url], signInAndConsent);
        assert.equal(done.code, 0, done.stderr);
        assert.match(done.stdout, /^# \(the client was registered by this login\)$/m);
        assert.doesNotMatch(done.stdout, /client_id: ci-login/);
    });

    it('a sign-in the user cancels: exit 1 with the authorization server\'s error', async () => {
        const done = await login([server.url, '--client-id', 'ci-login'], async (page) => {
            await page.click('text=[ Cancel ]');
            await page.waitForSelector('text=sign-in failed');
        });
        assert.equal(done.code, 1);
        assert.match(done.stderr, /mcp-check auth login: authentication failed at token request: the authorization server refused: access_denied/);
        assert.equal(done.stdout, '');
    });
});

describe('auth login with a client ID metadata document', { skip: NO_CHROMIUM }, () => {
    let server: ProtectedServer;
    let document: HostedDocument;
    let ws: Workspace;
    before(async () => {
        [server, document, ws, browser] = await Promise.all([
            startProtectedServer({ clientIdDocuments: true }),
            hostDocument(goodDocument),
            Workspace.create(),
            launchChromium(),
        ]);
    });
    after(async () => {
        await Promise.all([browser?.close(), server?.stop(), document?.close(), ws?.remove()]);
    });

    it('signs in with the URL as client id, registers nothing, and the refresh token then runs a spec', async () => {
        const done = await login([server.url, '--client-id', document.url, '--scope', 'mcp:read'], signInAndConsent);
        assert.equal(done.code, 0, done.stderr);
        assert.ok(done.stdout.includes(`  client_id: ${document.url}\n`), done.stdout);
        assert.match(done.stdout, /^# \(the client is identified by its client ID metadata document\)$/m);
        const token = /^MCP_REFRESH_TOKEN=(\S+)$/m.exec(done.stdout)?.[1];
        assert.ok(token, done.stdout);
        const spec = await ws.write('cimd.yaml', [
            'servers:',
            '  api:',
            `    url: ${q(server.url)}`,
            `    auth: { refresh_token: "\${MCP_REFRESH_TOKEN}", client_id: ${q(document.url)} }`,
            'tests:',
            '  - server: api',
            '    calls:',
            `      - { tool: whoami, expect: { text: ${q(`client ${document.url}; scope mcp:read`)} } }`,
        ].join('\n'));
        const run = await runCli([spec], { env: { MCP_REFRESH_TOKEN: token } });
        assert.equal(run.code, 0, run.stdout + run.stderr);
    });

    it('--open hands the printed URL to the system opener, and still prints it', { skip: process.platform === 'linux' ? false : 'the opener faked here is xdg-open' }, async () => {
        // A stand-in for xdg-open first on PATH, which writes down what it was asked to open.
        const opened = ws.path('opened.txt');
        const fake = await ws.write('bin/xdg-open', `#!/bin/sh\nprintf '%s' "$1" > ${q(opened)}\n`);
        await chmod(fake, 0o755);
        const done = await login([server.url, '--client-id', document.url, '--open'], signInAndConsent, { PATH: `${ws.path('bin')}:${process.env['PATH']}` });
        assert.equal(done.code, 0, done.stderr);
        const printed = /^\s+(http:\/\/127\.0\.0\.1:\d+\/auth\?\S+)$/m.exec(done.stderr)?.[1];
        assert.equal(await readFile(opened, 'utf8'), printed);
    });
});

describe('auth login refuses a client ID metadata document it cannot use, before any browser', () => {
    it('an authorization server that does not support them: exit 1, saying so', async () => {
        const [server, document] = await Promise.all([startProtectedServer(), hostDocument(goodDocument)]);
        try {
            const run = await runCli(['auth', 'login', server.url, '--client-id', document.url]);
            assert.equal(run.code, 1, run.stderr);
            assert.ok(run.stderr.includes(`authentication failed at metadata: ${server.issuer} does not support client ID metadata documents (its metadata has no client_id_metadata_document_supported: true): give a client ID registered with it, or none to register one`), run.stderr);
            assert.doesNotMatch(run.stderr, /\/auth\?/);
        } finally {
            await Promise.all([server.stop(), document.close()]);
        }
    });

    it('a document without the loopback callback among its redirect URIs: exit 1, naming what to add', async () => {
        const [server, document] = await Promise.all([
            startProtectedServer({ clientIdDocuments: true }),
            hostDocument((url) => ({ ...goodDocument(url), redirect_uris: ['http://localhost:3000/callback'] })),
        ]);
        try {
            const run = await runCli(['auth', 'login', server.url, '--client-id', document.url]);
            assert.equal(run.code, 1, run.stderr);
            assert.ok(run.stderr.includes(`the client ID metadata document at ${document.url} lists no redirect URI for the callback: add http://127.0.0.1/callback (any port)`), run.stderr);
        } finally {
            await Promise.all([server.stop(), document.close()]);
        }
    });

    it('a client id that is a plain-http URL off this machine: exit 2, asking for https', async () => {
        const run = await runCli(['auth', 'login', 'http://127.0.0.1:9/mcp', '--client-id', 'http://ci.example.com/client.json']);
        assert.equal(run.code, 2, run.stderr);
        assert.match(run.stderr, /--client-id http:\/\/ci\.example\.com\/client\.json names a client ID metadata document, but it must be an https:\/\/ URL/);
    });
});
