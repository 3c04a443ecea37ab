#!/usr/bin/env node
// Side-by-side run of the official MCP conformance suite (@modelcontextprotocol/conformance) and
// `mcp-check check-protocol` on the same Streamable HTTP servers. `npm run conformance`; see
// docs/conformance.md for what the table means.
//
// The suite needs Node >= 22 and brings about 50 MB of dependencies, so it is not a dependency of
// mcp-check: it is installed on first use into bench/conformance/.cache/ (git-ignored), with a Node 22
// binary from the npm package node-linux-<arch>@22.23.5 (the Node 22 of .ci/run) when this Node is older. Nothing here is part of
// `npm test` or .ci/run. The exit code is 0 when every server was started and both tools ran to a
// verdict, whatever they found; 1 when the harness could not do that.

import { spawn, execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { once } from 'node:events';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { parse as parseYaml } from 'yaml';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, '../..');
const CACHE = path.join(HERE, '.cache');
const WORK = path.join(HERE, '.work');
const SUITE_PACKAGE = '@modelcontextprotocol/conformance';
// The newest release, and the first line to know the 2026-07-28 revision (`latest` is still 0.1.x).
const DEFAULT_SUITE_VERSION = '0.2.0-alpha.12';
// The Node 22 that .ci/run also tests on, so a run is reproducible.
const NODE_22 = '22.23.5';
const MODERN = '2026-07-28';
const LEGACY = '2025-11-25';
const START_TIMEOUT_MS = 60_000;
const VIOLATIONS = path.join(ROOT, 'fixtures/protocol-violations.js');
// Modes of protocol-violations.js that only exist over stdio, so an HTTP run cannot show them.
const STDIO_ONLY_MODES = new Set(['stdin-close-exit', 'stdout-clean']);
// Scenarios that call the reference server's fixed names (test_simple_text, test://static-text,
// test_simple_prompt, test_elicitation, …): on any other server they fail for a name it does not
// have, so full rows count them instead of naming them. Their wire-schema-valid checks still count.
const SURFACE_SCENARIOS = /^(tools-call-|prompts-get-|resources-read-|resources-templates-read|resources-(un)?subscribe|completion-complete|elicitation-|json-schema-2020-12|input-required-result-)/;

const { values: opts } = parseArgs({
    options: {
        'suite-version': { type: 'string', default: DEFAULT_SUITE_VERSION },
        reference: { type: 'string' },
        node: { type: 'string' },
        only: { type: 'string' },
        out: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
    },
});
if (opts.help) {
    process.stdout.write(`usage: node bench/conformance/run.mjs [options]

  --suite-version <v>  version of ${SUITE_PACKAGE} to run (default ${DEFAULT_SUITE_VERSION})
  --reference <dir>    a checkout of github.com/modelcontextprotocol/conformance: also run its
                       reference server, examples/servers/typescript/everything-server.ts
                       (not in the npm package)
  --node <path>        a Node >= 22 binary for the suite (default: this Node if it is 22+,
                       else node-linux-<arch>@${NODE_22} from the npm registry, cached)
  --only <ids>         run only these rows (comma-separated, e.g. calc,violations:ping)
  --out <file>         where to write the table (default: bench/conformance/RESULTS.md)
`);
    process.exit(0);
}

/** Runs a command to its end and returns its exit code, stdout and wall time (never throws on exit codes). */
function run(command, args, { cwd = ROOT, env = {}, stdoutFile } = {}) {
    return new Promise((resolve, reject) => {
        const started = performance.now();
        const child = spawn(command, args, { cwd, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
        let out = '';
        let err = '';
        child.stdout.on('data', (d) => (out += d));
        child.stderr.on('data', (d) => (err += d));
        child.once('error', reject);
        child.once('close', (code) => {
            if (stdoutFile) writeFileSync(stdoutFile, out + err);
            resolve({ code, out, err, ms: performance.now() - started });
        });
    });
}

// ---------------------------------------------------------------- tools

/** A Node >= 22 binary: --node, this one, or node-linux-<arch>@NODE_22 unpacked from its npm package once. */
function nodeForSuite() {
    if (opts.node) return path.resolve(opts.node);
    if (Number(process.versions.node.split('.')[0]) >= 22) return process.execPath;
    const dir = path.join(CACHE, `node-${NODE_22}`);
    const bin = path.join(dir, 'bin/node');
    if (existsSync(bin)) return bin;
    const arch = { x64: 'x64', arm64: 'arm64' }[process.arch];
    if (process.platform !== 'linux' || !arch) throw new Error(`no node-linux package for ${process.platform}/${process.arch}; pass --node <a Node 22 binary>`);
    mkdirSync(dir, { recursive: true });
    log(`fetching node-linux-${arch}@${NODE_22} from the npm registry`);
    const tarball = execFileSync('npm', ['pack', `node-linux-${arch}@${NODE_22}`, '--pack-destination', dir, '--silent'], { encoding: 'utf8' }).trim().split('\n').pop();
    execFileSync('tar', ['-xzf', path.join(dir, tarball), '-C', dir, '--strip-components=1', 'package/bin/node']);
    rmSync(path.join(dir, tarball));
    return bin;
}

/** The suite's CLI script, installed into the cache for this version the first time. */
function suiteCli(version) {
    const dir = path.join(CACHE, `suite-${version}`);
    const cli = path.join(dir, 'node_modules', SUITE_PACKAGE, 'dist/index.js');
    if (existsSync(cli)) return cli;
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, 'package.json'), '{ "private": true }\n');
    log(`installing ${SUITE_PACKAGE}@${version} into ${path.relative(ROOT, dir)}`);
    execFileSync('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error', `${SUITE_PACKAGE}@${version}`], { cwd: dir, stdio: 'inherit' });
    return cli;
}

