/** Tool names: the characters and lengths each client accepts. */
import type { ClientId } from '../clients.js';
import type { PortabilityCheck, PortabilityHit } from '../types.js';

/** The model APIs' function names (OpenAI, Claude) and Claude Code's. */
const API_NAME = /^[A-Za-z0-9_-]+$/;
/** Gemini's: a letter or `_` first, then letters, digits, `_`, `.`, `-`. */
const GEMINI_NAME = /^[A-Za-z_][A-Za-z0-9_.-]*$/;

const API_CLIENTS: ClientId[] = ['openai', 'openai-strict', 'anthropic', 'anthropic-strict', 'claude-code'];

/** `name-charset`: characters outside what the model APIs take. */
export const nameCharset: PortabilityCheck = {
    id: 'name-charset',
    check: (tools) =>
        tools.flatMap((tool): PortabilityHit[] => {
            const name = tool.raw.name;
            if (typeof name !== 'string' || name === '') return [];
            const hits: PortabilityHit[] = [];
            if (!API_NAME.test(name)) {
                const bad = [...new Set(name.replace(/[A-Za-z0-9_-]/g, ''))].map((ch) => JSON.stringify(ch)).join(' ');
                hits.push({ tool, pointer: '/name', problem: `the name has ${bad}, outside A-Z a-z 0-9 _ -`, clients: API_CLIENTS });
            }
            if (!GEMINI_NAME.test(name)) {
                const problem = /^[A-Za-z_]/.test(name) ? 'the name has characters outside A-Z a-z 0-9 _ . -' : `the name starts with ${JSON.stringify(name[0])}, not a letter or "_"`;
                hits.push({ tool, pointer: '/name', problem: `${problem} (Gemini)`, clients: ['gemini'] });
            }
            return hits;
        }),
};

/** `name-length`: too long for a client, counting the prefixes Cursor and Claude Code add. */
export const nameLength: PortabilityCheck = {
    id: 'name-length',
    check: (tools, { server }) =>
        tools.flatMap((tool): PortabilityHit[] => {
            const name = tool.raw.name;
            if (typeof name !== 'string') return [];
            const hit = (problem: string, clients: ClientId[]): PortabilityHit => ({ tool, pointer: '/name', problem, clients });
            const hits: PortabilityHit[] = [];
            if (name.length > 64) hits.push(hit(`the name has ${name.length} characters, over 64`, ['openai', 'openai-strict', 'gemini']));
            if (name.length > 128) hits.push(hit(`the name has ${name.length} characters, over the Claude API's 128`, ['anthropic', 'anthropic-strict']));
            const withServer = server.length + name.length;
            if (withServer > 60) hits.push(hit(`server name "${server}" + tool name make ${withServer} characters, over Cursor's 60`, ['cursor']));
            const prefixed = `mcp__${server}__${name}`;
            if (prefixed.length > 64) hits.push(hit(`Claude Code's name mcp__${server}__… has ${prefixed.length} characters, over 64`, ['claude-code']));
            return hits;
        }),
};
