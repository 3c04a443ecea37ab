/** The tools a server listed, with their schemas compiled at most once per run. */
import { compileSchema, type CompiledSchema } from '../assert/index.js';
import type { ListedTool } from '../connect/client.js';

export interface IndexedTool {
    listed: ListedTool;
    inputSchema(): CompiledSchema;
    /** Undefined when the tool declares no outputSchema. */
    outputSchema(): CompiledSchema | undefined;
}

/** Indexes listed tools by name; the first of duplicate names wins. */
export function indexTools(tools: readonly ListedTool[]): Map<string, IndexedTool> {
    const index = new Map<string, IndexedTool>();
    for (const listed of tools) {
        if (index.has(listed.name)) continue;
        index.set(listed.name, {
            listed,
            inputSchema: once(() =>
                'inputSchema' in listed.raw ? compileSchema(listed.raw.inputSchema) : { ok: false, error: 'the tool has no inputSchema' },
            ),
            outputSchema: once(() => (listed.raw.outputSchema === undefined ? undefined : compileSchema(listed.raw.outputSchema))),
        });
    }
    return index;
}

function once<T>(compute: () => T): () => T {
    let done = false;
    let value: T;
    return () => {
        if (!done) {
            value = compute();
            done = true;
        }
        return value;
    };
}
