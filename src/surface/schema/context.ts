/**
 * Shared state of one schema comparison. Rules do not decide whether a change is breaking:
 * they say whether it *narrows* (fewer values valid) or *widens* (more values valid) the
 * schema, and the direction (input or output) turns that into a level at the end. That is
 * what makes the same change breaking in an `inputSchema` and harmless in an `outputSchema`.
 */
import { childPointer } from '../canonical.js';
import type { ChangeLevel } from '../types.js';
import { resolveRefs, type Resolved } from './refs.js';

/**
 * What a change does to the set of valid values: `narrows`, `widens`, `changes` (both, e.g. a
 * new `pattern`), `neutral` (harmless either way, e.g. an optional property added) or `info`
 * (no effect on validation: descriptions, titles, examples).
 */
export type Effect = 'narrows' | 'widens' | 'changes' | 'neutral' | 'info';

/** Whether a schema describes what clients send (`input`) or what they read (`output`). */
export type Direction = 'input' | 'output';

/** One finding before classification. */
export interface SchemaDelta {
    pointer: string;
    effect: Effect;
    reason: string;
    before?: unknown;
    after?: unknown;
}

/** One side of the comparison: its root (for `$ref`) and resolved sub-schemas, kept so identities stay stable. */
export interface SchemaSide {
    root: unknown;
    cache: WeakMap<object, Resolved>;
}

export interface DiffContext {
    old: SchemaSide;
    new: SchemaSide;
    /** Pairs of schema objects being compared right now; meeting one again means a `$ref` cycle. */
    active: Set<string>;
    /** Under an odd number of `not`s, narrowing the inner schema widens the outer one. */
    flipped: boolean;
    depth: number;
    out: SchemaDelta[];
    /** Compares two sub-schemas at a pointer (resolving `$ref`s); set by the engine so rule modules need not import it. */
    recurse(ctx: DiffContext, oldSchema: unknown, newSchema: unknown, pointer: string): void;
}

/** Records a finding, turning narrow into widen (and back) under `not`. */
export function report(ctx: DiffContext, pointer: string, effect: Effect, reason: string, extra: { before?: unknown; after?: unknown } = {}): void {
    const flipped = ctx.flipped && effect === 'narrows' ? 'widens' : ctx.flipped && effect === 'widens' ? 'narrows' : effect;
    ctx.out.push({ pointer, effect: flipped, reason, ...extra });
}

/** Resolves a sub-schema on one side, memoised so the same input always gives the same object. */
export function resolveOn(side: SchemaSide, schema: unknown): Resolved {
    if (typeof schema !== 'object' || schema === null) return { schema };
    let resolved = side.cache.get(schema);
    if (!resolved) {
        resolved = resolveRefs(schema, side.root);
        side.cache.set(schema, resolved);
    }
    return resolved;
}

/**
 * The level of a finding for clients: they send inputs, so narrowing an input breaks them;
 * they read outputs, so widening an output breaks them.
 */
export function levelFor(effect: Effect, direction: Direction): ChangeLevel {
    if (effect === 'info') return 'info';
    if (effect === 'neutral') return 'non-breaking';
    if (effect === 'changes') return 'breaking';
    return (effect === 'narrows') === (direction === 'input') ? 'breaking' : 'non-breaking';
}

/** Shorthand used by every rule module. */
export const at = childPointer;
