/** Walking the schemas of every tool, for rules that look at each subschema. */
import type { ListedTool } from '../../../../connect/client.js';
import type { ClientId } from '../clients.js';
import { pointerSegment, walkSchema, type SchemaPlace } from '../schema-walk.js';
import type { PortabilityHit } from '../types.js';

/** What a per-node check returns: problems at pointers, optionally for some clients only. */
type NodeHit = Omit<PortabilityHit, 'tool'>;

/** Which of a tool's schemas a rule reads. Model APIs only see `inputSchema`; MCP clients parse both. */
type SchemaKey = 'inputSchema' | 'outputSchema';

/**
 * Runs `check` on every subschema of each tool's input schema (and output schema, when
 * `outputClients` says which clients parse it) and collects the hits with their tool.
 */
export function checkEachNode(
    tools: readonly ListedTool[],
    check: (node: Record<string, unknown> | boolean, place: SchemaPlace, schema: SchemaKey) => NodeHit | NodeHit[] | undefined,
    outputClients?: readonly ClientId[],
): PortabilityHit[] {
    const hits: PortabilityHit[] = [];
    for (const tool of tools) {
        const keys: SchemaKey[] = outputClients ? ['inputSchema', 'outputSchema'] : ['inputSchema'];
        for (const key of keys) {
            walkSchema(tool.raw[key], `/${key}`, (node, place) => {
                const found = check(node, place, key);
                for (const hit of found === undefined ? [] : Array.isArray(found) ? found : [found]) {
                    hits.push({ tool, ...hit, ...(key === 'outputSchema' ? { clients: outputClients } : {}) });
                }
            });
        }
    }
    return hits;
}

/** Every key of an object schema that is in `keys`, as hits at `<pointer>/<key>`. */
export function keyHits(node: Record<string, unknown> | boolean, place: SchemaPlace, keys: ReadonlySet<string>, problem: (key: string) => string): NodeHit[] {
    if (typeof node === 'boolean') return [];
    return Object.keys(node)
        .filter((key) => keys.has(key))
        .map((key) => ({ pointer: `${place.pointer}/${pointerSegment(key)}`, problem: problem(key) }));
}
