/**
 * Equality of JSON values as a spec author means it: by content, with 0 and -0 equal (a
 * server in another language may well send -0.0), NaN equal to NaN, and only own keys.
 */
export function jsonEqual(a: unknown, b: unknown): boolean {
    if (a === b) return true;
    if (typeof a === 'number' && typeof b === 'number') return Number.isNaN(a) && Number.isNaN(b);
    if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
    if (Array.isArray(a) !== Array.isArray(b)) return false;
    if (Array.isArray(a)) {
        const other = b as unknown[];
        return a.length === other.length && a.every((item, i) => jsonEqual(item, other[i]));
    }
    const aKeys = Object.keys(a);
    const bObj = b as Record<string, unknown>;
    return aKeys.length === Object.keys(bObj).length && aKeys.every((k) => Object.hasOwn(bObj, k) && jsonEqual((a as Record<string, unknown>)[k], bObj[k]));
}
