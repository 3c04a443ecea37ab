// What a user writes with the official v2 client (@modelcontextprotocol/client) to test a
// 2026-07-28 server by hand: one connection pinned to that revision, `callTool` in a loop.
//
//   node bench/clients/v2-echo.mjs <calls> <command> [args...]
//
// Calls `echo` <calls> times with { text: "hi" } and fails (exit 1) unless every result is "hi".

import { Client } from '@modelcontextprotocol/client';
import { StdioClientTransport } from '@modelcontextprotocol/client/stdio';

const [count, command, ...args] = process.argv.slice(2);
const calls = Number(count);

const client = new Client({ name: 'bench-v2-client', version: '1.0.0' }, { versionNegotiation: { mode: { pin: '2026-07-28' } } });
await client.connect(new StdioClientTransport({ command, args }));

for (let i = 0; i < calls; i++) {
    const result = await client.callTool({ name: 'echo', arguments: { text: 'hi' } });
    const text = result.content.filter((c) => c.type === 'text').map((c) => c.text).join('\n');
    if (result.isError || text !== 'hi') {
        throw new Error(`call ${i + 1}: expected "hi", got ${JSON.stringify(text)}`);
    }
}

await client.close();
