/**
 * Fault tolerance, HTTP servers (cases 12–18 of the issue), each over Streamable HTTP and
 * legacy SSE: the connect error names the server, transport, URL and cause; every test of the
 * server errors with it; a healthy stdio server in the same run is unaffected.
 */
import { test, type TestContext } from 'node:test';
import { freePort, startListeningFixture, type RunningServer } from '../helpers/servers.js';
import {
    expectCase,
    expectControlPassed,
    expectNoSurvivors,
    expectRun,
    HTTP_FAULTS,
    q,
    runYaml,
    startedPids,
    Workspace,
} from './support.js';

const TIMEOUT_MS = 2_000;
const CONTROL_CASES = ['control ok', 'control crash tool is fine'];

interface HttpCase {
    /** Server names are `<prefix>-streamable` and `<prefix>-sse`. */
    prefix: string;
    /**
     * Who runs the faulty listener: nobody (`refused`), the test (`external`, for answers the
     * `start:` readiness probe cannot get past), or mcp-check itself through `start:`.
     */
    listener: 'refused' | 'external' | 'start';
    mode?: string;
    /** What the message says right after `cannot connect to server "…" (<transport> <url>): `. */
    reason: string | RegExp;
    /** More text the message must contain anywhere. */
    alsoSays?: string[];
    /** Extra YAML lines for each server. */
    serverLines?: string[];
}

const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

async function runHttpCase(t: TestContext, c: HttpCase): Promise<void> {
    const ws = await Workspace.create();
    let external: RunningServer | undefined;
    try {
        const servers: { name: string; transport: 'streamable_http' | 'sse'; url: string; start?: string[] }[] = [];
        let base: string | undefined;
        if (c.listener === 'refused') base = `http://127.0.0.1:${await freePort()}`;
        if (c.listener === 'external') {
            external = await startListeningFixture(HTTP_FAULTS, ['--mode', c.mode!, '--port', '0']);
            base = external.url.replace(/\/mcp$/, '');
        }
        for (const [suffix, transport, path] of [
            ['streamable', 'streamable_http', '/mcp'],
            ['sse', 'sse', '/sse'],
        ] as const) {
            const name = `${c.prefix}-${suffix}`;
            if (c.listener === 'start') {
                const port = await freePort();
                servers.push({
                    name,
                    transport,
                    url: `http://127.0.0.1:${port}${path}`,
                    start: [
                        '    start:',
                        '      command: node',
                        `      args: [${[q(HTTP_FAULTS), '--mode', q(c.mode!), '--port', String(port), '--pid-file', q(ws.pidFile(name))].join(', ')}]`,
                        '      timeout: 10s',
                    ],
                });
            } else {
                servers.push({ name, transport, url: `${base}${path}` });
            }
        }
        const yaml = [
            'servers:',
            ...servers.flatMap((s) => [
                `  ${s.name}:`,
                `    transport: ${s.transport}`,
                `    url: ${q(s.url)}`,
                `    timeout: ${TIMEOUT_MS}ms`,
                ...(c.serverLines ?? []),
                ...(s.start ?? []),
            ]),
            ws.controlServer(),
            'tests:',
            ...servers.flatMap((s) => [
                `  - server: ${s.name}`,
                '    tools: { include: [ok] }',
                '    calls:',
                `      - { name: ${s.name} ok, tool: ok, expect: { text: ok } }`,
                `      - { name: ${s.name} hang, tool: hang }`,
            ]),
            Workspace.controlTest(),
            '',
        ].join('\n');
        const run = await runYaml(ws, yaml);
        const cases = (name: string) => ['lists tool ok', `${name} ok`, `${name} hang`];
        // Two servers connect in parallel; a started listener needs a moment to come up.
        await expectRun(t, run, {
            code: 1,
            maxMs: TIMEOUT_MS + 10_000,
            planned: { ...Object.fromEntries(servers.map((s) => [s.name, cases(s.name)])), control: CONTROL_CASES },
        });
        for (const s of servers) {
            const prefix = `cannot connect to server "${s.name}" (${s.transport} ${s.url}): `;
            const says: (string | RegExp)[] = [
                typeof c.reason === 'string' ? `${prefix}${c.reason}` : new RegExp(escapeRegExp(prefix) + c.reason.source),
                ...(c.alsoSays ?? []),
            ];
            for (const name of cases(s.name)) expectCase(run, s.name, name, { status: 'errored', says });
        }
        expectControlPassed(run);
        const started = c.listener === 'start' ? servers.map((s) => s.name) : [];
        await expectNoSurvivors(await startedPids(ws, [...started, 'control']));
    } finally {
        await external?.stop();
    }
}

test('case 12: connection refused', (t) => runHttpCase(t, { prefix: 'refused', listener: 'refused', reason: 'connection refused' }));

test('case 13: connection reset', (t) => runHttpCase(t, { prefix: 'reset', listener: 'external', mode: 'reset', reason: 'connection reset' }));

test('case 14: a server that never responds', (t) => runHttpCase(t, { prefix: 'mute', listener: 'external', mode: 'hang', reason: /[^\n]*no answer/ }));

test('case 15: HTTP 404', (t) => runHttpCase(t, { prefix: 'missing', listener: 'start', mode: '404', reason: 'HTTP 404' }));

test('case 16: HTTP 500', (t) => runHttpCase(t, { prefix: 'failing', listener: 'start', mode: '500', reason: 'HTTP 500' }));

test('case 17: HTTP 401 says authentication failed and points at headers', (t) =>
    runHttpCase(t, {
        prefix: 'locked',
        listener: 'start',
        mode: '401',
        reason: 'authentication failed (HTTP 401)',
        alsoSays: ['headers'],
        serverLines: ['    headers: { Authorization: "Bearer not-the-right-token" }'],
    }));

test('case 18: 200 with an HTML page instead of MCP', (t) => runHttpCase(t, { prefix: 'webpage', listener: 'start', mode: 'html', reason: /[^\n]*HTML page/ }));
