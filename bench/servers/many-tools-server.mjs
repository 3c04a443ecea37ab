// Bench-only stdio MCP server that lists many tools over several pages.
//
//   node bench/servers/many-tools-server.mjs [--tools 1000] [--page-size 100]
//
// Tools are tool_0001 … tool_1000, each with a small object input schema
// ({ text?: string }); calling one returns its own name as text. Pages are
// linked by `nextCursor` ("offset-<n>"). It uses the SDK's low-level Server
// because McpServer always lists every tool at once.

import { parseArgs } from 'node:util';
import { Server } from '@modelcontextprotocol/sdk/server/index.js';
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import {
    CallToolRequestSchema,
    ErrorCode,
    ListToolsRequestSchema,
    McpError,
} from '@modelcontextprotocol/sdk/types.js';

const { values } = parseArgs({
    options: {
        tools: { type: 'string', default: '1000' },
        'page-size': { type: 'string', default: '100' },
    },
});
const TOOL_COUNT = Number(values.tools);
const PAGE_SIZE = Number(values['page-size']);
const WIDTH = String(TOOL_COUNT).length;

const TOOLS = Array.from({ length: TOOL_COUNT }, (_, i) => {
    const name = `tool_${String(i + 1).padStart(Math.max(4, WIDTH), '0')}`;
    return {
        name,
        description: `Returns the text "${name}". One of ${TOOL_COUNT} generated tools.`,
        inputSchema: {
            type: 'object',
            properties: { text: { type: 'string', description: 'ignored' } },
        },
        annotations: { readOnlyHint: true },
    };
});
const BY_NAME = new Map(TOOLS.map((tool) => [tool.name, tool]));

function pageStart(cursor) {
    if (cursor === undefined) return 0;
    const match = /^offset-(\d+)$/.exec(cursor);
    const start = match ? Number(match[1]) : NaN;
    if (!Number.isInteger(start) || start <= 0 || start >= TOOLS.length) {
        throw new McpError(ErrorCode.InvalidParams, `unknown cursor: ${cursor}`);
    }
    return start;
}

const server = new Server({ name: 'bench-many-tools', version: '1.0.0' }, { capabilities: { tools: {} } });

server.setRequestHandler(ListToolsRequestSchema, async (request) => {
    const start = pageStart(request.params?.cursor);
    const end = start + PAGE_SIZE;
    const page = { tools: TOOLS.slice(start, end) };
    if (end < TOOLS.length) page.nextCursor = `offset-${end}`;
    return page;
});

server.setRequestHandler(CallToolRequestSchema, async (request) => {
    const { name } = request.params;
    if (!BY_NAME.has(name)) throw new McpError(ErrorCode.InvalidParams, `unknown tool: ${name}`);
    return { content: [{ type: 'text', text: name }] };
});

await server.connect(new StdioServerTransport());
