// A minimal MCP client with no SDK: newline-delimited JSON-RPC over the
// server's stdin/stdout. It does only what the protocol requires and then the
// calls, one at a time, so its time is close to what the stdio transport and the
// server themselves cost. On the 2025 era that is initialize and
// notifications/initialized; with --modern (2026-07-28) it is server/discover, and
// every request carries the protocol version, client info and capabilities in _meta.
//
//   node bench/clients/raw-echo.mjs [--modern] <calls> <command> [args...]
//
// Calls `echo` <calls> times with { text: "hi" }; fails unless each result is
// the text "hi". Closes the server's stdin at the end and waits for it to exit.

import { spawn } from 'node:child_process';
import { once } from 'node:events';

const modern = process.argv[2] === '--modern';
const [count, command, ...args] = process.argv.slice(modern ? 3 : 2);
const calls = Number(count);

const child = spawn(command, args, { stdio: ['pipe', 'pipe', 'inherit'] });
const pending = new Map();
let nextId = 1;
let buffer = '';

child.stdout.setEncoding('utf8');
child.stdout.on('data', (chunk) => {
    buffer += chunk;
    let newline;
    while ((newline = buffer.indexOf('\n')) >= 0) {
        const line = buffer.slice(0, newline).trim();
        buffer = buffer.slice(newline + 1);
        if (line === '') continue;
        const message = JSON.parse(line);
        const waiter = message.id !== undefined ? pending.get(message.id) : undefined;
        if (!waiter) continue; // notifications and server requests are not needed here
        pending.delete(message.id);
        if (message.error) waiter.reject(new Error(`${message.error.code}: ${message.error.message}`));
        else waiter.resolve(message.result);
    }
});
child.on('exit', (code, signal) => {
    for (const waiter of pending.values()) waiter.reject(new Error(`server exited (${code ?? signal})`));
    pending.clear();
});

function send(message) {
    child.stdin.write(JSON.stringify({ jsonrpc: '2.0', ...message }) + '\n');
}

const CLIENT_INFO = { name: 'bench-raw-client', version: '1.0.0' };
const MODERN = '2026-07-28';
const envelope = {
    'io.modelcontextprotocol/protocolVersion': MODERN,
    'io.modelcontextprotocol/clientInfo': CLIENT_INFO,
    'io.modelcontextprotocol/clientCapabilities': {},
};

function request(method, params) {
    const id = nextId++;
    return new Promise((resolve, reject) => {
        pending.set(id, { resolve, reject });
        send({ id, method, params: modern ? { ...params, _meta: envelope } : params });
    });
}

if (modern) {
    const discovered = await request('server/discover', {});
    if (!discovered.supportedVersions?.includes(MODERN)) {
        throw new Error(`the server does not offer ${MODERN}: ${JSON.stringify(discovered.supportedVersions)}`);
    }
} else {
    await request('initialize', { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: CLIENT_INFO });
    send({ method: 'notifications/initialized' });
}

for (let i = 0; i < calls; i++) {
    const result = await request('tools/call', { name: 'echo', arguments: { text: 'hi' } });
    const text = result.content.filter((c) => c.type === 'text').map((c) => c.text).join('\n');
    if (result.isError || text !== 'hi') {
        throw new Error(`call ${i + 1}: expected "hi", got ${JSON.stringify(text)}`);
    }
}

const exited = once(child, 'exit');
child.stdin.end();
await exited;
