/**
 * Rules for objects and arrays: properties added, removed or made required, closed or
 * opened `additionalProperties`, `items`, tuples and `contains`. Sub-schemas are compared
 * through `ctx.recurse`, so `$ref`s and cycles are handled in one place.
 */
import { compareStrings, isObject, sameJson } from '../canonical.js';
import { at, report, type DiffContext } from './context.js';

type Schema = Record<string, unknown>;

/** `properties`, `required`, `additionalProperties` and the other object keywords. */
export function compareObjects(ctx: DiffContext, o: Schema, n: Schema, ptr: string): void {
    const po = isObject(o.properties) ? o.properties : {};
    const pn = isObject(n.properties) ? n.properties : {};
    const ro = new Set(stringList(o.required));
    const rn = new Set(stringList(n.required));
    const closed = n.additionalProperties === false || n.unevaluatedProperties === false;
    const names = [...new Set([...Object.keys(po), ...Object.keys(pn)])].sort(compareStrings);
    for (const name of names) {
        const p = at(at(ptr, 'properties'), name);
        if (name in po && name in pn) ctx.recurse(ctx, po[name], pn[name], p);
        else if (name in pn) {
            // A new optional property breaks nobody either way: old clients never send it and need not read it.
            if (rn.has(name)) report(ctx, p, 'narrows', `new required property "${name}"`);
            else report(ctx, p, 'neutral', `optional property "${name}" added`);
        } else if (closed) {
            // Clients that still send it are now rejected, and clients that read it no longer get it.
            report(ctx, p, 'changes', `property "${name}" removed while additionalProperties is false`);
        } else {
            report(ctx, p, 'widens', `property "${name}" removed (no longer described or guaranteed)`);
        }
    }
    const requiredAt = at(ptr, 'required');
    for (const name of [...rn].filter((r) => !ro.has(r)).sort(compareStrings)) {
        if (name in pn && !(name in po)) continue; // reported as a new required property
        report(ctx, requiredAt, 'narrows', `property "${name}" is now required`);
    }
    for (const name of [...ro].filter((r) => !rn.has(r)).sort(compareStrings)) {
        if (name in po && !(name in pn)) continue; // reported as a removed property
        report(ctx, requiredAt, 'widens', `property "${name}" is no longer required`);
    }
    compareClosable(ctx, o, n, ptr, 'additionalProperties');
    compareClosable(ctx, o, n, ptr, 'unevaluatedProperties');
    compareSchemaMap(ctx, o, n, ptr, 'patternProperties');
    compareSchemaMap(ctx, o, n, ptr, 'dependentSchemas');
    compareOptional(ctx, o, n, ptr, 'propertyNames');
    compareDependentRequired(ctx, o, n, ptr);
}

/** `items` (list or draft-07 tuple), `prefixItems`, `additionalItems`, `unevaluatedItems` and `contains`. */
export function compareArrays(ctx: DiffContext, o: Schema, n: Schema, ptr: string): void {
    const tupleOld = Array.isArray(o.items);
    const tupleNew = Array.isArray(n.items);
    if (tupleOld && tupleNew) compareTuple(ctx, o.items as unknown[], n.items as unknown[], at(ptr, 'items'));
    else if (tupleOld !== tupleNew) report(ctx, at(ptr, 'items'), 'changes', `items changed between tuple and list form`);
    else if (o.items !== undefined || n.items !== undefined) ctx.recurse(ctx, o.items ?? true, n.items ?? true, at(ptr, 'items'));
    if (Array.isArray(o.prefixItems) || Array.isArray(n.prefixItems)) {
        compareTuple(ctx, Array.isArray(o.prefixItems) ? o.prefixItems : [], Array.isArray(n.prefixItems) ? n.prefixItems : [], at(ptr, 'prefixItems'));
    }
    compareClosable(ctx, o, n, ptr, 'additionalItems');
    compareClosable(ctx, o, n, ptr, 'unevaluatedItems');
    compareOptional(ctx, o, n, ptr, 'contains');
}

function compareTuple(ctx: DiffContext, a: unknown[], b: unknown[], ptr: string): void {
    for (let i = 0; i < Math.max(a.length, b.length); i++) ctx.recurse(ctx, a[i] ?? true, b[i] ?? true, at(ptr, i));
}

/** A keyword whose `false` forbids whatever the rest of the schema leaves open: `additionalProperties` and friends. */
function compareClosable(ctx: DiffContext, o: Schema, n: Schema, ptr: string, keyword: string): void {
    const a = o[keyword];
    const b = n[keyword];
    if (a === undefined && b === undefined) return;
    const p = at(ptr, keyword);
    if (a === false && b !== false) report(ctx, p, 'widens', `${keyword} opened (was false)`);
    else if (b === false && a !== false) report(ctx, p, 'narrows', `${keyword} closed (now false)`);
    else ctx.recurse(ctx, a ?? true, b ?? true, p);
}

/** A keyword that constrains only when present: added narrows, removed widens, both compared. */
function compareOptional(ctx: DiffContext, o: Schema, n: Schema, ptr: string, keyword: string): void {
    const a = o[keyword];
    const b = n[keyword];
    if (a === undefined && b === undefined) return;
    const p = at(ptr, keyword);
    if (a === undefined) report(ctx, p, 'narrows', `${keyword} added`);
    else if (b === undefined) report(ctx, p, 'widens', `${keyword} removed`);
    else ctx.recurse(ctx, a, b, p);
}

/** A map of sub-schemas (`patternProperties`, `dependentSchemas`): entries added narrow, removed widen. */
function compareSchemaMap(ctx: DiffContext, o: Schema, n: Schema, ptr: string, keyword: string): void {
    const a = isObject(o[keyword]) ? o[keyword] : {};
    const b = isObject(n[keyword]) ? n[keyword] : {};
    for (const key of [...new Set([...Object.keys(a), ...Object.keys(b)])].sort(compareStrings)) {
        const p = at(at(ptr, keyword), key);
        if (!(key in a)) report(ctx, p, 'narrows', `${keyword} "${key}" added`);
        else if (!(key in b)) report(ctx, p, 'widens', `${keyword} "${key}" removed`);
        else ctx.recurse(ctx, a[key], b[key], p);
    }
}

/** `dependentRequired` (and draft-07 `dependencies`): compared as a whole, since they tie properties together. */
function compareDependentRequired(ctx: DiffContext, o: Schema, n: Schema, ptr: string): void {
    for (const keyword of ['dependentRequired', 'dependencies']) {
        const a = o[keyword];
        const b = n[keyword];
        if (sameJson(a, b)) continue;
        const p = at(ptr, keyword);
        if (a === undefined) report(ctx, p, 'narrows', `${keyword} added`);
        else if (b === undefined) report(ctx, p, 'widens', `${keyword} removed`);
        else report(ctx, p, 'changes', `${keyword} changed`);
    }
}

function stringList(value: unknown): string[] {
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}