/** mcp-check's built CLI, as package.json's bin names it. */
function mcpCheckCli() {
    const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
    const cli = path.join(ROOT, pkg.bin['mcp-check']);
    if (!existsSync(cli)) throw new Error(`${pkg.bin['mcp-check']} does not exist; run "npm run build" first`);
    return { cli, version: pkg.version };
}

// ---------------------------------------------------------------- servers

async function freePort() {
    const server = createServer();
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    const { port } = server.address();
    server.close();
    await once(server, 'close');
    return port;
}

/**
 * Starts a server process and resolves with its URL once `ready` matches its output (stdout and
 * stderr together). stdin stays open: protocol-violations.js exits when it closes.
 */
function startServer(command, args, { cwd = ROOT, env = {}, ready, url }) {
    const child = spawn(command, args, { cwd, env: { ...process.env, ...env }, stdio: ['pipe', 'pipe', 'pipe'] });
    const stop = async () => {
        if (child.exitCode !== null || child.signalCode !== null) return;
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 3000);
        await once(child, 'exit');
        clearTimeout(timer);
    };
    return new Promise((resolve, reject) => {
        let seen = '';
        const timer = setTimeout(() => {
            void stop();
            reject(new Error(`${path.basename(args.at(-1) ?? command)} did not start within ${START_TIMEOUT_MS} ms: ${seen}`));
        }, START_TIMEOUT_MS);
        const onData = (d) => {
            seen += d;
            const match = ready.exec(seen);
            if (!match) return;
            clearTimeout(timer);
            resolve({ url: url(match), stop });
        };
        child.stdout.on('data', onData);
        child.stderr.on('data', onData);
        child.once('exit', (code) => {
            clearTimeout(timer);
            reject(new Error(`${command} ${args.join(' ')} exited with ${code} before it was ready: ${seen}`));
        });
    });
}

/** A fixture that prints `listening on <url>` once it accepts connections. */
const fixture = (file, args) => () =>
    startServer(process.execPath, [path.join(ROOT, 'fixtures', file), ...args], { ready: /listening on (\S+)/, url: (m) => m[1] });

/** server-everything cannot print its port, so it gets one that was free a moment ago. */
async function startEverything() {
    const port = await freePort();
    const script = path.join(ROOT, 'node_modules/@modelcontextprotocol/server-everything/dist/index.js');
    return startServer(process.execPath, [script, 'streamableHttp'], { env: { PORT: String(port) }, ready: /port \d+/i, url: () => `http://127.0.0.1:${port}/mcp` });
}

