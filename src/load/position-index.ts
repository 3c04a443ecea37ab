/**
 * A compact copy of what locating needs from a YAML `Document`: each node's start offset and,
 * for collections, their keys and children. Keeping it instead of the `Document` lets the
 * syntax tree be garbage-collected after parsing; a large spec's tree is many times its size.
 */
import { isAlias, isMap, isScalar, isSeq, visit, type Alias, type Document, type Node, type YAMLMap, type YAMLSeq } from 'yaml';

/**
 * Where one node of the document was written. A scalar is only its start offset, as a number
 * (`-1 - start` when it is empty), since a large spec has hundreds of thousands of them.
 */
export type PositionNode = number | PositionCollection;

/** A node with children (or an alias to one). */
export interface PositionCollection {
    /** The node's first offset; absent for nodes without a range. */
    start?: number;
    /** `start` when the node has content; an empty value (`expect:`) points at its key instead. */
    valueStart?: number;
    /**
     * A mapping's pairs in document order (duplicates kept), flat to stay small: key text (or
     * `undefined` for a null key), key start, value, for each pair. Through an alias, the
     * entries of the node it names.
     */
    entries?: MapEntries;
    /** A sequence's items; through an alias, those of the sequence it names. */
    items?: (PositionNode | undefined)[];
}

/** See `PositionNode.entries`. */
export type MapEntries = (string | number | PositionNode | undefined)[];

/** Lets a caller supply the index of a node it composed elsewhere (see `yaml-stream.ts`). */
export type Substitute = (node: Node) => PositionNode | undefined;

/** Indexes the nodes of `doc` reachable from its contents. */
export function indexDocument(doc: Document, substitute?: Substitute): PositionNode | undefined {
    return new Indexer(doc, substitute).node(doc.contents);
}

/** The node's first offset, and that offset only when the node has content. */
export function startOf(node: PositionNode | undefined): { start?: number; valueStart?: number } {
    if (node === undefined) return {};
    if (typeof node !== 'number') return node;
    return node >= 0 ? { start: node, valueStart: node } : { start: -1 - node };
}

/** Indexes one node of `doc` (for sequence items composed on their own). */
export function indexNode(doc: Document, node: unknown, substitute?: Substitute): PositionNode | undefined {
    return new Indexer(doc, substitute).node(node);
}

class Indexer {
    // Aliased collections share their children, and a collection that contains an alias to
    // itself finds them here before they are filled in. Arrays are made at their final length:
    // grown by `push`, each would reserve room for 17, and a large spec has a great many.
    private readonly children = new Map<Node, MapEntries | (PositionNode | undefined)[]>();
    private aliasTargets?: Map<Alias, Node | undefined>;

    constructor(
        private readonly doc: Document,
        private readonly substitute: Substitute | undefined,
    ) {}

    node(value: unknown): PositionNode | undefined {
        if (value === null || value === undefined) return undefined;
        const node = value as Node;
        const own = this.substitute?.(node);
        if (own !== undefined) return own;
        const range = node.range;
        const target = isAlias(node) ? this.resolve(node) : node;
        if (!isMap(target) && !isSeq(target)) return range ? (range[1] > range[0] ? range[0] : -1 - range[0]) : undefined;
        const result: PositionCollection = {};
        if (range) {
            result.start = range[0];
            if (range[1] > range[0]) result.valueStart = range[0];
        }
        if (isMap(target)) result.entries = this.entries(target);
        else result.items = this.items(target);
        return result;
    }

    // `Alias.resolve` walks the whole document for every alias; one walk for all of them keeps
    // a spec with an alias per test linear. Same rule: the last anchor of that name before it.
    private resolve(alias: Alias): Node | undefined {
        if (!this.aliasTargets) {
            const targets = new Map<Alias, Node | undefined>();
            const anchored = new Map<string, Node>();
            visit(this.doc, {
                Node: (_key, node) => {
                    if (isAlias(node)) targets.set(node, anchored.get(node.source));
                    else if (node.anchor) anchored.set(node.anchor, node);
                },
            });
            this.aliasTargets = targets;
        }
        return this.aliasTargets.get(alias);
    }

    private entries(map: YAMLMap): MapEntries {
        const known = this.children.get(map);
        if (known) return known as MapEntries;
        const entries: MapEntries = new Array(map.items.length * 3);
        this.children.set(map, entries);
        map.items.forEach((pair, i) => {
            entries[i * 3] = keyText(pair.key);
            entries[i * 3 + 1] = (pair.key as Node | null)?.range?.[0];
            entries[i * 3 + 2] = this.node(pair.value);
        });
        return entries;
    }

    private items(seq: YAMLSeq): (PositionNode | undefined)[] {
        const known = this.children.get(seq);
        if (known) return known as (PositionNode | undefined)[];
        const items: (PositionNode | undefined)[] = new Array(seq.items.length);
        this.children.set(seq, items);
        seq.items.forEach((item, i) => {
            items[i] = this.node(item);
        });
        return items;
    }
}

// The key as a path segment matches it: `200:` is found by 200 and "200"; `~:` by nothing.
function keyText(key: unknown): string | undefined {
    const value = isScalar(key) ? key.value : key;
    return value === null || value === undefined ? undefined : String(value);
}
