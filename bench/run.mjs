#!/usr/bin/env node
// mcp-check benchmark harness. `npm run bench` (or `node bench/run.mjs`); see bench/README.md.
//
// Generates spec files into bench/.work/, runs every contender as a whole process (`node <script>`)
// after a warm-up, interleaving contenders so that drift hits them alike, and reports medians,
// min–max and the ratios of the targets with PASS/FAIL. Writes bench/RESULTS.md on a full run.
// It never fails on a slow result (benchmarks are not tests): the exit code is 0 unless the
// harness itself broke or a contender failed to do its job (non-zero exit, wrong answer).

import { spawn, execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync, openSync, closeSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

const BENCH = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(BENCH, '..');
const WORK = path.join(BENCH, '.work');
const NODE = process.execPath;
const INSPECTOR_DIR = path.join(BENCH, 'inspector');
const PROBE = pathToFileURL(path.join(BENCH, 'lib', 'maxrss-probe.mjs')).href;
const GNU_TIME = '/usr/bin/time';
const RUN_TIMEOUT_MS = 180_000;

const FIXTURES = {
    weather: path.join(ROOT, 'fixtures', 'weather-server.js'),
    faulty: path.join(ROOT, 'fixtures', 'faulty-server.js'),
    manyTools: path.join(BENCH, 'servers', 'many-tools-server.mjs'),
    modernEcho: path.join(BENCH, 'servers', 'modern-echo-server.mjs'),
};
const CLIENTS = {
    sdkEcho: path.join(BENCH, 'clients', 'sdk-echo.mjs'),
    sdkListTools: path.join(BENCH, 'clients', 'sdk-list-tools.mjs'),
    sdkHuge: path.join(BENCH, 'clients', 'sdk-huge.mjs'),
    rawEcho: path.join(BENCH, 'clients', 'raw-echo.mjs'),
    v2Echo: path.join(BENCH, 'clients', 'v2-echo.mjs'),
    pythonEcho: path.join(BENCH, 'clients', 'python-echo.py'),
};
/** The Python MCP SDK the seed's own client is measured with, in a virtual environment of the bench's own. */
const PYTHON_MCP = 'mcp==2.3.0';
const PYTHON_DIR = path.join(BENCH, '.cache', 'python');
const MODERN_REVISION = '2026-07-28';

// ---------------------------------------------------------------- options

const { values: opts } = parseArgs({
    options: {
        quick: { type: 'boolean', default: false },
        only: { type: 'string' },
        'no-install': { type: 'boolean', default: false },
        out: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
    },
});
if (opts.help) {
    process.stdout.write(`usage: node bench/run.mjs [--quick] [--only <workload,...>] [--no-install] [--out <file>]

  --quick        fewer repetitions (about a third of the time; noisier)
  --only <ids>   run only these workloads (comma-separated ids, see bench/README.md)
  --no-install   do not run "npm ci" in bench/inspector when the Inspector is missing
  --out <file>   write the results there (default: bench/RESULTS.md, on full runs only)
`);
    process.exit(0);
}

// ---------------------------------------------------------------- the thing under test

function readBin() {
    const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
    const rel = typeof pkg.bin === 'string' ? pkg.bin : pkg.bin?.['mcp-check'];
    if (!rel) throw new Error('package.json has no bin["mcp-check"]');
    return { rel, abs: path.resolve(ROOT, rel), version: pkg.version };
}

const BIN = readBin();
if (!existsSync(BIN.abs)) {
    process.stderr.write(`bench: ${BIN.rel} (package.json bin["mcp-check"]) does not exist; run "npm run build" first\n`);
    process.exit(2);
}

function newestMtime(dir) {
    let newest = 0;
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const p = path.join(dir, entry.name);
        newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs);
    }
    return newest;
}

const staleWarning = (() => {
    const src = path.join(ROOT, 'src');
    if (!existsSync(src)) return undefined;
    return newestMtime(src) > statSync(BIN.abs).mtimeMs
        ? `${BIN.rel} is older than the newest file in src/: the numbers are for the last build, not the current source ("npm run build" first)`
        : undefined;
})();

// ---------------------------------------------------------------- spec generation

const q = (s) => JSON.stringify(s); // a JSON string is a valid YAML double-quoted scalar

function serverYaml(name, command, args, protocol) {
    return `  ${name}:\n    command: ${q(command)}\n    args: [${args.map(q).join(', ')}]\n${protocolYaml(protocol)}`;
}

function urlServerYaml(name, url, protocol) {
    return `  ${name}:\n    url: ${q(url)}\n${protocolYaml(protocol)}`;
}

function protocolYaml(protocol) {
    return protocol ? `    protocol: ${q(protocol)}\n` : '';
}

function echoCallsYaml(count, prefix = 'echo') {
    let out = '';
    for (let i = 1; i <= count; i++) {
        out += `      - name: ${q(`${prefix} ${i}`)}\n        tool: echo\n        args: { text: hi }\n        expect: { text: hi }\n`;
    }
    return out;
}

function writeSpec(file, text) {
    const p = path.join(WORK, 'specs', file);
    writeFileSync(p, text);
    return p;
}

const WEATHER_STDIO = { id: 'weather', about: 'one stdio server', yaml: serverYaml('weather', 'node', [FIXTURES.weather]) };
/** A server that takes a second to boot, like one started through npx: the second copy the protocol checks need boots alongside it. */
const SLOW_WEATHER_STDIO = { id: 'slow', about: 'one stdio server ready after 1 s', yaml: serverYaml('slow', 'node', [FIXTURES.weather, '--delay-start', '1000']) };

// The call workloads turn the protocol checks off: their contenders make the same calls and
// nothing else. What the checks add is target 8's business (protocolSuite).
const NO_PROTOCOL = '    protocol: false\n';

/** `calls` echo calls to one server: `server` is its id (file and server name), what it is, and its YAML. */
function echoSuite(calls, server = WEATHER_STDIO) {
    const file = server === WEATHER_STDIO ? `echo-${calls}.yaml` : `echo-${calls}-${server.id}.yaml`;
    return writeSpec(
        file,
        `# generated by bench/run.mjs: ${calls} echo call(s) to ${server.about}\n` +
            `name: echo x${calls}\nservers:\n${server.yaml}` +
            `tests:\n  - server: ${server.id}\n${NO_PROTOCOL}    calls:\n${echoCallsYaml(calls)}`
    );
}

