/** A tool result for people: text items as they are, other items as one-line summaries, structured content as pretty JSON. */
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { isDeepStrictEqual } from 'node:util';
import { visibleText } from '../../report/safe-text.js';

/** Renders a result as text; text items that only repeat `structuredContent` as JSON are shown once. */
export function formatCallResult(result: CallToolResult): string {
    const blocks: string[] = [];
    for (const item of (result.content ?? []) as Record<string, unknown>[]) {
        if (item.type === 'text' && typeof item.text === 'string') {
            // Many servers send structured content twice (as the spec suggests); once is enough to read.
            if (result.structuredContent !== undefined && repeats(item.text, result.structuredContent)) continue;
            blocks.push(item.text);
        } else {
            blocks.push(summarize(item));
        }
    }
    if (result.structuredContent !== undefined) blocks.push(JSON.stringify(result.structuredContent, null, 2));
    // Server text can carry terminal escape sequences; show them instead of obeying them.
    return visibleText(blocks.join('\n'));
}

function summarize(item: Record<string, unknown>): string {
    const mime = typeof item.mimeType === 'string' ? ` ${item.mimeType}` : '';
    switch (item.type) {
        case 'image':
        case 'audio':
            return `[${item.type}${mime}, ${typeof item.data === 'string' ? decodedSize(item.data) : 0} bytes]`;
        case 'resource_link':
            return `[resource link ${String(item.uri)}${mime}]`;
        case 'resource': {
            const resource = (item.resource ?? {}) as Record<string, unknown>;
            const resourceMime = typeof resource.mimeType === 'string' ? ` ${resource.mimeType}` : '';
            const body = typeof resource.text === 'string' ? `\n${resource.text}` : typeof resource.blob === 'string' ? ` (${decodedSize(resource.blob)} bytes)` : '';
            return `[resource ${String(resource.uri)}${resourceMime}]${body}`;
        }
        default:
            return `[${String(item.type)} content]`;
    }
}

function repeats(text: string, structured: unknown): boolean {
    try {
        return isDeepStrictEqual(JSON.parse(text), structured);
    } catch {
        return false;
    }
}

function decodedSize(base64: string): number {
    return Buffer.from(base64, 'base64').length;
}
