/**
 * The spec parser's share of whole runs: `node bench/parse/cli.mjs --before <bundle> [--runs N]`.
 * Runs the bench's one-call and 200-call suites (bench/run.mjs's `one-call`, `echo-200`) and a
 * 1,000-call one with this checkout's CLI, with another build's (`--before`, e.g. the main
 * branch's `dist/bundle/mcp-check.js`) and with the SDK script, interleaved in one run so
 * both builds see the same machine. Prints median wall times and the ratios of targets 4b and 1a.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { echoCallsYaml, serverYaml } from '../lib/spec-text.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, '..', '..');
const WORK = path.join(HERE, '..', '.work', 'parse');
const WEATHER = path.join(ROOT, 'fixtures', 'weather-server.js');
const NOW = path.join(ROOT, JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')).bin['mcp-check']);

const { values } = parseArgs({ options: { before: { type: 'string' }, runs: { type: 'string', default: '10' } } });
if (!values.before) throw new Error('--before <path to another build of dist/bundle/mcp-check.js> is required');

mkdirSync(WORK, { recursive: true });
const workloads = [1, 200, 1000].map((calls) => {
    const file = path.join(WORK, `cli-echo-${calls}.yaml`);
    writeFileSync(file, `name: echo x${calls}\nservers:\n${serverYaml('weather', 'node', [WEATHER])}tests:\n  - server: weather\n    calls:\n${echoCallsYaml(calls)}`);
    return { calls, file };
});
const contenders = {
    'mcp-check, before': (w) => [path.resolve(values.before), w.file],
    'mcp-check, now': (w) => [NOW, w.file],
    'SDK script': (w) => [path.join(HERE, '..', 'clients', 'sdk-echo.mjs'), String(w.calls), 'node', WEATHER],
};

const times = new Map();
for (let run = -1; run < Number(values.runs); run++) {
    for (const w of workloads) {
        for (const [name, argv] of Object.entries(contenders)) {
            const started = performance.now();
            const child = spawnSync(process.execPath, argv(w), { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] });
            const ms = performance.now() - started;
            if (child.status !== 0) throw new Error(`${name}, ${w.calls} call(s): exit ${child.status}: ${child.stderr}`);
            if (run >= 0) times.set(`${w.calls}|${name}`, [...(times.get(`${w.calls}|${name}`) ?? []), ms]);
        }
    }
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
console.log(`Node ${process.version}, ${values.runs} runs each after a warm-up, interleaved; median wall time, spawn to exit.\n`);
console.log('| Calls | mcp-check, before | mcp-check, now | SDK script | before ÷ SDK | now ÷ SDK |');
console.log('|---|---|---|---|---|---|');
for (const w of workloads) {
    const [before, now, sdk] = Object.keys(contenders).map((name) => median(times.get(`${w.calls}|${name}`)));
    console.log(`| ${w.calls} | ${before.toFixed(0)} ms | ${now.toFixed(0)} ms | ${sdk.toFixed(0)} ms | ${(before / sdk).toFixed(2)}× | ${(now / sdk).toFixed(2)}× |`);
}
