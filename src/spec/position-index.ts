/**
 * A compact copy of what locating needs from a YAML `Document`: each node's start offset and,
 * for collections, their keys and children. Keeping it instead of the `Document` lets the
 * syntax tree be garbage-collected after parsing; a large spec's tree is many times its size.
 */
import { isAlias, isCollection, isMap, isScalar, isSeq, type Document, type Node } from 'yaml';

/** Where one node of the document was written. */
export interface PositionNode {
    /** The node's first offset; absent for nodes without a range. */
    start?: number;
    /** `start` when the node has content; an empty value (`expect:`) points at its key instead. */
    valueStart?: number;
    /** Its children, through an alias to the node it names; absent for scalars. */
    body?: PositionBody;
}

/** The children of a mapping (in document order, duplicates kept) or of a sequence. */
export type PositionBody =
    | { kind: 'map'; keys: (string | undefined)[]; keyStarts: (number | undefined)[]; values: (PositionNode | undefined)[] }
    | { kind: 'seq'; items: (PositionNode | undefined)[] };

/** Lets a caller supply the index of a node it composed elsewhere (see `yaml-stream.ts`). */
export type Substitute = (node: Node) => PositionNode | undefined;

/** Indexes the nodes of `doc` reachable from its contents. */
export function indexDocument(doc: Document, substitute?: Substitute): PositionNode | undefined {
    return new Indexer(doc, substitute).node(doc.contents);
}

/** Indexes one node of `doc` (for sequence items composed on their own). */
export function indexNode(doc: Document, node: unknown, substitute?: Substitute): PositionNode | undefined {
    return new Indexer(doc, substitute).node(node);
}

class Indexer {
    // Aliased collections share one body, and a collection that contains an alias to itself
    // finds its body here before it is filled in.
    private readonly bodies = new Map<Node, PositionBody>();

    constructor(
        private readonly doc: Document,
        private readonly substitute: Substitute | undefined,
    ) {}

    node(value: unknown): PositionNode | undefined {
        if (value === null || value === undefined) return undefined;
        const node = value as Node;
        const own = this.substitute?.(node);
        if (own) return own;
        const range = node.range;
        const result: PositionNode = {};
        if (range) {
            result.start = range[0];
            if (range[1] > range[0]) result.valueStart = range[0];
        }
        const target = isAlias(node) ? node.resolve(this.doc) : node;
        if (isCollection(target)) result.body = this.body(target);
        return result;
    }

    private body(node: Node): PositionBody | undefined {
        const known = this.bodies.get(node);
        if (known) return known;
        // Arrays are built at their final length (`map`): grown by `push`, each would reserve
        // room for 17 entries, and a large spec has hundreds of thousands of them.
        if (isMap(node)) {
            const body: PositionBody = { kind: 'map', keys: [], keyStarts: [], values: [] };
            this.bodies.set(node, body);
            body.keys = node.items.map((pair) => keyText(pair.key));
            body.keyStarts = node.items.map((pair) => (pair.key as Node | null)?.range?.[0]);
            body.values = node.items.map((pair) => this.node(pair.value));
            return body;
        }
        if (isSeq(node)) {
            const body: PositionBody = { kind: 'seq', items: [] };
            this.bodies.set(node, body);
            body.items = node.items.map((item) => this.node(item));
            return body;
        }
        return undefined;
    }
}

// The key as a path segment matches it: `200:` is found by 200 and "200"; `~:` by nothing.
function keyText(key: unknown): string | undefined {
    const value = isScalar(key) ? key.value : key;
    return value === null || value === undefined ? undefined : String(value);
}
