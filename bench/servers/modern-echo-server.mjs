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

import http from 'node:http';
import { parseArgs } from 'node:util';
import { McpServer, createMcpHandler, fromJsonSchema } from '@modelcontextprotocol/server';
import { serveStdio } from '@modelcontextprotocol/server/stdio';

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
    const handler = createMcpHandler(createServer, { legacy: 'reject' });
    const httpServer = http.createServer(async (req, res) => {
        try {
            const url = new URL(req.url, `http://${req.headers.host}`);
            if (url.pathname !== '/mcp') {
                res.writeHead(404).end('not found');
                return;
            }
            const chunks = [];
            for await (const chunk of req) chunks.push(chunk);
            const body = req.method === 'GET' || req.method === 'HEAD' ? undefined : Buffer.concat(chunks);
            const response = await handler.fetch(new Request(url, { method: req.method, headers: req.headers, body }));
            res.writeHead(response.status, Object.fromEntries(response.headers));
            if (!response.body) return void res.end();
            for await (const chunk of response.body) res.write(chunk);
            res.end();
        } catch (error) {
            process.stderr.write(`modern-echo-server: ${error?.stack ?? error}\n`);
            if (!res.headersSent) res.writeHead(500);
            res.end();
        }
    });
    httpServer.listen(Number(values.http), '127.0.0.1', () => {
        process.stdout.write(`listening on http://127.0.0.1:${httpServer.address().port}/mcp\n`);
    });
    const shutdown = () => {
        httpServer.closeAllConnections();
        httpServer.close(() => process.exit(0));
    };
    process.once('SIGTERM', shutdown);
    process.once('SIGINT', shutdown);
}