/** `calls` echo calls with every protocol rule (the default) and every portability target on (issue 19, target 8). */
function protocolSuite(calls, server = WEATHER_STDIO) {
    return writeSpec(
        server === WEATHER_STDIO ? `echo-${calls}-protocol.yaml` : `echo-${calls}-protocol-${server.id}.yaml`,
        `# generated by bench/run.mjs: ${calls} echo call(s) to ${server.about}, every protocol and portability rule on\n` +
            `name: echo x${calls} with protocol checks\nservers:\n${server.yaml}` +
            // The weather tools break three strict-client rules; as warnings they cost the same and the run passes.
            `tests:\n  - server: ${server.id}\n    lint: { clients: all, rules: { schema-key: warn, strict-all-required: warn, strict-no-bounds: warn } }\n    calls:\n${echoCallsYaml(calls)}`
    );
}

function delayedServersSuite(count, delayMs) {
    let servers = '';
    let tests = '';
    for (let i = 1; i <= count; i++) {
        servers += serverYaml(`slow${i}`, 'node', [FIXTURES.weather, '--delay-start', String(delayMs)]);
        tests += `  - server: slow${i}\n${NO_PROTOCOL}    calls:\n${echoCallsYaml(1, `slow${i} echo`)}`;
    }
    return writeSpec(
        `delayed-${count}x${delayMs}ms.yaml`,
        `# generated by bench/run.mjs: ${count} stdio server(s), each ready after ${delayMs} ms\n` +
            `name: ${count} delayed server(s)\nservers:\n${servers}tests:\n${tests}`
    );
}

const MANY_TOOLS = { count: 1000, pageSize: 100, check: ['tool_0001', 'tool_0500', 'tool_1000'] };

function manyToolsSuite() {
    const args = [FIXTURES.manyTools, '--tools', String(MANY_TOOLS.count), '--page-size', String(MANY_TOOLS.pageSize)];
    const last = MANY_TOOLS.check.at(-1);
    return writeSpec(
        'many-tools.yaml',
        `# generated by bench/run.mjs: ${MANY_TOOLS.count} tools listed ${MANY_TOOLS.pageSize} a page\n` +
            `name: ${MANY_TOOLS.count} tools\nservers:\n${serverYaml('many', 'node', args)}` +
            `tests:\n  - server: many\n${NO_PROTOCOL}    tools:\n      include: [${MANY_TOOLS.check.join(', ')}]\n` +
            `    calls:\n      - name: ${q(`call ${last}`)}\n        tool: ${last}\n        expect: { text: ${last} }\n`
    );
}

function hugeSuite() {
    return writeSpec(
        'huge-result.yaml',
        `# generated by bench/run.mjs: one call whose result is 10 MB of text\n` +
            `name: 10 MB result\nservers:\n${serverYaml('huge', 'node', [FIXTURES.faulty, '--mode', 'huge-text'])}` +
            `tests:\n  - server: huge\n${NO_PROTOCOL}    calls:\n      - name: huge result\n        tool: huge\n` +
            `        expect: { text: { contains: huge-text } }\n`
    );
}

// ---------------------------------------------------------------- running one process

let runCounter = 0;

/**
 * Runs argv to completion with stdout and stderr going to files (a file, like a terminal, is
 * written synchronously: no pipe buffer decides what the measured process costs or keeps).
 * Wall time is from just before spawn to the child's exit.
 */
function runProcess(argv, { rss = false, env = {} } = {}) {
    const id = ++runCounter;
    const outFile = path.join(WORK, 'out', `${id}.out`);
    const errFile = path.join(WORK, 'out', `${id}.err`);
    const rssFile = path.join(WORK, 'out', `${id}.rss`);
    let command = argv[0];
    let args = argv.slice(1);
    if (rss) {
        // Self peak RSS through a preloaded probe; the process tree's through GNU time if present.
        if (command === NODE) args = ['--import', PROBE, ...args];
        if (HAVE_GNU_TIME) {
            args = ['-f', 'MCP_BENCH_TREE_MAXRSS_KB=%M', command, ...args];
            command = GNU_TIME;
        }
    }
    const out = openSync(outFile, 'w');
    const err = openSync(errFile, 'w');
    return new Promise((resolve) => {
        const start = performance.now();
        const child = spawn(command, args, {
            cwd: ROOT,
            stdio: ['ignore', out, err],
            detached: true, // its own process group, so a timeout can stop the whole tree
            env: { ...process.env, NO_COLOR: '1', ...(rss ? { MCP_BENCH_MAXRSS_FILE: rssFile } : {}), ...env },
        });
        let timedOut = false;
        const timer = setTimeout(() => {
            timedOut = true;
            try {
                process.kill(-child.pid, 'SIGKILL');
            } catch {
                // already gone
            }
        }, RUN_TIMEOUT_MS);
        let finished = false;
        const finish = (code, signal, spawnError) => {
            const wallMs = performance.now() - start;
            if (finished) return; // 'error' and 'exit' may both come
            finished = true;
            clearTimeout(timer);
            closeSync(out);
            closeSync(err);
            const stdout = readFileSync(outFile, 'utf8');
            let stderr = readFileSync(errFile, 'utf8');
            let treeRssKb;
            const m = /MCP_BENCH_TREE_MAXRSS_KB=(\d+)\s*$/.exec(stderr);
            if (m) {
                treeRssKb = Number(m[1]);
                stderr = stderr.slice(0, m.index).replace(/Command exited with non-zero status \d+\s*$/, '');
            }
            const selfRssKb = existsSync(rssFile) ? Number(readFileSync(rssFile, 'utf8')) : undefined;
            rmSync(outFile, { force: true });
            rmSync(errFile, { force: true });
            rmSync(rssFile, { force: true });
            resolve({
                wallMs,
                code,
                signal,
                timedOut,
                spawnError,
                stdout,
                stderr,
                selfRssKb,
                treeRssKb,
            });
        };
        child.once('error', (error) => finish(null, null, error));
        child.once('exit', (code, signal) => finish(code, signal));
    });
}

