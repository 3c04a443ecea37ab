/**
 * The clients a spec can target (`lint.clients`) and how badly a problem hurts in each. Pure
 * data and small helpers, loaded at planning time, so no schema engine comes with them.
 */

/** Every target, in the order reports list them. */
export const CLIENT_IDS = ['openai', 'openai-strict', 'anthropic', 'anthropic-strict', 'gemini', 'vscode-copilot', 'cursor', 'claude-code'] as const;

/** A client (or model API) a tool list must load in. */
export type ClientId = (typeof CLIENT_IDS)[number];

/** What one target is, for `--list-rules` and the docs. */
export const CLIENT_DESCRIPTIONS: Readonly<Record<ClientId, string>> = Object.freeze({
    openai: 'OpenAI function calling (Chat Completions, Responses; ChatGPT connectors, Codex, the Agents SDK)',
    'openai-strict': 'OpenAI function calling with strict: true (structured outputs); everything of openai too',
    anthropic: 'the Claude Messages API tools (Claude Desktop, the Agent SDK, clients that forward MCP tools)',
    'anthropic-strict': 'Claude strict tool use (strict: true); everything of anthropic too',
    gemini: 'the Gemini API function declarations (parameters, an OpenAPI 3.0 subset)',
    'vscode-copilot': 'GitHub Copilot chat in VS Code',
    cursor: 'Cursor',
    'claude-code': 'Claude Code',
});

/**
 * How much of a server a problem takes down in a client: the tool alone, every tool of the
 * server, or every request of the session (the model API refuses the whole tool list).
 */
export type BlastRadius = 'tool dropped' | 'server dropped' | 'request fails';

/** Blast radii from the least to the most severe. */
export const BLAST_RADII: readonly BlastRadius[] = ['tool dropped', 'server dropped', 'request fails'];

/** The most severe of some blast radii; undefined for none. */
export function worstBlast(radii: Iterable<BlastRadius>): BlastRadius | undefined {
    let worst: BlastRadius | undefined;
    for (const radius of radii) if (worst === undefined || BLAST_RADII.indexOf(radius) > BLAST_RADII.indexOf(worst)) worst = radius;
    return worst;
}

/** The level a blast radius gives a rule by default: losing one tool warns, anything bigger fails. */
export function levelForBlast(radius: BlastRadius): 'error' | 'warn' {
    return radius === 'tool dropped' ? 'warn' : 'error';
}

/** Whether a string names a target. */
function isClientId(value: string): value is ClientId {
    return (CLIENT_IDS as readonly string[]).includes(value);
}

/** Orders client ids as `CLIENT_IDS` does and drops repeats. */
export function orderClients(clients: Iterable<ClientId>): ClientId[] {
    const wanted = new Set(clients);
    return CLIENT_IDS.filter((id) => wanted.has(id));
}

/**
 * Parses `--clients`: ids separated by commas, or `all`. Returns the ids, or the message for
 * the first word that names no client.
 */
export function parseClientList(text: string): ClientId[] | string {
    const words = text.split(',').map((w) => w.trim()).filter((w) => w !== '');
    if (words.length === 1 && words[0] === 'all') return [...CLIENT_IDS];
    const unknown = words.find((w) => !isClientId(w));
    if (unknown !== undefined) return `unknown client "${unknown}" (expected all, or some of: ${CLIENT_IDS.join(', ')})`;
    if (words.length === 0) return `expected all, or some of: ${CLIENT_IDS.join(', ')}`;
    return orderClients(words as ClientId[]);
}