/** The suite's reference server from a conformance checkout, installed into the cache with its own lock file. */
async function startReference(node) {
    const source = path.join(path.resolve(opts.reference), 'examples/servers/typescript');
    if (!existsSync(path.join(source, 'everything-server.ts'))) throw new Error(`${source}/everything-server.ts does not exist (--reference names a conformance checkout)`);
    const dir = path.join(CACHE, 'reference');
    const lock = (d) => (existsSync(path.join(d, 'package-lock.json')) ? readFileSync(path.join(d, 'package-lock.json'), 'utf8') : '');
    if (!existsSync(path.join(dir, 'node_modules')) || lock(dir) !== lock(source)) {
        rmSync(dir, { recursive: true, force: true });
        cpSync(source, dir, { recursive: true, filter: (f) => !f.includes('node_modules') });
        log('installing the reference server\'s dependencies (npm ci)');
        execFileSync('npm', ['ci', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: dir, stdio: 'inherit', env: { ...process.env, PATH: `${path.dirname(node)}${path.delimiter}${process.env.PATH}` } });
    }
    cpSync(path.join(source, 'everything-server.ts'), path.join(dir, 'everything-server.ts'));
    const port = await freePort();
    // tsx as a loader (not its CLI) keeps the server in one process, so SIGTERM reaches it.
    return startServer(node, ['--import', 'tsx', 'everything-server.ts'], { cwd: dir, env: { PORT: String(port) }, ready: /running on/, url: () => `http://127.0.0.1:${port}/mcp` });
}

/** protocol-violations.js's modes, read from the fixture so a new mode joins the table by itself. */
function violationModes() {
    const source = readFileSync(VIOLATIONS, 'utf8');
    const list = /const MODES = \[([^\]]*)\]/.exec(source);
    if (!list) throw new Error('fixtures/protocol-violations.js: no MODES list');
    return [...list[1].matchAll(/'([^']+)'/g)].map((m) => m[1]).filter((mode) => !STDIO_ONLY_MODES.has(mode));
}

/** Every row of the table: a server, how to start it, and the revisions the suite runs against it. */
function targets(node) {
    const rows = [];
    if (opts.reference) rows.push({ id: 'reference', label: 'conformance reference server', eras: [LEGACY, MODERN], start: () => startReference(node) });
    rows.push(
        { id: 'server-everything', label: '@modelcontextprotocol/server-everything', eras: [LEGACY], start: startEverything },
        { id: 'calc', label: 'fixtures/calc-server.js', eras: [LEGACY, MODERN], start: fixture('calc-server.js', ['--http', '0']) },
        { id: 'weather', label: 'fixtures/weather-server.js', eras: [LEGACY], start: fixture('weather-server.js', ['--http', '0']) },
        { id: 'notes', label: 'fixtures/notes-server.js', eras: [LEGACY], start: fixture('notes-server.js', ['--http', '0']) },
        { id: 'violations', label: 'protocol-violations.js (good)', eras: [LEGACY, MODERN], start: fixture('protocol-violations.js', ['--http', '0']) },
    );
    for (const mode of violationModes()) {
        rows.push({ id: `violations:${mode}`, label: `protocol-violations.js --mode ${mode}`, eras: [LEGACY, MODERN], start: fixture('protocol-violations.js', ['--mode', mode, '--http', '0']), mode });
    }
    const only = opts.only?.split(',');
    const unknown = only?.filter((id) => !rows.some((r) => r.id === id));
    if (unknown?.length) throw new Error(`--only: no row ${unknown.join(', ')} (rows: ${rows.map((r) => r.id).join(', ')}${opts.reference ? '' : '; reference needs --reference'})`);
    // A mode's row is read against the good fixture's, so the good one always runs with it.
    return only ? rows.filter((r) => only.includes(r.id) || (r.id === 'violations' && only.some((o) => o.startsWith('violations:')))) : rows;
}

// ---------------------------------------------------------------- the two tools

/** The scenarios a revision's requirement set scores (the rest of what it runs is reported, not counted). */
function scoredScenarios(cli, era) {
    const file = path.join(path.dirname(cli), '../requirements', `${era}.yaml`);
    return new Set(parseYaml(readFileSync(file, 'utf8')).server);
}

/** Runs the suite's requirement set for each revision and returns its failed and warned checks. */
async function runSuite(node, cli, target, url) {
    const findings = [];
    const scenarios = [];
    let ms = 0;
    for (const era of target.eras) {
        const scored = scoredScenarios(cli, era);
        const outDir = path.join(WORK, target.id.replace(':', '-'), `suite-${era}`);
        rmSync(outDir, { recursive: true, force: true });
        mkdirSync(outDir, { recursive: true });
        const result = await run(node, [cli, 'server', '--url', url, '--requirements', era, '-o', outDir], { cwd: outDir, stdoutFile: path.join(outDir, 'output.txt') });
        ms += result.ms;
        const checks = readChecks(outDir);
        if (checks.length === 0) throw new Error(`the suite wrote no checks for ${target.id} at ${era}: ${result.out.slice(-2000)}${result.err.slice(-2000)}`);
        scenarios.push({ era, scored: new Set(checks.filter((c) => scored.has(c.scenario)).map((c) => c.scenario)).size });
        for (const c of checks) {
            if (c.status !== 'FAILURE' && c.status !== 'WARNING') continue;
            const name = c.id === c.scenario ? c.id : `${c.scenario}/${c.id}`;
            // "Not testable: server does not list the diagnostic tool 'test_…'" is the same story inside another scenario.
            const surface = (SURFACE_SCENARIOS.test(c.scenario) || /^Not testable/.test(c.errorMessage ?? '')) && c.id !== 'wire-schema-valid';
            findings.push({ era, name, group: c.id === 'wire-schema-valid' ? name : c.scenario, scored: scored.has(c.scenario), surface, level: c.status === 'FAILURE' ? 'fail' : 'warn' });
        }
    }
    return { findings, scenarios, ms };
}

