/**
 * Compares two surfaces of one server: identity and capabilities, then tools, resources,
 * resource templates and prompts. Removing anything clients use is breaking, adding is not,
 * and every change to a description or an annotation is `info`: it never breaks a client,
 * but a silent description change is how tool poisoning ships, so it is always listed.
 */
import { brief, childPointer as at, compareStrings, isObject, sameJson } from './canonical.js';
import { diffSchemas } from './schema/compare.js';
import type { Change, ChangeLevel, PromptSurface, ResourceSurface, ServerSurface, ToolSurface } from './types.js';

/** Every change between two surfaces of one server, sorted by pointer. */
export function diffServerSurfaces(o: ServerSurface, n: ServerSurface): Change[] {
    const out: Change[] = [];
    for (const key of ['name', 'version', 'instructions'] as const) text(out, at('/server', key), o.server?.[key], n.server?.[key]);
    diffCapabilities(out, '/capabilities', o.capabilities ?? {}, n.capabilities ?? {});
    keyed(out, '/tools', 'tool', o.tools ?? {}, n.tools ?? {}, diffTool);
    keyed(out, '/resources', 'resource', o.resources ?? {}, n.resources ?? {}, diffResource);
    keyed(out, '/resourceTemplates', 'resource template', o.resourceTemplates ?? {}, n.resourceTemplates ?? {}, diffResource);
    keyed(out, '/prompts', 'prompt', o.prompts ?? {}, n.prompts ?? {}, diffPrompt);
    // How long clients may cache a list changes no contract, but who may share it is worth a look.
    for (const list of ['tools', 'resources', 'resourceTemplates', 'prompts'] as const) {
        annotations(out, at('/cache', list), o.cache?.[list] as Record<string, unknown> | undefined, n.cache?.[list] as Record<string, unknown> | undefined);
    }
    return sortChanges(out);
}

/** Sorts changes by pointer, then level, then reason: the order every report uses. */
export function sortChanges(changes: Change[]): Change[] {
    const rank: Record<ChangeLevel, number> = { breaking: 0, 'non-breaking': 1, info: 2 };
    return changes.sort((a, b) => compareStrings(a.pointer, b.pointer) || rank[a.level] - rank[b.level] || compareStrings(a.reason, b.reason));
}

/** Items keyed by name or URI: removed is breaking, added is not, kept ones are compared by `diff`. */
function keyed<T>(out: Change[], base: string, noun: string, o: Record<string, T>, n: Record<string, T>, diff: (out: Change[], p: string, a: T, b: T) => void): void {
    for (const key of [...new Set([...Object.keys(o), ...Object.keys(n)])].sort(compareStrings)) {
        const p = at(base, key);
        if (!(key in n)) out.push({ pointer: p, level: 'breaking', reason: `${noun} "${key}" removed` });
        else if (!(key in o)) out.push({ pointer: p, level: 'non-breaking', reason: `${noun} "${key}" added` });
        else diff(out, p, o[key]!, n[key]!);
    }
}

function diffTool(out: Change[], p: string, o: ToolSurface, n: ToolSurface): void {
    text(out, at(p, 'title'), o.title, n.title);
    text(out, at(p, 'description'), o.description, n.description);
    annotations(out, at(p, 'annotations'), o.annotations, n.annotations);
    out.push(...diffSchemas(o.inputSchema ?? {}, n.inputSchema ?? {}, { direction: 'input', pointer: at(p, 'inputSchema') }));
    const op = at(p, 'outputSchema');
    if (o.outputSchema === undefined && n.outputSchema !== undefined) {
        out.push({ pointer: op, level: 'non-breaking', reason: 'outputSchema added: results now promise structured content' });
    } else if (o.outputSchema !== undefined && n.outputSchema === undefined) {
        out.push({ pointer: op, level: 'breaking', reason: 'outputSchema removed: structured content no longer promised' });
    } else if (o.outputSchema !== undefined) {
        out.push(...diffSchemas(o.outputSchema, n.outputSchema, { direction: 'output', pointer: op }));
    }
}

