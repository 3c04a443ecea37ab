// What a user writes to check a tool with a very large result with the
// official SDK: one call, a check on the text.
//
//   node bench/clients/sdk-huge.mjs <tool> <substring> <command> [args...]
//
// Fails unless the tool's text content contains <substring>.

import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';

const [tool, substring, command, ...args] = process.argv.slice(2);

const client = new Client({ name: 'bench-sdk-client', version: '1.0.0' });
await client.connect(new StdioClientTransport({ command, args }));

const result = await client.callTool({ name: tool, arguments: {} });
const text = result.content.filter((c) => c.type === 'text').map((c) => c.text).join('\n');
if (result.isError || !text.includes(substring)) {
    throw new Error(`expected the text to contain ${JSON.stringify(substring)} (got ${text.length} characters)`);
}

await client.close();
