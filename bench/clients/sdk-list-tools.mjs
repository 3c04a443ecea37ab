// What a user writes to check a server with many tools with the official SDK:
// list every page, check that some tools are there, call one.
//
//   node bench/clients/sdk-list-tools.mjs <tool,tool,...> <command> [args...]
//
// Follows `nextCursor` until the list ends, fails unless every named tool was
// listed, then calls the last named tool and expects its own name as text.

import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';

const [names, command, ...args] = process.argv.slice(2);
const expected = names.split(',');

const client = new Client({ name: 'bench-sdk-client', version: '1.0.0' });
await client.connect(new StdioClientTransport({ command, args }));

const tools = [];
let cursor;
do {
    const page = await client.listTools(cursor === undefined ? {} : { cursor });
    tools.push(...page.tools);
    cursor = page.nextCursor;
} while (cursor !== undefined);

const listed = new Set(tools.map((t) => t.name));
for (const name of expected) {
    if (!listed.has(name)) throw new Error(`tool ${name} is not listed (${tools.length} tools)`);
}

const last = expected.at(-1);
const result = await client.callTool({ name: last, arguments: {} });
const text = result.content.filter((c) => c.type === 'text').map((c) => c.text).join('\n');
if (result.isError || text !== last) throw new Error(`expected ${JSON.stringify(last)}, got ${JSON.stringify(text)}`);

await client.close();