function tail(text, lines = 12) {
    return text.trimEnd().split('\n').slice(-lines).join('\n');
}

/** null when the run did its job, else why not. */
function basicProblem(run) {
    if (run.spawnError) return `could not start: ${run.spawnError.message}`;
    if (run.timedOut) return `timed out after ${RUN_TIMEOUT_MS / 1000} s`;
    if (run.code !== 0) return `exit ${run.code ?? run.signal}`;
    return null;
}

/** mcp-check must exit 0 and, when it prints its summary line, have passed every planned check. */
function mcpCheckValidator(minPassed) {
    return (run) => {
        const problem = basicProblem(run);
        if (problem) return problem;
        const m = /Tests:\s*(\d+) passed, (\d+) failed, (\d+) errored, (\d+) skipped/.exec(run.stdout);
        if (!m) return null; // the exit code is the contract; the summary format may change
        const [passed, failed, errored, skipped] = m.slice(1).map(Number);
        if (failed + errored + skipped > 0) return `summary: ${m[0]}`;
        if (passed < minPassed) return `summary: only ${passed} passed, expected at least ${minPassed}`;
        return null;
    };
}

function inspectorValidator(run) {
    return basicProblem(run) ?? (/"text":\s*"hi"/.test(run.stdout) ? null : 'output has no "text": "hi"');
}

// ---------------------------------------------------------------- environment

const HAVE_GNU_TIME = (() => {
    try {
        execFileSync(GNU_TIME, ['-f', '%M', 'true'], { stdio: 'ignore' });
        return true;
    } catch {
        return false;
    }
})();

function inspectorSetup() {
    const pkgFile = path.join(INSPECTOR_DIR, 'package.json');
    const wanted = JSON.parse(readFileSync(pkgFile, 'utf8')).devDependencies['@modelcontextprotocol/inspector'];
    const installed = path.join(INSPECTOR_DIR, 'node_modules', '@modelcontextprotocol', 'inspector', 'package.json');
    if (!existsSync(installed) && !opts['no-install']) {
        process.stdout.write(`bench: installing @modelcontextprotocol/inspector@${wanted} into bench/inspector (npm ci) …\n`);
        try {
            execFileSync('npm', ['ci', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: INSPECTOR_DIR, stdio: 'inherit' });
        } catch (error) {
            return { available: false, why: `npm ci in bench/inspector failed (${error.message.split('\n')[0]})` };
        }
    }
    if (!existsSync(installed)) {
        return { available: false, why: 'not installed (run "npm ci" in bench/inspector)' };
    }
    const pkg = JSON.parse(readFileSync(installed, 'utf8'));
    const bin = typeof pkg.bin === 'string' ? pkg.bin : pkg.bin['mcp-inspector'];
    return { available: true, version: pkg.version, bin: path.join(path.dirname(installed), bin) };
}

/**
 * The Python client needs python3 and the `mcp` package: a virtual environment in
 * bench/.cache/python, made on first use. Without either, its contenders are left out, with why.
 */
