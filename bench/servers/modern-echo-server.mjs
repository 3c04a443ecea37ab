#!/usr/bin/env node
// A bench-only server on the v2 SDK (@modelcontextprotocol/server) that speaks 2026-07-28 only
// (the 2025 era is rejected), with the same `echo` tool as fixtures/weather-server.js: it
// returns its `text` argument as one text item.
//
//   node bench/servers/modern-echo-server.mjs              # stdio
//   node bench/servers/modern-echo-server.mjs --http 0     # Streamable HTTP at /mcp
//
// Over HTTP it prints "listening on http://127.0.0.1:<port>/mcp" once it accepts connections,
// and exits with 0 on SIGTERM or SIGINT.

import { parseArgs } from 'node:util';
import { McpServer, createMcpHandler, fromJsonSchema } from '@modelcontextprotocol/server';
import { serveStdio } from '@modelcontextprotocol/server/stdio';
import { serveFetchHandler } from '../../fixtures/lib/fetch-handler-http.js';

// A plain JSON Schema: the repository's zod is v3, and the v2 SDK takes any schema it can validate.
const ECHO_INPUT = fromJsonSchema({ type: 'object', properties: { text: { type: 'string' } }, required: ['text'] });

function createServer() {
    const server = new McpServer({ name: 'modern-echo-server', version: '1.0.0' }, { capabilities: { tools: {} } });
    server.registerTool(
        'echo',
        { description: 'Returns its input text unchanged.', inputSchema: ECHO_INPUT, annotations: { readOnlyHint: true } },
        async ({ text }) => ({ content: [{ type: 'text', text }] }),
    );
    return server;
}

const { values } = parseArgs({ options: { http: { type: 'string' } } });

if (values.http === undefined) {
    serveStdio(createServer, { legacy: 'reject' });
} else {
    serveFetchHandler('modern-echo-server', createMcpHandler(createServer, { legacy: 'reject' }), Number(values.http));
}
