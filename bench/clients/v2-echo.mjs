// What a user writes to test a 2026-07-28 server by hand with the v2 SDK client: one
// connection pinned to that revision, `callTool` in a loop, a check on each result.
//
//   node bench/clients/v2-echo.mjs <calls> <command> [args...]     # stdio
//   node bench/clients/v2-echo.mjs <calls> --url <url>             # Streamable HTTP
//
// Calls the `echo` tool <calls> times with { text: "hi" } and fails (exit 1)
// unless every result is the text "hi" and not a tool error.

import { Client, StreamableHTTPClientTransport } from '@modelcontextprotocol/client';
import { StdioClientTransport } from '@modelcontextprotocol/client/stdio';

const [count, command, ...args] = process.argv.slice(2);
const calls = Number(count);

const client = new Client({ name: 'bench-v2-client', version: '1.0.0' }, { versionNegotiation: { mode: { pin: '2026-07-28' } } });
await client.connect(
    command === '--url' ? new StreamableHTTPClientTransport(new URL(args[0])) : new StdioClientTransport({ command, args })
);

for (let i = 0; i < calls; i++) {
    const result = await client.callTool({ name: 'echo', arguments: { text: 'hi' } });
    const text = result.content.filter((c) => c.type === 'text').map((c) => c.text).join('\n');
    if (result.isError || text !== 'hi') {
        throw new Error(`call ${i + 1}: expected "hi", got ${JSON.stringify(text)}`);
    }
}

await client.close();
