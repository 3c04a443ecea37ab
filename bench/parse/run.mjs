/**
 * The spec parser micro-benchmark: `node bench/parse/run.mjs [--runs N] [--only a,b]`
 * (`npm run build` first). Parses the repository's specs and generated ones (the bench's
 * 1, 200 and 10,000-call specs, and 1,000 test entries) with each candidate in `one.mjs`:
 * cold, a fresh process per sample as the CLI pays it (loading the parser's code, then one
 * parse), the candidates interleaved so drift on a shared machine hits them alike; and warm,
 * the median of repeated parses in one process. Prints a Markdown table of medians.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { echoCallsYaml, serverYaml } from '../lib/spec-text.mjs';
import { CANDIDATES } from './one.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, '..', '..');
const WORK = path.join(HERE, '..', '.work', 'parse');
const ONE = path.join(HERE, 'one.mjs');

const { values } = parseArgs({ options: { runs: { type: 'string', default: '7' }, only: { type: 'string' }, warm: { type: 'string', default: '9' } } });
const runs = Number(values.runs);
const candidates = Object.keys(CANDIDATES).filter((c) => !values.only || values.only.split(',').some((o) => c.includes(o)));

// The bench's echo suites (bench/run.mjs) and a spec of many small test entries.
function specs() {
    mkdirSync(WORK, { recursive: true });
    const server = serverYaml('weather', 'node', [path.join(ROOT, 'fixtures', 'weather-server.js')]);
    const write = (name, text) => {
        const file = path.join(WORK, name);
        writeFileSync(file, text);
        return { name, file, bytes: Buffer.byteLength(text) };
    };
    const echo = (calls) => write(`echo-${calls}.yaml`, `name: echo x${calls}\nservers:\n${server}tests:\n  - server: weather\n    calls:\n${echoCallsYaml(calls)}`);
    let tests = '';
    for (let i = 1; i <= 1000; i++) tests += `  - server: weather\n    tools: { include: [echo] }\n    calls:\n${echoCallsYaml(2, `test ${i}`)}`;
    // The largest of the repository's own specs, as a small hand-written one.
    const real = path.join(ROOT, 'specs', 'contracts-2.yaml');
    return [
        { name: 'specs/contracts-2.yaml', file: real, bytes: statSync(real).size },
        echo(1),
        echo(200),
        write('tests-1000.yaml', `name: 1000 tests\nservers:\n${server}tests:\n${tests}`),
        echo(10000),
    ];
}

function one(candidate, file, extra = []) {
    return JSON.parse(execFileSync(process.execPath, [ONE, candidate, file, ...extra], { encoding: 'utf8' }));
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ms = (x) => (x < 10 ? x.toFixed(1) : x.toFixed(0));

const rows = [];
for (const spec of specs()) {
    const cold = Object.fromEntries(candidates.map((c) => [c, []]));
    for (const c of candidates) one(c, spec.file); // warm the file cache, not counted
    for (let i = 0; i < runs; i++) for (const c of candidates) cold[c].push(one(c, spec.file));
    for (const c of candidates) {
        const warm = one(c, spec.file, ['--warm', values.warm]);
        rows.push(
            `| ${spec.name} (${(spec.bytes / 1024).toFixed(0)} KB) | ${c} | ${ms(median(cold[c].map((r) => r.loadMs)))} | ${ms(median(cold[c].map((r) => r.parseMs)))} | ${ms(median(cold[c].map((r) => r.loadMs + r.parseMs)))} | ${ms(warm.parseMs)} |`,
        );
    }
}
console.log(`Node ${process.version}, ${runs} cold runs per cell (median), warm: median of ${values.warm} after 5 warm-up parses. Times in ms.\n`);
console.log('| Spec | Parser | Load code (cold) | Parse (cold) | Load + parse (cold) | Parse (warm) |');
console.log('|---|---|---|---|---|---|');
for (const row of rows) console.log(row);
