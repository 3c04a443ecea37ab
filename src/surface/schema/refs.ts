/**
 * `$ref` resolution within one schema document. Only local references (`#`, `#/$defs/…`,
 * `#/definitions/…`, any JSON pointer) can be followed: a tool's schema travels alone in
 * `tools/list`, so there is nothing else to fetch. A reference that cannot be followed is
 * left in place and compared as text.
 */
import { isObject } from '../canonical.js';

export interface Resolved {
    /** The schema after following every `$ref` (siblings of a `$ref` are laid over its target). */
    schema: unknown;
    /** The last reference followed, if any. */
    ref?: string;
    /** A reference that could not be followed (remote, anchor, or pointing nowhere). */
    unresolved?: string;
}

/** Follows `$ref` chains from `schema` within `root`; a chain that loops with no schema in it accepts anything. */
export function resolveRefs(schema: unknown, root: unknown): Resolved {
    let current = schema;
    let ref: string | undefined;
    const seen = new Set<string>();
    const siblings: Record<string, unknown>[] = [];
    while (isObject(current) && typeof current.$ref === 'string') {
        const target = current.$ref;
        if (seen.has(target)) return { schema: {}, ref };
        seen.add(target);
        const found = lookupPointer(root, target);
        if (found === undefined) return { schema: layer(current, siblings), ...(ref ? { ref } : {}), unresolved: target };
        const { $ref: _followed, $defs: _defs, definitions: _definitions, $schema: _schema, $id: _id, ...rest } = current;
        siblings.push(rest);
        ref = target;
        current = found;
    }
    return { schema: layer(current, siblings), ...(ref ? { ref } : {}) };
}

/**
 * Lays `$ref` siblings over the target, the outermost last so it wins (2020-12 lets them apply
 * together). Definitions and document keywords are not laid over: they say nothing about the
 * value, and leaving them out keeps the target itself, so a cycle through the root is seen.
 */
function layer(target: unknown, siblings: Record<string, unknown>[]): unknown {
    const extra = siblings.filter((s) => Object.keys(s).length > 0);
    if (extra.length === 0 || !isObject(target)) return target;
    return Object.assign({}, target, ...extra.reverse());
}

/** The value at a local reference (`#` or `#/a/b`), or undefined when it is not one or leads nowhere. */
export function lookupPointer(root: unknown, ref: string): unknown {
    if (!ref.startsWith('#')) return undefined;
    let fragment: string;
    try {
        fragment = decodeURIComponent(ref.slice(1));
    } catch {
        return undefined;
    }
    if (fragment === '') return root;
    if (!fragment.startsWith('/')) return undefined; // an `$anchor` name: not supported
    let node: unknown = root;
    for (const raw of fragment.slice(1).split('/')) {
        const token = raw.replaceAll('~1', '/').replaceAll('~0', '~');
        if (Array.isArray(node)) node = /^\d+$/.test(token) ? node[Number(token)] : undefined;
        else if (isObject(node) && Object.hasOwn(node, token)) node = node[token];
        else return undefined;
        if (node === undefined) return undefined;
    }
    return node;
}
