/**
 * Rules for the keywords that constrain a single value: `type`, `enum`/`const`, numeric and
 * length bounds, `pattern`/`format`, `multipleOf`, `uniqueItems`, and the annotations that
 * do not constrain anything. Each rule reports whether the new schema narrows or widens.
 */
import { brief, isObject, jsonKey, sameJson } from '../canonical.js';
import { ANNOTATION_KEYWORDS } from './alternatives.js';
import { at, report, type DiffContext } from './context.js';

type Schema = Record<string, unknown>;

/** Keywords some rule compares; any other keyword has no effect on validation (2020-12 treats unknown keywords as annotations). */
export const VALIDATION_KEYWORDS = new Set([
    'type', 'enum', 'const', 'nullable',
    'minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'multipleOf',
    'minLength', 'maxLength', 'pattern', 'format', 'contentMediaType', 'contentEncoding', 'contentSchema',
    'items', 'prefixItems', 'additionalItems', 'contains', 'minContains', 'maxContains', 'minItems', 'maxItems', 'uniqueItems', 'unevaluatedItems',
    'properties', 'required', 'additionalProperties', 'patternProperties', 'propertyNames', 'minProperties', 'maxProperties',
    'unevaluatedProperties', 'dependentRequired', 'dependentSchemas', 'dependencies',
    'allOf', 'anyOf', 'oneOf', 'not', 'if', 'then', 'else', '$ref', '$dynamicRef',
]); // prettier-ignore

/** The single type of a (non-union) schema, or undefined when any type is allowed. */
function typeOf(schema: Schema): string | undefined {
    if (typeof schema.type === 'string') return schema.type;
    return Array.isArray(schema.type) && schema.type.length === 1 ? String(schema.type[0]) : undefined;
}

/** Compares `type`; returns false when the types are unrelated, so the other keywords are not worth comparing. */
export function compareType(ctx: DiffContext, o: Schema, n: Schema, ptr: string): boolean {
    const a = typeOf(o);
    const b = typeOf(n);
    const p = at(ptr, 'type');
    if (a === b) return true;
    if (a === undefined) report(ctx, p, 'narrows', `type narrowed to "${b}" (any type was allowed)`);
    else if (b === undefined) report(ctx, p, 'widens', `type widened from "${a}" to any type`);
    else if (a === 'number' && b === 'integer') report(ctx, p, 'narrows', 'type narrowed from "number" to "integer"');
    else if (a === 'integer' && b === 'number') report(ctx, p, 'widens', 'type widened from "integer" to "number"');
    else {
        report(ctx, p, 'changes', `type changed from "${a}" to "${b}"`);
        return false;
    }
    return true;
}

/** `enum` and `const` as a set of allowed values: values removed narrow, values added widen. */
export function compareValues(ctx: DiffContext, o: Schema, n: Schema, ptr: string): void {
    const a = allowedValues(o);
    const b = allowedValues(n);
    if (!a && !b) return;
    if (!a) return report(ctx, at(ptr, b!.keyword), 'narrows', `${b!.keyword} added: ${brief(b!.keyword === 'const' ? n.const : n.enum)}`);
    if (!b) return report(ctx, at(ptr, a.keyword), 'widens', `${a.keyword} removed (was ${brief(a.keyword === 'const' ? o.const : o.enum)})`);
    const removed = a.values.filter((v) => !b.keys.has(jsonKey(v)));
    const added = b.values.filter((v) => !a.keys.has(jsonKey(v)));
    const p = at(ptr, b.keyword);
    const list = (values: unknown[]) => values.map((v) => brief(v, 40)).join(', ');
    if (removed.length && added.length) report(ctx, p, 'changes', `allowed values changed: ${list(removed)} removed, ${list(added)} added`);
    else if (removed.length) report(ctx, p, 'narrows', `${a.keyword === 'const' ? 'const' : 'enum'} value${removed.length > 1 ? 's' : ''} removed: ${list(removed)}`);
    else if (added.length) report(ctx, p, 'widens', `enum value${added.length > 1 ? 's' : ''} added: ${list(added)}`);
}

function allowedValues(s: Schema): { keyword: 'const' | 'enum'; values: unknown[]; keys: Set<string> } | undefined {
    const values = 'const' in s ? [s.const] : Array.isArray(s.enum) ? s.enum : undefined;
    if (!values) return undefined;
    return { keyword: 'const' in s ? 'const' : 'enum', values, keys: new Set(values.map(jsonKey)) };
}

interface Bound {
    value: number;
    exclusive: boolean;
    keyword: string;
}

/** The effective numeric bound on one side (`minimum` or `exclusiveMinimum`, whichever is stricter). */
function numericBound(s: Schema, side: 'lower' | 'upper'): Bound | undefined {
    const [inclusive, exclusive] = side === 'lower' ? ['minimum', 'exclusiveMinimum'] : ['maximum', 'exclusiveMaximum'];
    const candidates: Bound[] = [];
    if (typeof s[inclusive] === 'number') candidates.push({ value: s[inclusive], exclusive: false, keyword: inclusive });
    if (typeof s[exclusive] === 'number') candidates.push({ value: s[exclusive], exclusive: true, keyword: exclusive });
    return candidates.sort((x, y) => (stricter(x, y, side) ? -1 : stricter(y, x, side) ? 1 : 0))[0];
}

/** Whether bound `x` allows fewer values than `y`. */
function stricter(x: Bound, y: Bound, side: 'lower' | 'upper'): boolean {
    if (x.value !== y.value) return side === 'lower' ? x.value > y.value : x.value < y.value;
    return x.exclusive && !y.exclusive;
}

const showBound = (b: Bound, side: 'lower' | 'upper') => `${side === 'lower' ? (b.exclusive ? '>' : '≥') : b.exclusive ? '<' : '≤'} ${b.value}`;

