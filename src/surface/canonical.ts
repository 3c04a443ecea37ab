/**
 * Canonical JSON: object keys sorted by code unit, arrays kept in order. The same surface
 * always serialises to the same bytes, so snapshot files diff cleanly in version control.
 */

/** A copy of `value` whose object keys are sorted at every depth; `undefined` members are dropped. */
export function sortKeys(value: unknown): unknown {
    if (Array.isArray(value)) return value.map(sortKeys);
    if (value === null || typeof value !== 'object') return value;
    const out: Record<string, unknown> = {};
    // Plain code-unit order: locale-independent, so every machine writes the same file.
    for (const key of Object.keys(value).sort(compareStrings)) {
        const member = (value as Record<string, unknown>)[key];
        if (member !== undefined) out[key] = sortKeys(member);
    }
    return out;
}

/** Serialises with sorted keys, two-space indent and a final newline (the snapshot file format). */
export function canonicalJson(value: unknown): string {
    return `${JSON.stringify(sortKeys(value), null, 2)}\n`;
}

/** A compact canonical key, for comparing JSON values regardless of key order. */
export function jsonKey(value: unknown): string {
    return JSON.stringify(sortKeys(value)) ?? 'undefined';
}

/** Deep equality of JSON values, ignoring key order. */
export function sameJson(a: unknown, b: unknown): boolean {
    return jsonKey(a) === jsonKey(b);
}

/** Code-unit string order, the same on every machine. */
export function compareStrings(a: string, b: string): number {
    return a < b ? -1 : a > b ? 1 : 0;
}

/** Appends one reference token to a JSON pointer, escaping `~` and `/` (RFC 6901). */
export function childPointer(pointer: string, token: string | number): string {
    return `${pointer}/${String(token).replaceAll('~', '~0').replaceAll('/', '~1')}`;
}

/** Whether a value is a plain JSON object (not an array, not null). */
export function isObject(value: unknown): value is Record<string, unknown> {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A short rendering of a JSON value for one-line reasons. */
export function brief(value: unknown, max = 60): string {
    const text = JSON.stringify(value) ?? String(value);
    return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