function pythonSetup() {
    const bin = path.join(PYTHON_DIR, 'bin', 'python');
    const hasMcp = () => {
        try {
            return execFileSync(bin, ['-c', 'import importlib.metadata as m; print(m.version("mcp"))'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
        } catch {
            return undefined;
        }
    };
    let version = existsSync(bin) ? hasMcp() : undefined;
    if (!version && !opts['no-install']) {
        process.stdout.write(`bench: installing ${PYTHON_MCP} into bench/.cache/python (python3 -m venv, pip) …\n`);
        try {
            execFileSync('python3', ['-m', 'venv', PYTHON_DIR], { stdio: 'ignore' });
            // Quiet: pip retries an unreachable index loudly before it takes a local mirror.
            execFileSync(path.join(PYTHON_DIR, 'bin', 'pip'), ['install', '--quiet', PYTHON_MCP], { stdio: 'pipe' });
        } catch (error) {
            return { available: false, why: `python3 or ${PYTHON_MCP} could not be installed (${error.message.split('\n')[0]})` };
        }
        version = hasMcp();
    }
    return version ? { available: true, bin, version } : { available: false, why: `no ${PYTHON_MCP} in bench/.cache/python` };
}

// ---------------------------------------------------------------- workloads

const REPEAT = opts.quick ? (n) => Math.max(2, Math.ceil(n / 3)) : (n) => n;

function workloads(inspector, python) {
    const pythonClient = (id, label, ...target) =>
        python.available ? [{ id, label: `Python SDK ${python.version} ClientSession, ${label}`, argv: [python.bin, CLIENTS.pythonEcho, '200', ...target] }] : [];
    const mc = (spec, minPassed, label = 'mcp-check') => ({
        id: 'mcp-check',
        label,
        argv: [NODE, BIN.abs, spec],
        validate: mcpCheckValidator(minPassed),
    });
    const weather = ['node', FIXTURES.weather];
    const modernEcho = ['node', FIXTURES.modernEcho];
    const modernStdio = {
        id: 'modern',
        about: `one stdio server that speaks ${MODERN_REVISION} only`,
        yaml: serverYaml('modern', 'node', [FIXTURES.modernEcho], MODERN_REVISION),
    };
    const list = [
        {
            id: 'startup',
            title: 'Start-up: print the version',
            reps: 20,
            warmup: 2,
            contenders: [
                { id: 'node', label: '`node -e 0`', argv: [NODE, '-e', '0'] },
                { id: 'mcp-check', label: '`mcp-check --version`', argv: [NODE, BIN.abs, '--version'] },
            ],
        },
        {
            id: 'one-call',
            title: 'Start-up: a suite of one echo call',
            reps: 10,
            warmup: 1,
            contenders: [
                mc(echoSuite(1), 1),
                { id: 'sdk', label: 'SDK script', argv: [NODE, CLIENTS.sdkEcho, '1', ...weather] },
            ],
        },
        {
            id: 'echo-200',
            title: '200 echo calls to one stdio server',
            reps: 10,
            warmup: 1,
            contenders: [
                ...pythonClient('python', 'one connection', ...weather),
                mc(echoSuite(200), 200),
                { id: 'sdk', label: 'SDK script (one connection)', argv: [NODE, CLIENTS.sdkEcho, '200', ...weather] },
                { id: 'raw', label: 'raw JSON-RPC client (no SDK)', argv: [NODE, CLIENTS.rawEcho, '200', ...weather] },
            ],
        },
        {
            id: 'echo-200-modern',
            title: `200 echo calls to one stdio server speaking ${MODERN_REVISION} only`,
            reps: 10,
            warmup: 1,
            contenders: [
                mc(echoSuite(200, modernStdio), 200),
                { id: 'v2', label: `v2 SDK script (one connection, pinned to ${MODERN_REVISION})`, argv: [NODE, CLIENTS.v2Echo, '200', ...modernEcho] },
                { id: 'raw', label: `raw JSON-RPC client, ${MODERN_REVISION} (no SDK)`, argv: [NODE, CLIENTS.rawEcho, '--modern', '200', ...modernEcho] },
            ],
        },
        {
            id: 'echo-200-http',
            title: '200 echo calls over Streamable HTTP, each era (one server per era, running through the workload)',
            reps: 10,
            warmup: 1,
            httpServers: {
                legacy: [NODE, FIXTURES.weather, '--http', '0'],
                modern: [NODE, FIXTURES.modernEcho, '--http', '0'],
            },
            contenders: (urls) => [
                {
                    ...mc(echoSuite(200, { id: 'http-legacy', about: `${urls.legacy} (2025 era)`, yaml: urlServerYaml('http-legacy', urls.legacy) }), 200, 'mcp-check, 2025 era'),
                    id: 'mcp-check-legacy',
                },
                { id: 'sdk-legacy', label: 'SDK script (v1 client), 2025 era', argv: [NODE, CLIENTS.sdkEcho, '200', '--url', urls.legacy] },
                ...pythonClient('python-legacy', '2025 era', '--url', urls.legacy),
                {
                    ...mc(
                        echoSuite(200, { id: 'http-modern', about: `${urls.modern} (${MODERN_REVISION} only)`, yaml: urlServerYaml('http-modern', urls.modern, MODERN_REVISION) }),
                        200,
                        `mcp-check, ${MODERN_REVISION}`
                    ),
                    id: 'mcp-check-modern',
                },
                { id: 'v2-modern', label: `v2 SDK script, ${MODERN_REVISION}`, argv: [NODE, CLIENTS.v2Echo, '200', '--url', urls.modern] },
            ],
        },
        {
            id: 'per-call',
            title: 'One process per call (N samples of one call, extrapolated ×200)',
            reps: 10,
            warmup: 1,
            contenders: [
                ...(inspector.available
                    ? [
                          {
                              id: 'inspector',
                              label: `Inspector ${inspector.version} \`--cli\`, one call`,
                              argv: [
                                  NODE,
                                  inspector.bin,
                                  '--cli',
                                  ...weather,
                                  '--method',
                                  'tools/call',
                                  '--tool-name',
                                  'echo',
                                  '--tool-arg',
                                  'text=hi',
                              ],
                              validate: inspectorValidator,
                          },
                      ]
                    : []),
                { id: 'sdk', label: 'SDK script, one call', argv: [NODE, CLIENTS.sdkEcho, '1', ...weather] },
            ],
        },
        {
            id: 'protocol-cost',
            title: '50 echo calls, with and without every protocol and portability rule',
            reps: 7,
            warmup: 1,
            contenders: [
                { ...mc(echoSuite(50), 50, 'mcp-check, 50 calls, protocol: false'), id: 'mcp-check-50' },
                {
                    ...mc(protocolSuite(50), 50, 'mcp-check, 50 calls, protocol checks (default), lint.clients: all'),
                    id: 'mcp-check-50-protocol',
                    // Rules for other transports and eras are reported as skipped: only failures make a run invalid.
                    validate: (run) => basicProblem(run),
                },
                { ...mc(echoSuite(50, SLOW_WEATHER_STDIO), 50, 'mcp-check, 50 calls, server ready after 1 s, protocol: false'), id: 'mcp-check-50-slow' },
                {
                    ...mc(protocolSuite(50, SLOW_WEATHER_STDIO), 50, 'mcp-check, 50 calls, server ready after 1 s, protocol checks, lint.clients: all'),
                    id: 'mcp-check-50-slow-protocol',
                    validate: (run) => basicProblem(run),
                },
            ],
        },
        {
            id: 'many-servers',
            title: 'Stdio servers that take 1 s to become ready (one echo call each)',
            reps: 5,
            warmup: 1,
            contenders: [
                mc(delayedServersSuite(1, 1000), 1, 'mcp-check, 1 server'),
                { ...mc(delayedServersSuite(4, 1000), 4, 'mcp-check, 4 servers'), id: 'mcp-check-4' },
            ],
        },
        {
            id: 'scale-calls',
            title: 'Many echo calls in one suite',
            reps: 3,
            warmup: 0,
            rss: true,
            contenders: [
                { ...mc(echoSuite(1000), 1000, 'mcp-check, 1,000 calls'), id: 'mcp-check-1k' },
                { ...mc(echoSuite(10000), 10000, 'mcp-check, 10,000 calls'), id: 'mcp-check-10k' },
                { id: 'sdk-1k', label: 'SDK script, 1,000 calls', argv: [NODE, CLIENTS.sdkEcho, '1000', ...weather] },
                { id: 'sdk-10k', label: 'SDK script, 10,000 calls', argv: [NODE, CLIENTS.sdkEcho, '10000', ...weather] },
            ],
        },
        {
            id: 'many-tools',
            title: `A server listing ${MANY_TOOLS.count.toLocaleString('en')} tools, ${MANY_TOOLS.pageSize} a page; one call`,
            reps: 7,
            warmup: 1,
            rss: true,
            contenders: [
                mc(manyToolsSuite(), MANY_TOOLS.check.length + 1),
                {
                    id: 'sdk',
                    label: 'SDK script',
                    argv: [
                        NODE,
                        CLIENTS.sdkListTools,
                        MANY_TOOLS.check.join(','),
                        'node',
                        FIXTURES.manyTools,
                        '--tools',
                        String(MANY_TOOLS.count),
                        '--page-size',
                        String(MANY_TOOLS.pageSize),
                    ],
                },
            ],
        },
        {
            id: 'huge-result',
            title: 'One call returning 10 MB of text',
            reps: 5,
            warmup: 1,
            rss: true,
            contenders: [
                mc(hugeSuite(), 1),
                {
                    id: 'sdk',
                    label: 'SDK script',
                    argv: [NODE, CLIENTS.sdkHuge, 'huge', 'huge-text', 'node', FIXTURES.faulty, '--mode', 'huge-text'],
                },
            ],
        },
    ];
    return list;
}

// ---------------------------------------------------------------- statistics and formatting

function median(xs) {
    const s = [...xs].sort((a, b) => a - b);
    const mid = s.length >> 1;
    return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

function fmtMs(ms) {
    if (ms === undefined || Number.isNaN(ms)) return '–';
    if (ms >= 10_000) return `${(ms / 1000).toFixed(2)} s`;
    if (ms >= 100) return `${Math.round(ms)} ms`;
    return `${ms.toFixed(1)} ms`;
}

function fmtMb(kb) {
    return kb === undefined ? '–' : `${(kb / 1024).toFixed(0)} MB`;
}

function fmtRatio(r) {
    return r === undefined || !Number.isFinite(r) ? '–' : r >= 10 ? `${r.toFixed(0)}×` : `${r.toFixed(2)}×`;
}

function summarize(contender, runs) {
    const ok = runs.filter((r) => !r.problem);
    const walls = ok.map((r) => r.wallMs);
    const self = ok.map((r) => r.selfRssKb).filter((v) => v !== undefined);
    const tree = ok.map((r) => r.treeRssKb).filter((v) => v !== undefined);
    return {
        id: contender.id,
        label: contender.label,
        runs: runs.length,
        failures: runs.filter((r) => r.problem).map((r) => r.problem),
        medianMs: walls.length ? median(walls) : undefined,
        minMs: walls.length ? Math.min(...walls) : undefined,
        maxMs: walls.length ? Math.max(...walls) : undefined,
        selfRssMaxKb: self.length ? Math.max(...self) : undefined,
        selfRssMedianKb: self.length ? median(self) : undefined,
        treeRssMaxKb: tree.length ? Math.max(...tree) : undefined,
    };
}

// ---------------------------------------------------------------- main

/**
 * Other work on the machine makes every number noisier. The 1-minute load average before the first
 * workload says whether something else was running; once the bench runs it mostly measures the bench.
 */
const LOAD = { start: undefined, end: undefined };

function busyAtStart() {
    return LOAD.start > os.cpus().length * 0.5;
}

/**
 * Starts an HTTP server that prints "listening on <url>" once it accepts connections; resolves with
 * the URL and a stop function. Its output goes to a file like the contenders'.
 */
async function startHttpServer(argv) {
    const logFile = path.join(WORK, 'out', `server-${++runCounter}.log`);
    const log = openSync(logFile, 'w');
    const child = spawn(argv[0], argv.slice(1), { cwd: ROOT, stdio: ['ignore', 'pipe', log], env: { ...process.env, NO_COLOR: '1' } });
    closeSync(log);
    const exited = new Promise((resolve) => child.once('exit', resolve));
    const stop = async () => {
        child.kill('SIGTERM');
        await exited;
    };
    let output = '';
    child.stdout.setEncoding('utf8');
    const url = await new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`${argv.join(' ')}: no "listening on" line within 30 s`)), 30_000);
        child.stdout.on('data', (chunk) => {
            output += chunk;
            const m = /listening on (\S+)/.exec(output);
            if (m) {
                clearTimeout(timer);
                resolve(m[1]);
            }
        });
        child.once('exit', (code, signal) => {
            clearTimeout(timer);
            reject(new Error(`${argv.join(' ')} exited (${code ?? signal}) before listening; see ${logFile}`));
        });
    }).catch(async (error) => {
        if (child.exitCode === null && child.signalCode === null) await stop();
        throw error;
    });
    child.stdout.resume(); // later log lines must not fill the pipe
    return { url, stop };
}

