/**
 * Parses a YAML document without ever holding its whole syntax tree. The `yaml` library's
 * concrete syntax tree takes about 65 times the size of the text and its `Document` another
 * 30, both alive together while composing: a generated spec of 10,000 calls (1 MB) would need
 * over 100 MB. Here, while the text is being parsed, the finished items of block sequences
 * (`tests:`, `calls:`) are composed in batches, turned into plain data and a position index,
 * and their subtrees are replaced by a placeholder, so only a small part of the tree is alive
 * at any time.
 *
 * Composing an item apart from its document is only equivalent when nothing links it to the
 * rest (anchors, aliases, directives) and when no error is found: the caller then parses the
 * whole text the ordinary way, so every error message and location is exactly the library's.
 */
import { Composer, Lexer, Parser, isAlias, isNode, isScalar, isSeq, visit, type CST, type DocumentOptions, type LineCounter, type Node, type ParseOptions, type SchemaOptions } from 'yaml';
import { indexDocument, indexNode, type PositionNode } from './position-index.js';

/** The document's value as plain data (like `doc.toJS()`) and its position index. */
export interface StreamedDocument {
    data: unknown;
    index: PositionNode | undefined;
    /** True when the document has no content (`doc.contents === null`). */
    empty: boolean;
}

/** A batch's items are composed after this many lexical tokens (a few dozen calls' worth). */
const PRUNE_EVERY = 4096;

type Options = ParseOptions & DocumentOptions & SchemaOptions;

/** An item composed on its own, waiting for its placeholder in the main document. */
interface Piece {
    data: unknown;
    index: PositionNode | undefined;
}

/**
 * Parses `source` as one YAML document, filling `lineCounter`. Returns `undefined` when the
 * text must be parsed whole instead: it has errors, several documents, directives, anchors or
 * aliases that cross a composed item, or `toJS` throws.
 */
export function parseYamlInPieces(source: string, lineCounter: LineCounter, options: Options): StreamedDocument | undefined {
    const stream = new PieceStream(source, lineCounter, options);
    const composer = new Composer(options);
    let doc;
    for (const composed of composer.compose(stream.tokens(), true, source.length)) {
        if (doc) return undefined; // several documents: an error, reported by the whole parse
        doc = composed;
    }
    if (!doc || stream.unsafe || doc.errors.length > 0) return undefined;
    if (doc.contents === null) return { data: undefined, index: undefined, empty: true };
    const index = indexDocument(doc, (node) => stream.fill(node));
    if (stream.unsafe || stream.pending > 0) return undefined;
    try {
        return { data: doc.toJS(), index, empty: false };
    } catch {
        return undefined;
    }
}

class PieceStream {
    /** Set when composing items apart could differ from composing the whole document. */
    unsafe = false;
    private readonly parser: Parser;
    // Placeholders by offset: a placeholder starts where its item's value did, and no other
    // node of the composed document starts there.
    private readonly pieces = new Map<number, Piece>();
    // How many leading items of each block sequence have been looked at.
    private readonly pruned = new WeakMap<CST.BlockSequence, number>();

    constructor(
        private readonly source: string,
        private readonly lineCounter: LineCounter,
        private readonly options: Options,
    ) {
        this.parser = new Parser(lineCounter.addNewLine);
    }

    /** Placeholders not matched yet; any left at the end means a piece was lost. */
    get pending(): number {
        return this.pieces.size;
    }

    /** The parser's top-level tokens, as `Parser.parse` yields them, pruning as it goes. */
    *tokens(): Generator<CST.Token> {
        this.lineCounter.addNewLine(0); // as `Parser.parse` does for the first line
        let count = 0;
        for (const lexeme of new Lexer().lex(this.source)) {
            for (const token of this.parser.next(lexeme)) {
                // `%TAG` and `%YAML` change how nodes resolve; items composed apart would not see them.
                if (token.type === 'directive') this.unsafe = true;
                yield token;
            }
            count += 1;
            if (count % PRUNE_EVERY === 0 && !this.unsafe) this.prune();
        }
        yield* this.parser.end();
    }

    /**
     * Gives a placeholder of the main document (or of a batch) the data and index of its item:
     * the data goes into the placeholder scalar, so `toJS` copies it into place.
     */
    fill(node: Node): PositionNode | undefined {
        if (!isScalar(node) || node.value !== null || !node.range) return undefined;
        const piece = this.pieces.get(node.range[0]);
        if (!piece) return undefined;
        this.pieces.delete(node.range[0]);
        node.value = piece.data;
        return piece.index;
    }

    // Composes the finished items of every open block sequence. Only the last item of a
    // sequence can still grow; the ones before it are complete.
    private prune(): void {
        for (const token of this.parser.stack) {
            if (token.type !== 'block-seq') continue;
            const done = token.items.length - 1;
            const from = this.pruned.get(token) ?? 0;
            if (from >= done) continue;
            this.pruned.set(token, done);
            const items = token.items.slice(from, done).filter((item) => isCollection(item.value));
            if (items.length > 0) this.compose(token, items);
            if (this.unsafe) return;
        }
    }

    // The items are composed in a sequence like their own (same indent, same `-` tokens), so
    // each is read in the same context as in the whole document.
    private compose(seq: CST.BlockSequence, items: CST.BlockSequence['items']): void {
        const composer = new Composer(this.options);
        const value: CST.BlockSequence = { type: 'block-seq', offset: seq.offset, indent: seq.indent, items };
        const docs = [...composer.next({ type: 'document', offset: seq.offset, start: [], value, end: [] }), ...composer.end()];
        const doc = docs[0];
        const nodes = doc?.contents;
        if (docs.length !== 1 || !doc || doc.errors.length > 0 || !isSeq(nodes) || nodes.items.length !== items.length) {
            this.unsafe = true;
            return;
        }
        const placed: Piece[] = [];
        for (const node of nodes.items as Node[]) {
            // An anchor here could be named by an alias elsewhere, which would then not find it.
            if (hasAnchor(node)) {
                this.unsafe = true;
                return;
            }
            const index = indexNode(doc, node, (n) => this.fill(n));
            let data: unknown;
            try {
                data = node.toJS(doc);
            } catch {
                this.unsafe = true; // an alias, found only now
                return;
            }
            placed.push({ data, index });
        }
        for (const [i, item] of items.entries()) {
            const original = item.value as CST.Token & { indent: number };
            this.pieces.set(original.offset, placed[i] as Piece);
            // `~` composes to a null scalar at the same offset: `fill` finds it there.
            item.value = { type: 'scalar', offset: original.offset, indent: original.indent, source: '~' };
        }
    }
}

function isCollection(token: CST.Token | undefined): boolean {
    return token?.type === 'block-map' || token?.type === 'block-seq' || token?.type === 'flow-collection';
}

// Anchors or aliases anywhere in the node: composed apart, they would not be linked.
function hasAnchor(node: Node): boolean {
    let found = false;
    visit(node, (_key, child) => {
        if (isAlias(child) || (isNode(child) && child.anchor !== undefined)) {
            found = true;
            return visit.BREAK;
        }
        return undefined;
    });
    return found;
}