/** The checks.json of every scenario folder the suite wrote, each check tagged with its scenario. */
function readChecks(outDir) {
    const checks = [];
    for (const entry of readdirSync(outDir, { withFileTypes: true, recursive: true })) {
        if (entry.name !== 'checks.json') continue;
        const folder = path.basename(entry.parentPath ?? entry.path);
        // Folders are named server-<scenario>-<ISO timestamp>.
        const scenario = folder.replace(/^server-/, '').replace(/-\d{4}-\d\d-\d\dT.*$/, '');
        for (const c of JSON.parse(readFileSync(path.join(entry.parentPath ?? entry.path, 'checks.json'), 'utf8'))) checks.push({ ...c, scenario });
    }
    return checks;
}

/** Runs `mcp-check check-protocol <url> --protocol <revisions>` with a JSON report and returns its failed and warned rules. */
async function runMcpCheck(cli, target, url) {
    // The same revisions as the suite: a server's supportedVersions may not name every era it serves.
    const dir = path.join(WORK, target.id.replace(':', '-'));
    mkdirSync(dir, { recursive: true });
    const report = path.join(dir, 'mcp-check.json');
    rmSync(report, { force: true });
    const result = await run(process.execPath, [cli, 'check-protocol', url, '--protocol', target.eras.join(','), '--no-color', '--reporter', 'console', '--reporter', `json:${report}`], { stdoutFile: path.join(dir, 'mcp-check.txt') });
    if (!existsSync(report)) throw new Error(`mcp-check wrote no report for ${target.id}: ${result.out.slice(-2000)}${result.err.slice(-2000)}`);
    const findings = [];
    for (const suite of JSON.parse(readFileSync(report, 'utf8')).suites) {
        const era = suite.serverInfo?.protocolVersion ?? suite.server.split('@')[1] ?? '?';
        if (suite.cases.every((c) => c.status === 'errored')) {
            findings.push({ era, name: 'cannot connect', group: 'cannot connect', scored: true, level: 'fail' });
            continue;
        }
        for (const c of suite.cases) {
            const name = c.name.replace(/^protocol: /, '');
            if (c.status === 'failed' || c.status === 'errored') findings.push({ era, name, group: name, scored: true, level: 'fail' });
            else if (c.warnings?.length) findings.push({ era, name, group: name, scored: true, level: 'warn' });
        }
    }
    return { findings, ms: result.ms };
}

// ---------------------------------------------------------------- table

const key = (f) => `${f.era} ${f.level} ${f.name}`;

/** Names once each, in bold when any of its findings failed, marked ⚠ when all only warned. */
function names(list, by) {
    const failed = new Map();
    for (const f of list) failed.set(f[by], failed.get(f[by]) === true || f.level === 'fail');
    return [...failed].map(([name, fail]) => (fail ? `**${name}**` : `⚠ ${name}`)).join(', ');
}

/**
 * One table cell, by revision. A full row names the scenarios (or rules) with a failure, scored
 * first, and only counts the surface scenarios; a broken mode's row names each check the good
 * fixture's row does not have.
 */
function cell(findings, baseline) {
    const seen = new Set(baseline?.map(key));
    const own = findings.filter((f) => !seen.has(key(f)));
    if (own.length === 0) return baseline ? 'nothing new' : 'nothing';
    const by = baseline ? 'name' : 'group';
    const parts = [];
    for (const era of [...new Set(own.map((f) => f.era))]) {
        const here = own.filter((f) => f.era === era);
        const surface = baseline ? [] : here.filter((f) => f.surface);
        const named = here.filter((f) => !surface.includes(f));
        const scored = named.filter((f) => f.scored);
        const unscored = named.filter((f) => !f.scored);
        const bits = [];
        if (scored.length) bits.push(names(scored, by));
        if (unscored.length) bits.push(`not scored: ${names(unscored, by)}`);
        if (surface.length) bits.push(`+ ${new Set(surface.map((f) => f.group)).size} surface scenarios`);
        parts.push(`${era}: ${bits.join('; ')}`);
    }
    return parts.join('<br>');
}