/** Starts the workload's HTTP servers (if any), runs it, and stops them. */
async function runWorkload(w) {
    if (!w.httpServers) return runContenders(w, w.contenders);
    const started = {};
    try {
        for (const [key, argv] of Object.entries(w.httpServers)) started[key] = await startHttpServer(argv);
        const urls = Object.fromEntries(Object.entries(started).map(([key, s]) => [key, s.url]));
        return await runContenders(w, w.contenders(urls));
    } finally {
        await Promise.all(Object.values(started).map((s) => s.stop()));
    }
}

async function runContenders(w, contenders) {
    const reps = REPEAT(w.reps);
    const runs = new Map(contenders.map((c) => [c.id, []]));
    const total = w.warmup + reps;
    process.stdout.write(`\n▶ ${w.id}: ${w.title} (${w.warmup} warm-up + ${reps} runs per contender)\n`);
    for (let i = 0; i < total; i++) {
        for (const c of contenders) {
            const run = await runProcess(c.argv, { rss: w.rss });
            run.problem = (c.validate ?? basicProblem)(run);
            if (run.problem) {
                process.stdout.write(`  ✗ ${c.label}: ${run.problem}\n${indent(tail(run.stderr || run.stdout))}\n`);
            }
            if (i >= w.warmup) runs.get(c.id).push(run);
        }
        process.stdout.write(i < w.warmup ? '  (warm-up done)\n' : `  run ${i - w.warmup + 1}/${reps}\r`);
    }
    process.stdout.write('\n');
    const summaries = contenders.map((c) => summarize(c, runs.get(c.id)));
    for (const s of summaries) {
        const rss = w.rss ? `  peak RSS ${fmtMb(s.selfRssMaxKb)} (tree ${fmtMb(s.treeRssMaxKb)})` : '';
        const failed = s.failures.length ? `  FAILED ${s.failures.length}/${s.runs}: ${s.failures[0]}` : '';
        process.stdout.write(`  ${s.label.padEnd(44)} ${fmtMs(s.medianMs).padStart(9)}  [${fmtMs(s.minMs)} – ${fmtMs(s.maxMs)}]${rss}${failed}\n`);
    }
    return { ...w, contenders, reps, summaries };
}

