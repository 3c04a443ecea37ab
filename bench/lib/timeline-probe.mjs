// Preloaded with `node --import` into any client (mcp-check, an SDK script): when the process
// exits, prints to stderr a timeline in ms since process start, so two clients can be compared
// phase by phase (start-up, server boot, handshake, calls, shutdown).
//
//   node --import ./bench/lib/timeline-probe.mjs dist/bundle/mcp-check.js bench/.work/specs/echo-200.yaml >/dev/null
//
// For each child process: spawn, the first writes to its stdin (with the JSON-RPC method),
// its first answers, the 200th write, stdin closed, exit. For HTTP: the first requests (method)
// and when their headers came back, the last answer. Then the exit and the process's CPU time.

import cp from 'node:child_process';
import { syncBuiltinESMExports } from 'node:module';
import { performance } from 'node:perf_hooks';

const marks = [];
const mark = (what, at = performance.now()) => marks.push(`${what} ${at.toFixed(0)}`);
const methodOf = (text) => /"method"\s*:\s*"([^"]+)"/.exec(String(text))?.[1] ?? 'answer';

let children = 0;
const spawn = cp.spawn;
cp.spawn = function (...args) {
    const child = spawn.apply(this, args);
    const id = `child${++children}`;
    mark(`${id} spawn`);
    let writes = 0;
    const write = child.stdin.write.bind(child.stdin);
    child.stdin.write = (chunk, ...rest) => {
        writes += 1;
        if (writes <= 3 || writes === 200) mark(`${id} write${writes} ${methodOf(chunk)}`);
        return write(chunk, ...rest);
    };
    let reads = 0;
    child.stdout.on('data', () => {
        reads += 1;
        if (reads <= 2) mark(`${id} read${reads}`);
    });
    const end = child.stdin.end.bind(child.stdin);
    child.stdin.end = (...rest) => {
        mark(`${id} stdin-end`);
        return end(...rest);
    };
    child.on('exit', () => mark(`${id} exit`));
    return child;
};
// The CLI imports `spawn` by name: this makes the ESM binding see the wrapper too.
syncBuiltinESMExports();

let requests = 0;
let lastAnswer;
const fetch = globalThis.fetch;
globalThis.fetch = async (input, init) => {
    const n = ++requests;
    if (n <= 4) mark(`http${n} ${init?.method ?? 'GET'} ${methodOf(init?.body ?? '')}`);
    const response = await fetch(input, init);
    if (n <= 4) mark(`http${n} headers`);
    lastAnswer = performance.now();
    return response;
};

process.on('exit', () => {
    if (lastAnswer !== undefined) mark(`http last-answer-of-${requests}`, lastAnswer);
    mark('exit');
    const cpu = process.cpuUsage();
    process.stderr.write(`[timeline] ${marks.join(' | ')} | cpu user ${(cpu.user / 1000).toFixed(0)} system ${(cpu.system / 1000).toFixed(0)}\n`);
});
