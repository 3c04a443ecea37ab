// Side-by-side wall times of shell commands, interleaved (A B C, A B C, …) after one warm-up
// round, as the harness does: for a quick question ("does this change help?") between full runs.
//
//   node bench/lib/ab.mjs <runs> '<label>=<command>' '<label>=<command>' …
//
// Prints each command's median and minimum and its ratio to the first. Output is discarded;
// a command that exits non-zero is reported, since its time then means nothing.

import { spawnSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';

const [runs, ...specs] = process.argv.slice(2);
if (!(Number(runs) > 0) || specs.length === 0) {
    process.stderr.write("usage: node bench/lib/ab.mjs <runs> '<label>=<command>' ...\n");
    process.exit(2);
}
const contenders = specs.map((spec) => {
    const at = spec.indexOf('=');
    return { label: spec.slice(0, at), command: spec.slice(at + 1), times: [], failed: 0 };
});
for (let round = 0; round <= Number(runs); round++) {
    for (const c of contenders) {
        const started = performance.now();
        const { status } = spawnSync('sh', ['-c', `${c.command} >/dev/null 2>&1`]);
        const ms = performance.now() - started;
        if (status !== 0) c.failed += 1;
        if (round > 0) c.times.push(ms);
    }
}
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const base = median(contenders[0].times);
for (const c of contenders) {
    const m = median(c.times);
    const failed = c.failed ? `  (${c.failed} runs FAILED)` : '';
    process.stdout.write(`${c.label.padEnd(16)} ${m.toFixed(0).padStart(6)} ms  min ${Math.min(...c.times).toFixed(0).padStart(5)} ms  ${(m / base).toFixed(2)}×${failed}\n`);
}
