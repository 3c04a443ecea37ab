/**
 * The schema diff engine: two JSON Schemas in, classified changes out, nothing else touched.
 * `$ref`s are followed on each side (a pair of schemas met again while being compared is a
 * cycle and is not compared twice), unions are compared as sets of alternatives, and every
 * finding is classified by the direction the data flows in.
 */
import { compareStrings, isObject, sameJson } from '../canonical.js';
import type { Change } from '../types.js';
import { alternatives, describeAlternative, pairAlternatives, type Alternative } from './alternatives.js';
import { compareArrays, compareObjects } from './containers.js';
import { at, levelFor, report, resolveOn, type DiffContext, type Direction, type SchemaDelta, type SchemaSide } from './context.js';
import { compareAnnotations, compareBounds, compareStringRules, compareType, compareValues } from './keywords.js';

type Schema = Record<string, unknown>;

/** Deeper than any hand-written schema; only a pathological one gets here, and it stops instead of overflowing. */
const MAX_DEPTH = 200;

export interface SchemaDiffOptions {
    direction: Direction;
    /** Pointer of the schema within the surface, prefixed to every change. @default '' */
    pointer?: string;
}

/** Compares two JSON Schemas; returns the changes sorted by pointer, classified for the direction. */
export function diffSchemas(oldSchema: unknown, newSchema: unknown, options: SchemaDiffOptions): Change[] {
    return schemaDeltas(oldSchema, newSchema, options.pointer ?? '').map((d) => ({
        pointer: d.pointer,
        level: levelFor(d.effect, options.direction),
        reason: d.reason,
        ...(d.before !== undefined ? { before: d.before } : {}),
        ...(d.after !== undefined ? { after: d.after } : {}),
    }));
}

/** The unclassified findings (narrows / widens / …), deduplicated and sorted by pointer. */
export function schemaDeltas(oldSchema: unknown, newSchema: unknown, pointer = ''): SchemaDelta[] {
    const side = (root: unknown): SchemaSide => ({ root, cache: new WeakMap() });
    const ctx: DiffContext = { old: side(oldSchema), new: side(newSchema), active: new Set(), flipped: false, depth: 0, out: [], recurse: compareSchemas };
    compareSchemas(ctx, oldSchema, newSchema, pointer);
    const seen = new Set<string>();
    return ctx.out
        .filter((d) => {
            const key = `${d.pointer}\u0000${d.effect}\u0000${d.reason}`;
            return seen.has(key) ? false : (seen.add(key), true);
        })
        .sort((a, b) => compareStrings(a.pointer, b.pointer) || compareStrings(a.reason, b.reason));
}

const ids = new WeakMap<object, number>();
let nextId = 1;
function identity(value: unknown): string {
    if (typeof value !== 'object' || value === null) return JSON.stringify(value) ?? 'undefined';
    let id = ids.get(value);
    if (id === undefined) ids.set(value, (id = nextId++));
    return `#${id}`;
}

/** Resolves both sides and compares them, unless this very pair is already being compared further up (a cycle). */
function compareSchemas(ctx: DiffContext, oldSchema: unknown, newSchema: unknown, pointer: string): void {
    if (ctx.depth > MAX_DEPTH) return;
    const o = resolveOn(ctx.old, oldSchema);
    const n = resolveOn(ctx.new, newSchema);
    const key = `${identity(o.schema)}|${identity(n.schema)}|${ctx.flipped}`;
    if (ctx.active.has(key)) return;
    ctx.active.add(key);
    try {
        if (o.unresolved !== n.unresolved) {
            report(ctx, at(pointer, '$ref'), 'changes', `$ref ${o.unresolved ?? 'resolved'} became ${n.unresolved ?? 'resolved'} (cannot compare)`);
        }
        compareResolved({ ...ctx, depth: ctx.depth + 1 }, o.schema, n.schema, pointer);
    } finally {
        ctx.active.delete(key);
    }
}

/** Both sides resolved: annotations, then either one schema against the other or union against union. */
function compareResolved(ctx: DiffContext, o: unknown, n: unknown, ptr: string): void {
    if (o === false || n === false) {
        if (o === n) return;
        if (o === false) report(ctx, ptr, 'widens', 'values are allowed where none were (schema was false)');
        else report(ctx, ptr, 'narrows', 'no value is allowed any more (schema is false)');
        return;
    }
    const os: Schema = isObject(o) ? o : {};
    const ns: Schema = isObject(n) ? n : {};
    compareAnnotations(ctx, os, ns, ptr);
    const ao = alternatives(os, ptr, (s) => resolveOn(ctx.old, s).schema);
    const an = alternatives(ns, ptr, (s) => resolveOn(ctx.new, s).schema);
    if (ao.length === 1 && an.length === 1) return compareAlternatives(ctx, ao[0]!, an[0]!);
    const { pairs, removed, added } = pairAlternatives(ao, an, (a, b) => equivalent(ctx, a.schema, b.schema));
    for (const [a, b] of pairs) compareAlternatives(ctx, a, b);
    for (const alt of removed) {
        report(ctx, alt.type ? at(alt.pointer, 'type') : alt.pointer, 'narrows', alt.type ? `type "${alt.type}" no longer allowed` : `alternative removed: ${describeAlternative(alt)}`);
    }
    for (const alt of added) {
        report(ctx, alt.type ? at(alt.pointer, 'type') : alt.pointer, 'widens', alt.type ? `type "${alt.type}" now allowed` : `alternative added: ${describeAlternative(alt)}`);
    }
}

