/**
 * Maps spec paths to `file:line:col` using the YAML syntax tree (through its compact index),
 * never by searching the text: the same key can appear many times, and only the tree knows
 * which one is meant. A spec parsed without positions (see `fast-parse.ts`) builds its index
 * with `yaml` the first time a location's line or column is read, once for the file.
 */
import { LineCounter } from 'yaml';
import { deferredLocation, type SourceLocation } from '../errors.js';
import { describePath } from './paths.js';
import { startOf, type PositionNode } from './position-index.js';
import type { SpecPath } from './types.js';

/**
 * What the checking stages need to point at a spec path. A spec whose servers were imported
 * from other files (`$import`) answers for those servers with the imported file's positions
 * and key names, so errors name the file the user has to edit.
 */
export interface Locator {
    /** The spec file; relative files (`schema:`, `$import`) resolve against its directory. */
    readonly file: string;
    /** Where the value at `path` was written, or its nearest existing parent. */
    locate(path: SpecPath): SourceLocation;
    /** Where the key `key` of the mapping at `path` was written (for unknown or misplaced keys). */
    locateKey(path: SpecPath, key: string): SourceLocation;
    /** The subject of a message about `path`, as the user wrote it in the file it comes from. */
    describe(path: SpecPath): string;
}

/** The index of one document and the line starts to turn its offsets into lines and columns. */
interface PositionIndex {
    root: PositionNode | undefined;
    lineCounter: LineCounter;
}

/** Resolves paths in one parsed document to source locations. */
export class SpecPositions implements Locator {
    // The index, or what builds it on first use.
    private index: PositionIndex | (() => SpecPositions);

    constructor(root: PositionNode | undefined, lineCounter: LineCounter, readonly file: string) {
        this.index = { root, lineCounter };
    }

    /**
     * Positions whose index `build` makes when a location is first read. Until then `locate`
     * and `locateKey` answer with locations whose `line` and `col` are worked out on reading.
     */
    static deferred(file: string, build: () => SpecPositions): SpecPositions {
        const positions = new SpecPositions(undefined, new LineCounter(), file);
        positions.index = build;
        return positions;
    }

    /** Where the value at `path` was written, or its nearest existing parent. */
    locate(path: SpecPath): SourceLocation {
        if (typeof this.index === 'function') return this.later(() => this.locate(path));
        return this.at(this.walk(path).offset);
    }

    /**
     * Where the key `key` of the mapping at `path` was written; used for unknown keys, where
     * the key itself is the mistake. Falls back to the mapping (or its nearest parent).
     */
    locateKey(path: SpecPath, key: string): SourceLocation {
        if (typeof this.index === 'function') return this.later(() => this.locateKey(path, key));
        const found = this.walk([...path, key]);
        return this.at(found.complete && found.keyOffset !== undefined ? found.keyOffset : found.offset);
    }

    /** The path as written in this document: `servers.weather.env`, or `top level`. */
    describe(path: SpecPath): string {
        return describePath(path);
    }

    /** Converts a character offset into a 1-based location in this file. */
    at(offset: number): SourceLocation {
        const { line, col } = this.built().lineCounter.linePos(offset);
        return { file: this.file, line, col };
    }

    private built(): PositionIndex {
        if (typeof this.index === 'function') this.index = this.index().built();
        return this.index;
    }

    // Indexes the file, then finds the location: for `deferredLocation`.
    private later(find: () => SourceLocation): SourceLocation {
        return deferredLocation(this.file, () => {
            this.built();
            return find();
        });
    }

    // Follows `path` through the tree as far as it exists, remembering the best offset so far.
    private walk(path: SpecPath): { offset: number; keyOffset?: number; complete: boolean } {
        let node = this.built().root;
        let offset = startOf(node).start ?? 0;
        let keyOffset: number | undefined;
        for (const segment of path) {
            let next: PositionNode | undefined;
            keyOffset = undefined;
            const entries = typeof node === 'object' ? node.entries : undefined;
            const items = typeof node === 'object' ? node.items : undefined;
            if (entries) {
                // The first of duplicate keys, as the YAML library's own lookups do.
                const key = String(segment);
                let at = 0;
                while (at < entries.length && entries[at] !== key) at += 3;
                if (at >= entries.length) return { offset, complete: false };
                keyOffset = entries[at + 1] as number | undefined;
                next = entries[at + 2] as PositionNode | undefined;
            } else if (items && typeof segment === 'number') {
                if (segment < 0 || segment >= items.length) return { offset, complete: false };
                next = items[segment];
            } else {
                return { offset, complete: false };
            }
            // An empty value (`expect:` with nothing after it) has no useful position of its
            // own, so point at its key instead.
            offset = startOf(next).valueStart ?? keyOffset ?? offset;
            node = next;
        }
        return { offset, keyOffset, complete: true };
    }
}