function indent(text) {
    return text
        .split('\n')
        .map((l) => `      ${l}`)
        .join('\n');
}

function get(results, workload, contender) {
    const s = results.get(workload)?.summaries.find((x) => x.id === contender);
    return s && s.failures.length === 0 && s.medianMs !== undefined ? s : undefined;
}

/** Each target: what it compares, the measured value, the limit, and PASS/FAIL (or n/a when not measured). */
function evaluateTargets(results, inspector, python) {
    const targets = [];
    const ratio = (a, b) => (a && b ? a.medianMs / b.medianMs : undefined);
    const add = (id, what, value, limit, pass, detail) =>
        targets.push({ id, what, value, limit, result: value === undefined ? 'n/a' : pass ? 'PASS' : 'FAIL', detail });

    const mc200 = get(results, 'echo-200', 'mcp-check');
    const r1a = ratio(mc200, get(results, 'echo-200', 'sdk'));
    add('1a', '200 calls: mcp-check ÷ SDK script', r1a, '≤ 0.90×', r1a <= 0.9, r1a && fmtRatio(r1a));
    const r1b = ratio(mc200, get(results, 'echo-200', 'raw'));
    add('1b', '200 calls: mcp-check ÷ raw JSON-RPC client', r1b, '≤ 2×', r1b <= 2, r1b && fmtRatio(r1b));
    const mcModern = get(results, 'echo-200-modern', 'mcp-check');
    const r1c = ratio(mcModern, get(results, 'echo-200-modern', 'v2'));
    add('1c', `200 calls, ${MODERN_REVISION}: mcp-check ÷ v2 SDK script`, r1c, '≤ 0.90×', r1c <= 0.9, r1c && fmtRatio(r1c));
    const r1d = ratio(mcModern, get(results, 'echo-200-modern', 'raw'));
    add('1d', `200 calls, ${MODERN_REVISION}: mcp-check ÷ raw JSON-RPC client`, r1d, '≤ 2×', r1d <= 2, r1d && fmtRatio(r1d));

    const insp = get(results, 'per-call', 'inspector');
    const perCallSdk = get(results, 'per-call', 'sdk');
    const speedup = (per) => (per && mc200 ? (per.medianMs * 200) / mc200.medianMs : undefined);
    const s2 = speedup(insp);
    add(
        '2',
        `200 calls: Inspector CLI once per call (${inspector.available ? `${inspector.version}; ` : ''}10 runs × 200) ÷ mcp-check`,
        s2,
        '≥ 100×',
        s2 >= 100,
        s2 && `${fmtRatio(s2)} (${fmtMs(insp.medianMs)} a call → ${fmtMs(insp.medianMs * 200)} for 200)`
    );
    // The one-SDK-process-per-call loop stands in for target 2 only when the Inspector could not run.
    const s2b = speedup(perCallSdk);
    add(
        '2b',
        `200 calls: one SDK-script process per call (10 runs × 200) ÷ mcp-check${insp ? ' (for information: the Inspector was measured)' : ' (instead of the Inspector)'}`,
        s2b,
        '≥ 100×',
        s2b >= 100,
        s2b && `${fmtRatio(s2b)} (${fmtMs(perCallSdk.medianMs)} a call → ${fmtMs(perCallSdk.medianMs * 200)} for 200)`
    );
    if (insp && s2b !== undefined) targets.at(-1).result = 'info';

    const r3 = ratio(get(results, 'many-servers', 'mcp-check-4'), get(results, 'many-servers', 'mcp-check'));
    add('3', '4 servers ready after 1 s ÷ 1 such server (mcp-check)', r3, '≤ 1.3×', r3 <= 1.3, r3 && fmtRatio(r3));

    const r4a = ratio(get(results, 'startup', 'mcp-check'), get(results, 'startup', 'node'));
    add('4a', '`mcp-check --version` ÷ `node -e 0`', r4a, '≤ 1.5×', r4a <= 1.5, r4a && fmtRatio(r4a));
    const mc1 = get(results, 'one-call', 'mcp-check');
    const r4b = ratio(mc1, get(results, 'one-call', 'sdk'));
    add('4b', 'one-call suite: mcp-check ÷ SDK script', r4b, '≤ 1.0×', r4b <= 1.0, r4b && fmtRatio(r4b));

    const mc10k = get(results, 'scale-calls', 'mcp-check-10k');
    const mc1k = get(results, 'scale-calls', 'mcp-check-1k');
    const rss10k = mc10k?.selfRssMaxKb;
    add(
        '5a',
        '10,000 calls: peak RSS of the mcp-check process (max of runs)',
        rss10k,
        '≤ 150 MB',
        rss10k <= 150 * 1024,
        rss10k && `${fmtMb(rss10k)}${mc10k.treeRssMaxKb ? ` (largest process of the tree: ${fmtMb(mc10k.treeRssMaxKb)})` : ''}`
    );
    // Per-call time net of start-up: (T(N) − T(one-call suite)) / (N − 1).
    const perCall = (s, n) => (s && mc1 ? (s.medianMs - mc1.medianMs) / (n - 1) : undefined);
    const pc1k = perCall(mc1k, 1000);
    const pc10k = perCall(mc10k, 10000);
    const r5b = pc1k && pc10k ? pc10k / pc1k : undefined;
    add(
        '5b',
        'linear time: per-call time at 10,000 ÷ at 1,000 calls (net of the one-call suite)',
        r5b,
        '≤ 1.25×',
        r5b <= 1.25,
        r5b && `${fmtRatio(r5b)} (${pc1k.toFixed(3)} ms/call at 1k, ${pc10k.toFixed(3)} ms/call at 10k)`
    );
    const r5c = ratio(mc10k, get(results, 'scale-calls', 'sdk-10k'));
    add('5c', '10,000 calls: mcp-check ÷ SDK script', r5c, '≤ 2×', r5c <= 2, r5c && fmtRatio(r5c));
    const r5d = ratio(get(results, 'many-tools', 'mcp-check'), get(results, 'many-tools', 'sdk'));
    add('5d', `${MANY_TOOLS.count.toLocaleString('en')} tools over ${MANY_TOOLS.count / MANY_TOOLS.pageSize} pages: mcp-check ÷ SDK script`, r5d, '≤ 2×', r5d <= 2, r5d && fmtRatio(r5d));
    const r5e = ratio(get(results, 'huge-result', 'mcp-check'), get(results, 'huge-result', 'sdk'));
    add('5e', '10 MB tool result: mcp-check ÷ SDK script', r5e, '≤ 2×', r5e <= 2, r5e && fmtRatio(r5e));
    const r6a = ratio(get(results, 'echo-200-http', 'mcp-check-legacy'), get(results, 'echo-200-http', 'sdk-legacy'));
    add('6a', '200 calls over Streamable HTTP, 2025 era: mcp-check ÷ SDK script (v1 client)', r6a, '≤ 1.0×', r6a <= 1, r6a && fmtRatio(r6a));
    const r6b = ratio(get(results, 'echo-200-http', 'mcp-check-modern'), get(results, 'echo-200-http', 'v2-modern'));
    add('6b', `200 calls over Streamable HTTP, ${MODERN_REVISION}: mcp-check ÷ v2 SDK script`, r6b, '≤ 1.0×', r6b <= 1, r6b && fmtRatio(r6b));
    const r8 = ratio(get(results, 'protocol-cost', 'mcp-check-50-protocol'), get(results, 'protocol-cost', 'mcp-check-50'));
    add('8', '50 calls with every protocol and portability rule on ÷ without', r8, '≤ 1.25×', r8 <= 1.25, r8 && fmtRatio(r8));
    const r8s = ratio(get(results, 'protocol-cost', 'mcp-check-50-slow-protocol'), get(results, 'protocol-cost', 'mcp-check-50-slow'));
    add('8s', 'the same with a server that takes 1 s to boot (the second copy boots alongside it)', r8s, '≤ 1.25×', r8s <= 1.25, r8s && fmtRatio(r8s));
    // The seed's own client: the Python SDK's ClientSession, on stdio and over HTTP (2025 era).
    const py = python.available ? '' : ` (not measured: ${python.why})`;
    const r7a = ratio(mc200, get(results, 'echo-200', 'python'));
    add('7a', `200 calls over stdio: mcp-check ÷ Python SDK client${py}`, r7a, '≤ 0.5×', r7a <= 0.5, r7a && fmtRatio(r7a));
    const r7b = ratio(get(results, 'echo-200-http', 'mcp-check-legacy'), get(results, 'echo-200-http', 'python-legacy'));
    add('7b', `200 calls over Streamable HTTP: mcp-check ÷ Python SDK client${py}`, r7b, '≤ 0.5×', r7b <= 0.5, r7b && fmtRatio(r7b));
    // Where the time goes, for whoever optimises: start-up versus per-call cost.
    const derived = [];
    const sdk1 = get(results, 'one-call', 'sdk');
    if (mc1 && sdk1) derived.push(`Start-up gap (one-call suite): mcp-check ${fmtMs(mc1.medianMs)} vs SDK script ${fmtMs(sdk1.medianMs)}, ${mc1.medianMs >= sdk1.medianMs ? '+' : '−'}${fmtMs(Math.abs(mc1.medianMs - sdk1.medianMs))}.`);
    const sdk200 = get(results, 'echo-200', 'sdk');
    if (mc200 && mc1 && sdk200 && sdk1) {
        derived.push(
            `Per-call cost net of start-up, (T(200) − T(1)) ÷ 199: mcp-check ${((mc200.medianMs - mc1.medianMs) / 199).toFixed(2)} ms, SDK script ${((sdk200.medianMs - sdk1.medianMs) / 199).toFixed(2)} ms.`
        );
    }
    if (mc1k || mc10k) {
        derived.push(
            `mcp-check per call net of start-up: ${pc1k?.toFixed(3) ?? '–'} ms at 1,000 calls, ${pc10k?.toFixed(3) ?? '–'} ms at 10,000 calls; ` +
                `wall ÷ calls: ${mc1k ? (mc1k.medianMs / 1000).toFixed(3) : '–'} ms and ${mc10k ? (mc10k.medianMs / 10000).toFixed(3) : '–'} ms.`
        );
    }
    if (mc1k && mc10k && mc1k.selfRssMaxKb && mc10k.selfRssMaxKb) {
        derived.push(
            `mcp-check peak RSS grows ${((mc10k.selfRssMaxKb - mc1k.selfRssMaxKb) / 9000).toFixed(1)} KiB per call between 1,000 (${fmtMb(mc1k.selfRssMaxKb)}) and 10,000 calls (${fmtMb(mc10k.selfRssMaxKb)}).`
        );
    }
    return { targets, derived };
}

