// Preloaded with `node --import` into a measured process: when it exits, writes
// its own peak resident set size (process.resourceUsage().maxRSS, in KiB) to the
// file named by MCP_BENCH_MAXRSS_FILE. Only that process: not its children.

import { writeFileSync } from 'node:fs';

const file = process.env.MCP_BENCH_MAXRSS_FILE;
if (file) {
    process.on('exit', () => {
        try {
            writeFileSync(file, String(process.resourceUsage().maxRSS));
        } catch {
            // the measurement is lost, the run is not
        }
    });
}