function compareAlternatives(ctx: DiffContext, a: Alternative, b: Alternative): void {
    const os: Schema = isObject(a.schema) ? a.schema : {};
    const ns: Schema = isObject(b.schema) ? b.schema : {};
    if (a.schema === false || b.schema === false) return compareResolved(ctx, a.schema, b.schema, b.pointer);
    // A union's own annotations were compared with the union; a branch has its own.
    if (a.branch || b.branch) compareAnnotations(ctx, a.branch ? os : {}, b.branch ? ns : {}, b.pointer);
    compareSingle(ctx, os, ns, b.pointer);
}

/** Whether two schemas compare without a single finding (used to pair union members). */
function equivalent(ctx: DiffContext, a: unknown, b: unknown): boolean {
    const scratch: DiffContext = { ...ctx, out: [], active: new Set(ctx.active) };
    compareSchemas(scratch, a, b, '');
    return scratch.out.length === 0;
}

/** Two non-union schemas, keyword by keyword. */
function compareSingle(ctx: DiffContext, o: Schema, n: Schema, ptr: string): void {
    if (!compareType(ctx, o, n, ptr)) return;
    compareValues(ctx, o, n, ptr);
    compareBounds(ctx, o, n, ptr);
    compareStringRules(ctx, o, n, ptr);
    compareObjects(ctx, o, n, ptr);
    compareArrays(ctx, o, n, ptr);
    compareComposition(ctx, o, n, ptr);
}

/** `allOf`, `anyOf`/`oneOf` beside other keywords, `not`, and `if`/`then`/`else`. */
function compareComposition(ctx: DiffContext, o: Schema, n: Schema, ptr: string): void {
    compareMembers(ctx, members(o, 'allOf', ptr, ctx, 'old'), members(n, 'allOf', ptr, ctx, 'new'), 'allOf');
    const uo = Array.isArray(o.anyOf) ? 'anyOf' : Array.isArray(o.oneOf) ? 'oneOf' : undefined;
    const un = Array.isArray(n.anyOf) ? 'anyOf' : Array.isArray(n.oneOf) ? 'oneOf' : undefined;
    if (uo && un && uo !== un) {
        // oneOf also rejects values that match two branches, so it is the narrower of the two.
        report(ctx, at(ptr, un), un === 'oneOf' ? 'narrows' : 'widens', `${uo} became ${un}`);
    }
    if (uo || un) compareMembers(ctx, members(o, uo, ptr, ctx, 'old'), members(n, un, ptr, ctx, 'new'), un ?? uo!);
    if (o.not !== undefined || n.not !== undefined) {
        const p = at(ptr, 'not');
        if (o.not === undefined) report(ctx, p, 'narrows', 'not added');
        else if (n.not === undefined) report(ctx, p, 'widens', 'not removed');
        else ctx.recurse({ ...ctx, flipped: !ctx.flipped }, o.not, n.not, p);
    }
    for (const keyword of ['if', 'then', 'else']) {
        if (!sameJson(o[keyword], n[keyword])) report(ctx, at(ptr, keyword), 'changes', `${keyword} changed (conditional schemas are compared as a whole)`);
    }
}

function members(s: Schema, keyword: string | undefined, ptr: string, ctx: DiffContext, side: 'old' | 'new'): Alternative[] {
    const list = keyword && Array.isArray(s[keyword]) ? (s[keyword] as unknown[]) : [];
    return list.map((m, i) => ({ schema: resolveOn(ctx[side], m).schema, pointer: at(at(ptr, keyword!), i), branch: true }));
}

/** Members as sets: for `allOf` a new member narrows; for `anyOf`/`oneOf` a new member widens. */
function compareMembers(ctx: DiffContext, olds: Alternative[], news: Alternative[], keyword: string): void {
    if (olds.length === 0 && news.length === 0) return;
    const conjunction = keyword === 'allOf';
    const { pairs, removed, added } = pairAlternatives(olds, news, (a, b) => equivalent(ctx, a.schema, b.schema));
    for (const [a, b] of pairs) compareSchemas(ctx, a.schema, b.schema, b.pointer);
    for (const alt of removed) report(ctx, alt.pointer, conjunction ? 'widens' : 'narrows', `${keyword} member removed: ${describeAlternative(alt)}`);
    for (const alt of added) report(ctx, alt.pointer, conjunction ? 'narrows' : 'widens', `${keyword} member added: ${describeAlternative(alt)}`);
}