function machine() {
    const cpus = os.cpus();
    let commit = 'unknown';
    try {
        commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).trim();
        const dirty = execFileSync('git', ['status', '--porcelain', '--', 'src', 'package.json'], { cwd: ROOT, encoding: 'utf8' }).trim();
        if (dirty) commit += ' (src/ or package.json modified)';
    } catch {
        // not a git checkout
    }
    return {
        cpu: cpus[0]?.model ?? 'unknown',
        cores: cpus.length,
        memory: `${(os.totalmem() / 1024 ** 3).toFixed(1)} GiB`,
        os: `${os.type()} ${os.release()} ${os.arch()}`,
        node: process.version,
        date: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
        commit,
    };
}

function renderMarkdown({ m, results, targets, derived, inspector, python, elapsedMs, partial }) {
    const lines = [];
    lines.push('# mcp-check benchmark results', '');
    lines.push('Generated by `npm run bench` (`node bench/run.mjs`); see [README.md](README.md) for what each workload measures.', '');
    if (partial) lines.push(`**Partial run** (\`--only ${opts.only}\`): targets of workloads not run are n/a.`, '');
    if (opts.quick) lines.push('**Quick run** (`--quick`): fewer repetitions, noisier numbers.', '');
    if (staleWarning) lines.push(`**Warning:** ${staleWarning}.`, '');
    lines.push('| | |', '|---|---|');
    lines.push(`| Machine | ${m.cpu}, ${m.cores} cores, ${m.memory} memory |`);
    lines.push(`| OS | ${m.os} |`);
    lines.push(`| Node | ${m.node} |`);
    lines.push(`| Date | ${m.date} |`);
    lines.push(`| mcp-check | ${BIN.version}, \`node ${BIN.rel}\`, commit ${m.commit} |`);
    lines.push(
        `| Inspector | ${inspector.available ? `@modelcontextprotocol/inspector ${inspector.version} (bench/inspector), its bin run with \`node\`, no npx` : `not measured: ${inspector.why}`} |`
    );
    lines.push(`| Python client | ${python.available ? `\`mcp\` ${python.version} (bench/.cache/python), bench/clients/python-echo.py` : `not measured: ${python.why}`} |`);
    lines.push(
        `| Peak RSS | ${HAVE_GNU_TIME ? 'process: `process.resourceUsage().maxRSS` via a preloaded probe; tree: GNU `/usr/bin/time -f %M` (largest single process of the tree)' : 'process: `process.resourceUsage().maxRSS` via a preloaded probe (`/usr/bin/time` not found: no tree column)'} |`
    );
    lines.push(`| Bench wall time | ${(elapsedMs / 1000).toFixed(0)} s |`);
    lines.push(
        `| Load average (1 min) | ${LOAD.start.toFixed(2)} before the first workload${busyAtStart() ? ' — **other work was running: numbers are noisier than usual**' : ' (quiet)'}; ${LOAD.end.toFixed(2)} at the end (the bench's own load) |`,
        ''
    );

    lines.push('## Targets', '');
    lines.push('| # | Target | Measured | Limit | Result |', '|---|---|---|---|---|');
    for (const t of targets) lines.push(`| ${t.id} | ${t.what} | ${t.detail ?? '–'} | ${t.limit} | **${t.result}** |`);
    lines.push('');
    lines.push('Ratios are of medians. Target 2 extrapolates 10 one-call invocations to 200 (the median per invocation × 200);');
    lines.push('a real loop of 200 would take minutes and add nothing. Target 5b uses the one-call suite as the fixed cost.', '');

    lines.push('## Timings', '');
    lines.push('Wall time of the whole process (`node <script>`, spawn to exit), median and min–max over the runs after the warm-up.', '');
    lines.push('| Workload | Contender | Median | Min – max | Runs | Peak RSS (process / tree) |', '|---|---|---|---|---|---|');
    for (const w of results.values()) {
        for (const s of w.summaries) {
            const rss = w.rss ? `${fmtMb(s.selfRssMaxKb)} / ${fmtMb(s.treeRssMaxKb)}` : '';
            const status = s.failures.length ? ` **FAILED ${s.failures.length}/${s.runs}: ${s.failures[0]}**` : '';
            lines.push(`| ${w.id} | ${s.label}${status} | ${fmtMs(s.medianMs)} | ${fmtMs(s.minMs)} – ${fmtMs(s.maxMs)} | ${s.runs} | ${rss} |`);
        }
    }
    lines.push('');
    if (derived.length) {
        lines.push('## Where the time goes', '');
        for (const d of derived) lines.push(`- ${d}`);
        lines.push('');
    }
    return lines.join('\n');
}