/** How many scored scenarios ran per revision, for the full rows. */
function scoredCount(official) {
    return official.scenarios.map((s) => `${s.era} (${s.scored})`).join(', ');
}

function log(line) {
    process.stderr.write(`conformance: ${line}\n`);
}

// ---------------------------------------------------------------- main

async function main() {
    const node = nodeForSuite();
    const nodeVersion = execFileSync(node, ['--version'], { encoding: 'utf8' }).trim();
    const suite = suiteCli(opts['suite-version']);
    const suiteVersion = JSON.parse(readFileSync(path.join(path.dirname(suite), '../package.json'), 'utf8')).version;
    const mcpCheck = mcpCheckCli();
    rmSync(WORK, { recursive: true, force: true });
    mkdirSync(WORK, { recursive: true });

    const rows = [];
    let broken = false;
    for (const target of targets(node)) {
        log(`${target.id}: starting`);
        let server;
        try {
            server = await target.start();
            const official = await runSuite(node, suite, target, server.url);
            const ours = await runMcpCheck(mcpCheck.cli, target, server.url);
            rows.push({ target, official, ours });
            log(`${target.id}: suite ${official.findings.length} finding(s) in ${Math.round(official.ms)} ms, mcp-check ${ours.findings.length} in ${Math.round(ours.ms)} ms`);
        } catch (error) {
            broken = true;
            rows.push({ target, error: String(error.message ?? error).split('\n')[0] });
            log(`${target.id}: ${error.message ?? error}`);
        } finally {
            await server?.stop();
        }
    }

    const good = rows.find((r) => r.target.id === 'violations' && !r.error);
    const total = (pick) => Math.round(rows.reduce((sum, r) => sum + (r.error ? 0 : pick(r).ms), 0) / 100) / 10;
    const lines = [
        `# Conformance suite and mcp-check side by side`,
        '',
        `Generated by \`npm run conformance\` (bench/conformance/run.mjs); docs/conformance.md explains it.`,
        '',
        `- Run: ${new Date().toISOString()}, ${os.cpus().length} CPU(s), ${os.platform()} ${os.arch()}`,
        `- ${SUITE_PACKAGE} ${suiteVersion} on Node ${nodeVersion}, \`server --requirements <revision>\` for each revision the row lists`,
        `- mcp-check ${mcpCheck.version} on Node ${process.version}, \`check-protocol <url> --protocol <the same revisions>\``,
        `- Wall time, all rows: suite ${total((r) => r.official)} s, mcp-check ${total((r) => r.ours)} s`,
        '',
        '**bold**: failed; ⚠: warning only. Names are `scenario` or `scenario/check` for the suite, rules for mcp-check.',
        '"surface scenarios": failed scenarios that call the reference server\'s fixed tool, resource and prompt names',
        '(counted, not named; see docs/conformance.md). Rows of broken modes list only what the good fixture\'s row does not',
        'already have, surface scenarios included.',
        '',
        '| Server | Revisions (scored scenarios) | Official suite | mcp-check | Wall time (suite / mcp-check) |',
        '|---|---|---|---|---|',
    ];
    for (const r of rows) {
        if (r.error) {
            lines.push(`| ${r.target.label} | ${r.target.eras.join(', ')} | not run: ${r.error.replace(/\|/g, '\\|')} | | |`);
            continue;
        }
        const base = r.target.mode ? good : undefined;
        const times = `${(r.official.ms / 1000).toFixed(1)} s / ${(r.ours.ms / 1000).toFixed(1)} s`;
        lines.push(`| ${r.target.label} | ${scoredCount(r.official)} | ${cell(r.official.findings, base?.official.findings)} | ${cell(r.ours.findings, base?.ours.findings)} | ${times} |`);
    }
    const out = opts.out ? path.resolve(opts.out) : opts.only ? undefined : path.join(HERE, 'RESULTS.md');
    const text = lines.join('\n') + '\n';
    if (out) writeFileSync(out, text);
    process.stdout.write(text);
    if (out) log(`wrote ${path.relative(ROOT, out)}; raw outputs in ${path.relative(ROOT, WORK)}/`);
    process.exitCode = broken ? 1 : 0;
}

main().catch((error) => {
    log(error.stack ?? String(error));
    process.exitCode = 1;
});