/** Numeric bounds (`minimum`, `exclusiveMaximum`, …) and count bounds (`maxLength`, `minItems`, …). */
export function compareBounds(ctx: DiffContext, o: Schema, n: Schema, ptr: string): void {
    for (const side of ['lower', 'upper'] as const) {
        const a = numericBound(o, side);
        const b = numericBound(n, side);
        if (!a && !b) continue;
        if (!a) report(ctx, at(ptr, b!.keyword), 'narrows', `${b!.keyword} added: ${showBound(b!, side)}`);
        else if (!b) report(ctx, at(ptr, a.keyword), 'widens', `${a.keyword} removed (was ${showBound(a, side)})`);
        else if (stricter(b, a, side)) report(ctx, at(ptr, b.keyword), 'narrows', `${b.keyword} tightened from ${showBound(a, side)} to ${showBound(b, side)}`);
        else if (stricter(a, b, side)) report(ctx, at(ptr, b.keyword), 'widens', `${b.keyword} loosened from ${showBound(a, side)} to ${showBound(b, side)}`);
    }
    for (const keyword of ['minLength', 'minItems', 'minProperties', 'minContains']) compareCount(ctx, o, n, ptr, keyword, 'lower');
    for (const keyword of ['maxLength', 'maxItems', 'maxProperties', 'maxContains']) compareCount(ctx, o, n, ptr, keyword, 'upper');
    compareMultipleOf(ctx, o, n, ptr);
    if ((o.uniqueItems === true) !== (n.uniqueItems === true)) {
        const p = at(ptr, 'uniqueItems');
        if (n.uniqueItems === true) report(ctx, p, 'narrows', 'uniqueItems added: items must be unique');
        else report(ctx, p, 'widens', 'uniqueItems removed: duplicate items allowed');
    }
}

function compareCount(ctx: DiffContext, o: Schema, n: Schema, ptr: string, keyword: string, side: 'lower' | 'upper'): void {
    const a = typeof o[keyword] === 'number' ? o[keyword] : undefined;
    const b = typeof n[keyword] === 'number' ? n[keyword] : undefined;
    // A missing lower count is 0 and a missing upper count is unlimited.
    const none = side === 'lower' ? 0 : Infinity;
    const [x, y] = [a ?? none, b ?? none];
    if (x === y) return;
    const p = at(ptr, keyword);
    const tighter = side === 'lower' ? y > x : y < x;
    if (a === undefined) report(ctx, p, 'narrows', `${keyword} ${b} added`);
    else if (b === undefined) report(ctx, p, 'widens', `${keyword} removed (was ${a})`);
    else report(ctx, p, tighter ? 'narrows' : 'widens', `${keyword} ${tighter ? 'tightened' : 'loosened'} from ${a} to ${b}`);
}

function compareMultipleOf(ctx: DiffContext, o: Schema, n: Schema, ptr: string): void {
    const a = typeof o.multipleOf === 'number' ? o.multipleOf : undefined;
    const b = typeof n.multipleOf === 'number' ? n.multipleOf : undefined;
    if (a === b) return;
    const p = at(ptr, 'multipleOf');
    const divides = (x: number, y: number) => Math.abs(y / x - Math.round(y / x)) < 1e-9;
    if (a === undefined) report(ctx, p, 'narrows', `multipleOf ${b} added`);
    else if (b === undefined) report(ctx, p, 'widens', `multipleOf removed (was ${a})`);
    else if (divides(a, b)) report(ctx, p, 'narrows', `multipleOf tightened from ${a} to ${b}`);
    else if (divides(b, a)) report(ctx, p, 'widens', `multipleOf loosened from ${a} to ${b}`);
    else report(ctx, p, 'changes', `multipleOf changed from ${a} to ${b}`);
}

/** `pattern`, `format` and the content keywords: added narrows, removed widens, changed does both. */
export function compareStringRules(ctx: DiffContext, o: Schema, n: Schema, ptr: string): void {
    for (const keyword of ['pattern', 'format', 'contentMediaType', 'contentEncoding']) {
        const a = o[keyword];
        const b = n[keyword];
        if (sameJson(a, b)) continue;
        const p = at(ptr, keyword);
        if (a === undefined) report(ctx, p, 'narrows', `${keyword} added: ${brief(b)}`);
        else if (b === undefined) report(ctx, p, 'widens', `${keyword} removed (was ${brief(a)})`);
        else report(ctx, p, 'changes', `${keyword} changed from ${brief(a)} to ${brief(b)}`);
    }
    if (!sameJson(o.contentSchema, n.contentSchema)) ctx.recurse(ctx, o.contentSchema ?? true, n.contentSchema ?? true, at(ptr, 'contentSchema'));
}

/** Every keyword without validation meaning (descriptions, titles, defaults, unknown keywords): `info`. */
export function compareAnnotations(ctx: DiffContext, o: Schema, n: Schema, ptr: string): void {
    const keys = [...new Set([...Object.keys(o), ...Object.keys(n)])].sort();
    for (const key of keys) {
        if (VALIDATION_KEYWORDS.has(key) || key === '$defs' || key === 'definitions') continue;
        const a = o[key];
        const b = n[key];
        if (sameJson(a, b)) continue;
        const verb = a === undefined ? 'added' : b === undefined ? 'removed' : 'changed';
        const short = (v: unknown) => (typeof v === 'string' || !isObject(v) ? v : brief(v, 200));
        report(ctx, at(ptr, key), 'info', `${ANNOTATION_KEYWORDS.has(key) ? '' : 'keyword '}${key} ${verb}`, {
            ...(a !== undefined ? { before: short(a) } : {}),
            ...(b !== undefined ? { after: short(b) } : {}),
        });
    }
}
