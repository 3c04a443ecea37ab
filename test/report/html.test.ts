import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { renderHtml } from '../../src/report/html.js';
import type { RunResult, SuiteResult } from '../../src/run/result.js';
import { runCli, type CliRun } from '../helpers/cli.js';
import { WEATHER } from '../helpers/servers.js';
import { alertsCall } from '../helpers/specs.js';
import { Workspace, q } from '../helpers/workspace.js';

/** Debian's chromium package; .ci/run installs it. */
const CHROMIUM = '/usr/bin/chromium';
const NO_CHROMIUM = existsSync(CHROMIUM) ? false : `${CHROMIUM} not found (apt-get install chromium; .ci/run installs it): browser checks skipped`;

const HOSTILE = '<img src=x onerror=alert(1)>';
const HOSTILE_NAME = `echo ${HOSTILE} </script>`;
const HOSTILE_EXPECTED = `${HOSTILE} </script><script>alert(2)</script>`;

/** `src`, `href`, `action`… attributes, CSS `url(…)` and `@import`: anything a page would load. */
function resourceReferences(page: string): string[] {
    // Attributes are looked for inside tags only (text is escaped, so every `<` there starts a real
    // tag), and not in the inline script, which has its own `x = …`.
    const tags = page.replace(/<script>[\s\S]*?<\/script>/gi, '<script>').match(/<[a-z][^>]*>/gi) ?? [];
    const attrs = tags.flatMap((tag) => [...tag.matchAll(/\s(?:src|href|action|srcset|poster|data|formaction|xlink:href)\s*=\s*["']?([^"'\s>]*)/gi)].map((m) => m[1]!));
    const css = [...page.matchAll(/url\(\s*["']?([^"')]*)|@import\s+["']?([^"';]*)/gi)].map((m) => m[1] ?? m[2]!);
    return [...attrs, ...css].filter((ref) => !ref.startsWith('data:') && !ref.startsWith('#'));
}

/** Escapes like the report does, to find a name in the page. */
function escaped(text: string): string {
    return text.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch]!);
}

/** The `<li class="case …">` of the check named `name`. */
function caseMarkup(page: string, name: string): string {
    const found = page.split('<li class="case ').filter((part) => part.includes(`<span class="case-name">${escaped(name)}</span>`));
    assert.equal(found.length, 1, `one case named ${JSON.stringify(name)}`);
    return found[0]!.split('</li>')[0]!;
}

describe('HTML report (--reporter html:<file>)', () => {
    let workspace: Workspace;
    let run: CliRun;
    let reportFile: string;
    let page: string;

    before(async () => {
        workspace = await Workspace.create();
        await workspace.write(
            'weather.yaml',
            [
                'name: Weather <b>report</b>',
                'servers:',
                '  weather:',
                '    command: sh',
                `    args: [-c, 'echo "warming up <script>alert(3)</script>" >&2; exec "$0" "$1"', ${q(process.execPath)}, ${q(WEATHER)}]`,
                '  slow:',
                `    command: ${q(process.execPath)}`,
                `    args: [${q(WEATHER)}, --delay-start, "10000"]`,
                '    timeout: 400ms',
                'tests:',
                '  - server: weather',
                '    protocol: false',
                '    lint: false',
                '    calls:',
                ...alertsCall('CA'),
                '      - name: forecast is structured',
                '        tool: get_forecast',
                '        args: { latitude: 0, longitude: 0 }',
                '        expect: { structuredContent: { unit: celsius } }',
                `      - name: ${q(HOSTILE_NAME)}`,
                '        tool: echo',
                '        args: { text: hello }',
                `        expect: { text: ${q(HOSTILE_EXPECTED)} }`,
                '      - name: arguments of the wrong type',
                '        tool: get_alerts',
                '        args: { state: 7 }',
                '    resources: { include: ["weather://stations"] }',
                '  - server: slow',
                '    protocol: false',
                '    lint: false',
                '    calls:',
                '      - name: never answers in time',
                '        tool: get_alerts',
                '        args: { state: CA }',
            ].join('\n'),
        );
        reportFile = workspace.path('reports/nested/report.html');
        run = await runCli(['weather.yaml', '--reporter', `html:${reportFile}`], { cwd: workspace.dir });
        page = await readFile(reportFile, 'utf8');
    });

    after(() => workspace.remove());

    it('is written, creating missing folders, and the run exits 1', () => {
        assert.equal(run.code, 1, run.stderr);
        assert.match(page, /^<!doctype html>/);
    });

    it('is one self-contained file: inline CSS and JS, nothing loaded, no http(s) URLs', () => {
        assert.deepEqual(resourceReferences(page), []);
        assert.doesNotMatch(page, /https?:\/\//);
        assert.doesNotMatch(page, /<link\b(?![^>]*href="data:)/i, 'no stylesheet or font links');
        assert.match(page, /<style>[\s\S]+<\/style>/);
        assert.match(page, /Content-Security-Policy" content="default-src &#39;none&#39;/);
    });

    it('shows the run’s totals in the header', () => {
        for (const [status, n] of Object.entries({ tests: 6, passed: 1, failed: 3, errored: 1, skipped: 1 })) {
            assert.match(page, new RegExp(`id="count-${status}">${n}<`), status);
        }
        assert.match(page, /<span class="verdict v-failed">Failed<\/span>/);
        assert.match(page, /<time datetime="\d{4}-\d\d-\d\dT[\d:.]+Z">\d{4}-\d\d-\d\d [\d:]+ UTC<\/time>/);
    });

    it('has a section per spec file × server with its transport, target and server info', () => {
        const sections = page.split('<section class="suite').slice(1);
        assert.equal(sections.length, 2);
        const [weather, slow] = sections as [string, string];
        assert.match(weather, /<span class="file">weather\.yaml<\/span>.*<span class="server">weather<\/span>/);
        assert.match(weather, /<dt>Transport<\/dt><dd>stdio<\/dd>/);
        assert.match(weather, /<dt>Server<\/dt><dd>weather-fixture 1\.0\.0<\/dd>/);
        assert.match(weather, /<dt>Protocol<\/dt><dd>\d{4}-\d\d-\d\d<\/dd>/);
        assert.match(weather, /<details class="stderr"><summary>Server stderr/);
        assert.match(slow, /<dt>Server<\/dt><dd>not connected<\/dd>/);
    });

    it('shows each check with its status, duration and spec location', () => {
        const passed = caseMarkup(page, 'alerts for California');
        assert.match(passed, /data-status="passed"/);
        assert.match(passed, /<code class="case-loc">weather\.yaml:15:9<\/code>/);
        assert.match(passed, /<span class="case-time">\d+ ms<\/span>/);
        assert.match(caseMarkup(page, 'never answers in time'), /data-status="errored"[\s\S]*no answer to initialize within 400 ms/);
        assert.match(caseMarkup(page, 'lists resource weather://stations'), /skipped: server does not declare resources/);
    });

    it('unfolds a failure into its message, expected and actual as JSON', () => {
        const failed = caseMarkup(page, 'forecast is structured');
        assert.match(failed, /<details class="case-details" open>/);
        assert.match(failed, /<span class="kind">assert\.structuredContent<\/span>/);
        assert.match(failed, /<figcaption>Expected<\/figcaption><pre>&quot;celsius&quot;<\/pre>/);
        assert.match(failed, /<figcaption>Actual<\/figcaption><pre>&quot;fahrenheit&quot;<\/pre>/);
        const invalid = caseMarkup(page, 'arguments of the wrong type');
        assert.match(invalid, /<figcaption>Arguments \(not sent\)<\/figcaption><pre>\{\n {2}&quot;state&quot;: 7\n\}<\/pre>/);
        assert.match(invalid, /<ul class="details"><li>\/state: must be string/);
    });

    it('escapes hostile text from specs and servers', () => {
        assert.equal(page.match(/<img/gi), null);
        assert.equal(page.match(/<script/gi)?.length, 1, 'only the page’s own script');
        assert.equal(page.match(/<\/script/gi)?.length, 1);
        assert.match(page, /echo &lt;img src=x onerror=alert\(1\)&gt; &lt;\/script&gt;/);
        assert.match(page, /warming up &lt;script&gt;alert\(3\)&lt;\/script&gt;/);
        assert.match(page, /Weather &lt;b&gt;report&lt;\/b&gt;/);
    });

    describe('in headless Chromium', { skip: NO_CHROMIUM }, () => {
        let browser: Browser;
        let tab: Page;
        const consoleErrors: string[] = [];
        const requests: string[] = [];
        const dialogs: string[] = [];

        before(async () => {
            browser = await chromium.launch({
                executablePath: CHROMIUM,
                args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
            });
            tab = await browser.newPage({ viewport: { width: 1280, height: 900 } });
            tab.on('console', (m) => void (m.type() === 'error' && consoleErrors.push(m.text())));
            tab.on('pageerror', (e) => consoleErrors.push(e.message));
            tab.on('request', (r) => requests.push(r.url()));
            tab.on('dialog', (d) => {
                dialogs.push(d.message());
                void d.dismiss();
            });
            await tab.goto(pathToFileURL(reportFile).href, { waitUntil: 'load' });
            // For a look at the page: MCP_CHECK_HTML_SCREENSHOT=/tmp/report.png npm test
            const shot = process.env.MCP_CHECK_HTML_SCREENSHOT;
            if (shot) await tab.screenshot({ path: shot, fullPage: true });
        });

        after(() => browser?.close());

        it('loads without console errors and without requests beyond the file', () => {
            assert.deepEqual(consoleErrors, []);
            assert.deepEqual(requests.filter((url) => !url.startsWith('file:') && !url.startsWith('data:')), []);
        });

        it('shows the counts', async () => {
            assert.equal(await tab.textContent('#count-tests'), '6');
            assert.equal(await tab.textContent('#count-failed'), '3');
            assert.equal(await tab.textContent('#count-errored'), '1');
            assert.ok(await tab.isVisible('#filters'), 'the script revealed the filters');
        });

        it('shows a failing check’s expected and actual values', async () => {
            const failed = tab.locator('li.case', { hasText: 'forecast is structured' });
            assert.ok(await failed.locator('figure.expected pre').isVisible());
            assert.equal(await failed.locator('figure.expected pre').textContent(), '"celsius"');
            assert.equal(await failed.locator('figure.actual pre').textContent(), '"fahrenheit"');
        });

        it('shows hostile strings as text and runs none of them', async () => {
            assert.equal(await tab.locator('img').count(), 0);
            assert.equal(await tab.locator('script').count(), 1);
            const hostile = tab.locator('li.case[data-status="failed"]', { hasText: HOSTILE });
            assert.equal(await hostile.locator('.case-name').textContent(), HOSTILE_NAME);
            assert.equal(await hostile.locator('figure.expected pre').textContent(), JSON.stringify(HOSTILE_EXPECTED));
            assert.match((await tab.textContent('details.stderr pre')) ?? '', /warming up <script>alert\(3\)<\/script>/);
            assert.deepEqual(dialogs, []);
        });

        it('hides passed checks when their filter is unticked, and shows them again', async () => {
            const passed = tab.locator('li.case[data-status="passed"]');
            assert.ok(await passed.first().isVisible());
            await tab.locator('input[data-status="passed"]').uncheck();
            assert.equal(await passed.first().isVisible(), false);
            assert.ok(await tab.locator('li.case[data-status="failed"]').first().isVisible());
            assert.equal(await tab.textContent('#shown-count'), '5 of 6 shown');
            await tab.click('button[data-action="problems"]');
            assert.equal(await tab.locator('li.case[data-status="skipped"]').first().isVisible(), false);
            assert.equal(await tab.textContent('#shown-count'), '4 of 6 shown');
            await tab.click('button[data-action="all"]');
            assert.ok(await passed.first().isVisible());
        });
    });
});

describe('HTML report: consistency across servers', () => {
    let workspace: Workspace;
    let run: CliRun;
    let page: string;

    before(async () => {
        workspace = await Workspace.create();
        const server = (units: string) => [`    command: ${q(process.execPath)}`, `    args: [${q(WEATHER)}]`, `    env: { WEATHER_UNITS: ${units} }`, '    group: builds'];
        await workspace.write(
            'builds.yaml',
            [
                'servers:',
                '  imperial:',
                ...server('imperial'),
                '  metric:',
                ...server('metric'),
                'tests:',
                '  - server: builds',
                '    protocol: false',
                '    lint: false',
                '    calls:',
                '      - name: forecast',
                '        tool: get_forecast',
                '        args: { latitude: 1, longitude: 2 }',
                '      - name: hostile echo',
                '        tool: echo',
                `        args: { text: ${q(HOSTILE_EXPECTED)} }`,
            ].join('\n'),
        );
        const reportFile = workspace.path('report.html');
        run = await runCli(['builds.yaml', '--reporter', `html:${reportFile}`], { cwd: workspace.dir });
        page = await readFile(reportFile, 'utf8');
    });

    after(() => workspace.remove());

    it('has a section with a table of check × server, the differing row marked and both answers shown', () => {
        assert.equal(run.code, 0, run.stdout + run.stderr);
        const section = page.split('<section class="matrices"')[1]?.split('</section>')[0] ?? '';
        assert.match(section, /<h2 id="matrices-title">Consistency across servers<\/h2>/);
        assert.match(section, /<thead><tr><th scope="col">Check<\/th><th scope="col">imperial<\/th><th scope="col">metric<\/th><\/tr><\/thead>/);
        const forecast = section.split('<tr class="matrix-row').find((r) => r.includes('<span class="check-name">forecast</span>')) ?? '';
        assert.match(forecast, /^ inconsistent" data-consistent="false"><th scope="row"><span class="neq"[^>]*>≠<\/span>/);
        assert.match(forecast, /<figcaption>imperial <span class="muted">· passed<\/span><\/figcaption><pre>\{\n[^<]*&quot;unit&quot;: &quot;fahrenheit&quot;/);
        assert.match(forecast, /<figcaption>metric <span class="muted">· passed<\/span><\/figcaption><pre>\{\n[^<]*&quot;unit&quot;: &quot;celsius&quot;/);
        const echo = section.split('<tr class="matrix-row').find((r) => r.includes('<span class="check-name">hostile echo</span>')) ?? '';
        assert.match(echo, /^" data-consistent="true">/);
    });

    it('shows a hostile string in an answer as text', () => {
        assert.ok(page.includes(`<pre>${escaped(JSON.stringify(HOSTILE_EXPECTED))}</pre>`), 'the answer, escaped');
        assert.equal(page.match(/<img/gi), null);
        assert.equal(page.match(/<script/gi)?.length, 1, 'only the page’s own script');
    });
});

describe('renderHtml', () => {
    const suite: SuiteResult = {
        file: 'a.yaml',
        name: 'A',
        server: '<s>',
        transport: 'streamable_http',
        target: 'http://127.0.0.1:1/mcp?<x>',
        serverInfo: { name: '<n>', version: '"v"', protocolVersion: "'p'", capabilities: { '<cap>': {} }, connectedAt: new Date(0) },
        stderr: 'line <1>\nline &2',
        diagnostics: ['stdout: <b>noise</b>'],
        startedAt: new Date(0),
        durationMs: 5,
        cases: [
            { id: '1', name: 'n', classname: '<c>.t', kind: 'call', server: '<s>', loc: { file: 'a.yaml', line: 1, col: 2 }, durationMs: 1, status: 'skipped', reason: '<r>' },
            {
                id: '2',
                name: 'big',
                classname: 'c',
                kind: 'call',
                server: 's',
                loc: { file: 'a.yaml', line: 3, col: 4 },
                durationMs: 1,
                status: 'failed',
                problems: [{ kind: 'assert.rejects', message: 'm', expected: undefined, actual: { text: 'x'.repeat(50_000) }, details: ['<d>'] }],
            },
        ],
    };
    const result: RunResult = { suites: [suite], totals: { tests: 2, passed: 0, failed: 1, errored: 0, skipped: 1 }, startedAt: new Date(0), durationMs: 5 };
    const out = renderHtml(result, '9.9.9');

    it('escapes every field that comes from a spec or a server', () => {
        for (const raw of ['<s>', '<n>', '<cap>', '<c>', '<r>', '<d>', '<b>', '<x>', '<1>']) assert.ok(!out.includes(raw), raw);
        for (const text of ['&lt;s&gt;', '&quot;v&quot;', '&#39;p&#39;', 'line &amp;2', 'skipped: &lt;r&gt;']) assert.ok(out.includes(text), text);
    });

    it('loads nothing, even with an HTTP server as the target', () => {
        assert.deepEqual(resourceReferences(out), []);
        assert.match(out, /<code>http:\/\/127\.0\.0\.1:1\/mcp\?&lt;x&gt;<\/code>/);
    });

    it('labels what `actual` holds, shows a value given as nothing, and bounds long values', () => {
        assert.match(out, /<figcaption>Expected<\/figcaption><pre class="nothing">\(nothing\)<\/pre>/);
        assert.match(out, /<figcaption>Response<\/figcaption>/);
        assert.match(out, /… \(\d+ more characters not shown\)<\/pre>/);
        assert.ok(out.length < 50_000, `bounded: ${out.length} characters`);
    });
});
