#!/usr/bin/env node
/**
 * The mcp-check executable, kept tiny: `--version` answers without loading anything else,
 * and the rest of the CLI is imported only when there is work to do.
 */
import nodeModule from 'node:module';
import { VERSION } from '../version.js';

const args = process.argv.slice(2);
if (args.length === 1 && (args[0] === '--version' || args[0] === '-v')) {
    process.stdout.write(`${VERSION}\n`);
    process.exit(0);
}
// Node 22.8+ keeps V8's compiled code between runs (in the OS temp directory), which saves most
// of the time spent compiling the CLI's modules on every start; older Nodes lack the function.
(nodeModule as { enableCompileCache?: () => unknown }).enableCompileCache?.();
// A reader that goes away (`mcp-check … | head`) must not end the run: the report files and the
// exit code still matter, so what it no longer reads is dropped.
for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (error: NodeJS.ErrnoException) => {
        if (error.code !== 'EPIPE' && error.code !== 'ERR_STREAM_DESTROYED') throw error;
    });
}
// Every byte mcp-check prints passes this guard, so no server or spec can forge CI commands.
const { guardOutput } = await import('../report/output-guard.js');
guardOutput(process.stdout);
guardOutput(process.stderr);
const { main } = await import('./main.js');
const code = await main(process.argv);
// Writes to a pipe are asynchronous: exiting before they drain would cut the report short.
await Promise.all([process.stdout, process.stderr].map((stream) => new Promise((resolve) => stream.write('', resolve))));
// Exit explicitly: a misbehaving server must never keep mcp-check alive after its report is written.
process.exit(code);
