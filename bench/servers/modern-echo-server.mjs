// A 2026-07-28-only stdio server for the bench: the v2 SDK's McpServer with one `echo` tool,
// served with `legacy: 'reject'`, so every client has to speak the new revision.
//
//   node bench/servers/modern-echo-server.mjs

import { McpServer, fromJsonSchema } from '@modelcontextprotocol/server';
import { serveStdio } from '@modelcontextprotocol/server/stdio';

const ECHO_INPUT = fromJsonSchema({ type: 'object', properties: { text: { type: 'string' } }, required: ['text'] });

serveStdio(
    () => {
        const server = new McpServer({ name: 'bench-modern-echo', version: '1.0.0' }, { capabilities: { tools: {} } });
        server.registerTool('echo', { description: 'Returns its text.', inputSchema: ECHO_INPUT }, async ({ text }) => ({ content: [{ type: 'text', text }] }));
        return server;
    },
    { legacy: 'reject' },
);