function diffResource(out: Change[], p: string, o: ResourceSurface, n: ResourceSurface): void {
    for (const key of ['name', 'title', 'description'] as const) text(out, at(p, key), o[key], n[key]);
    annotations(out, at(p, 'annotations'), o.annotations, n.annotations);
    const mp = at(p, 'mimeType');
    // Clients decode contents by their MIME type, so a different type is a different contract.
    if (o.mimeType === n.mimeType) return;
    if (o.mimeType === undefined) out.push({ pointer: mp, level: 'non-breaking', reason: `mimeType declared: ${n.mimeType}` });
    else if (n.mimeType === undefined) out.push({ pointer: mp, level: 'breaking', reason: `mimeType no longer declared (was ${o.mimeType})` });
    else out.push({ pointer: mp, level: 'breaking', reason: `mimeType changed from ${o.mimeType} to ${n.mimeType}` });
}

function diffPrompt(out: Change[], p: string, o: PromptSurface, n: PromptSurface): void {
    text(out, at(p, 'title'), o.title, n.title);
    text(out, at(p, 'description'), o.description, n.description);
    const ao = o.arguments ?? {};
    const an = n.arguments ?? {};
    for (const name of [...new Set([...Object.keys(ao), ...Object.keys(an)])].sort(compareStrings)) {
        const ap = at(at(p, 'arguments'), name);
        const a = ao[name];
        const b = an[name];
        if (!b) out.push({ pointer: ap, level: 'breaking', reason: `prompt argument "${name}" removed` });
        else if (!a) {
            if (b.required) out.push({ pointer: ap, level: 'breaking', reason: `new required prompt argument "${name}"` });
            else out.push({ pointer: ap, level: 'non-breaking', reason: `optional prompt argument "${name}" added` });
        } else {
            text(out, at(ap, 'title'), a.title, b.title);
            text(out, at(ap, 'description'), a.description, b.description);
            if (!a.required && b.required) out.push({ pointer: at(ap, 'required'), level: 'breaking', reason: `prompt argument "${name}" is now required` });
            if (a.required && !b.required) out.push({ pointer: at(ap, 'required'), level: 'non-breaking', reason: `prompt argument "${name}" is no longer required` });
        }
    }
}

/** Capabilities: anything no longer declared is breaking, anything new is not, other value changes are info. */
function diffCapabilities(out: Change[], p: string, o: Record<string, unknown>, n: Record<string, unknown>): void {
    for (const key of [...new Set([...Object.keys(o), ...Object.keys(n)])].sort(compareStrings)) {
        const cp = at(p, key);
        const a = o[key];
        const b = n[key];
        if (sameJson(a, b)) continue;
        if (isObject(a) && isObject(b)) diffCapabilities(out, cp, a, b);
        else if (b === undefined || (a === true && b === false)) out.push({ pointer: cp, level: 'breaking', reason: `capability ${cp.slice('/capabilities/'.length)} no longer declared` });
        else if (a === undefined || (a === false && b === true)) out.push({ pointer: cp, level: 'non-breaking', reason: `capability ${cp.slice('/capabilities/'.length)} declared` });
        else out.push({ pointer: cp, level: 'info', reason: `capability ${cp.slice('/capabilities/'.length)} changed`, before: a, after: b });
    }
}

/** Tool and resource annotations are hints, so every change is info; each hint gets its own line. */
function annotations(out: Change[], p: string, o: Record<string, unknown> | undefined, n: Record<string, unknown> | undefined): void {
    const a = o ?? {};
    const b = n ?? {};
    for (const key of [...new Set([...Object.keys(a), ...Object.keys(b)])].sort(compareStrings)) {
        if (sameJson(a[key], b[key])) continue;
        const reason =
            a[key] === undefined
                ? `${key} added (${brief(b[key])})`
                : b[key] === undefined
                  ? `${key} removed (was ${brief(a[key])})`
                  : `${key} changed from ${brief(a[key])} to ${brief(b[key])}`;
        out.push({ pointer: at(p, key), level: 'info', reason, ...values(a[key], b[key]) });
    }
}

/** A text field (title, description, name, version, instructions): any change is info, with both texts. */
function text(out: Change[], p: string, a: string | undefined, b: string | undefined): void {
    if (a === b) return;
    const field = p.slice(p.lastIndexOf('/') + 1);
    const reason = a === undefined ? `${field} added` : b === undefined ? `${field} removed` : `${field} changed`;
    // A version says it all in the reason; texts are shown whole, for review.
    if (field === 'version' && a !== undefined && b !== undefined) out.push({ pointer: p, level: 'info', reason: `version changed from ${a} to ${b}` });
    else out.push({ pointer: p, level: 'info', reason, ...values(a, b) });
}

function values(a: unknown, b: unknown): { before?: unknown; after?: unknown } {
    return { ...(a !== undefined ? { before: a } : {}), ...(b !== undefined ? { after: b } : {}) };
}