async function main() {
    const started = performance.now();
    LOAD.start = os.loadavg()[0];
    rmSync(WORK, { recursive: true, force: true });
    mkdirSync(path.join(WORK, 'specs'), { recursive: true });
    mkdirSync(path.join(WORK, 'out'), { recursive: true });

    if (staleWarning) process.stdout.write(`bench: warning: ${staleWarning}\n`);
    if (busyAtStart()) {
        process.stdout.write(
            `bench: warning: load average ${LOAD.start.toFixed(2)} on ${os.cpus().length} cores: other work is running, expect noisy numbers\n`
        );
    }
    const inspector = inspectorSetup();
    if (!inspector.available) process.stdout.write(`bench: Inspector CLI not measured: ${inspector.why}\n`);
    if (!HAVE_GNU_TIME) process.stdout.write(`bench: ${GNU_TIME} not found; peak RSS from the in-process probe only\n`);

    const python = pythonSetup();
    if (!python.available) process.stdout.write(`bench: Python client not measured: ${python.why}\n`);
    const all = workloads(inspector, python);
    const only = opts.only?.split(',').map((s) => s.trim()).filter(Boolean);
    if (only) {
        const unknown = only.filter((id) => !all.some((w) => w.id === id));
        if (unknown.length) {
            process.stderr.write(`bench: unknown workload(s) ${unknown.join(', ')}; known: ${all.map((w) => w.id).join(', ')}\n`);
            process.exit(2);
        }
    }
    const selected = only ? all.filter((w) => only.includes(w.id)) : all;

    process.stdout.write(`bench: mcp-check = node ${BIN.rel}; ${os.cpus().length} cores; Node ${process.version}\n`);
    const results = new Map();
    for (const w of selected) results.set(w.id, await runWorkload(w));

    const { targets, derived } = evaluateTargets(results, inspector, python);
    process.stdout.write('\nTargets\n');
    for (const t of targets) {
        process.stdout.write(`  ${t.result.padEnd(4)}  ${t.id.padEnd(3)} ${t.what}: ${t.detail ?? '–'} (limit ${t.limit})\n`);
    }
    if (derived.length) process.stdout.write(`\n${derived.map((d) => `  ${d}`).join('\n')}\n`);

    const elapsedMs = performance.now() - started;
    LOAD.end = os.loadavg()[0];
    const markdown = renderMarkdown({ m: machine(), results, targets, derived, inspector, python, elapsedMs, partial: Boolean(only) });
    const out = opts.out ? path.resolve(opts.out) : only ? undefined : path.join(BENCH, 'RESULTS.md');
    if (out) {
        writeFileSync(out, markdown + '\n');
        process.stdout.write(`\nbench: wrote ${path.relative(process.cwd(), out) || out} in ${(elapsedMs / 1000).toFixed(0)} s\n`);
    } else {
        process.stdout.write(`\nbench: partial run, results not written (use --out <file>); ${(elapsedMs / 1000).toFixed(0)} s\n`);
    }

    const broken = [...results.values()].flatMap((w) => w.summaries.filter((s) => s.failures.length));
    if (broken.length) {
        process.stdout.write(`bench: ${broken.length} contender(s) failed to do their job; their rows and targets are not valid\n`);
        process.exitCode = 1;
    }
}

await main();
