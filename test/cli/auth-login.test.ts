/**
 * `mcp-check auth login` against the protected fixture's real authorization server, with
 * headless Chromium doing what a developer does: sign in on the provider's page and consent.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
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
function login(args: string[], browse: (page: Page) => Promise<void>): Promise<Login> {
    const child = spawn(process.execPath, [CLI, 'auth', 'login', ...args, '--timeout', '60s'], { cwd: ROOT, env: { ...process.env, NO_COLOR: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
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

describe('auth login', { skip: NO_CHROMIUM }, () => {
    let server: ProtectedServer;
    let ws: Workspace;
    before(async () => {
        [server, ws, browser] = await Promise.all([
            startProtectedServer(),
            Workspace.create(),
            chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'] }),
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
