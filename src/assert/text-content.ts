/** Extracts the text a tool result shows a model: its `text` content items, joined by newlines. */
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';

/** All `type: text` items of a result, joined with `\n` (documented: that is what `text:` matches). */
export function textOf(result: CallToolResult): string {
    return (result.content ?? [])
        .filter((item): item is { type: 'text'; text: string } => item.type === 'text' && typeof item.text === 'string')
        .map((item) => item.text)
        .join('\n');
}
