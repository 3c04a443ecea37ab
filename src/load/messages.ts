/**
 * Wording shared by the schema error mapper and the semantic checks. Both can find the same
 * problem (e.g. a bad duration); identical text lets the loader show it once.
 */
import { DURATION_HINT } from './duration.js';

/** JSON-quotes a value for a message, shortened so one bad value cannot flood the output. */
export function quote(value: unknown): string {
    const text = JSON.stringify(value) ?? String(value);
    return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

/** The JSON type of a value as a user would name it. */
export function typeName(value: unknown): string {
    if (value === null) return 'null';
    if (Array.isArray(value)) return 'array';
    return typeof value === 'object' ? 'object' : typeof value;
}

/** Message for a duration that does not parse or is out of range. */
export function invalidDuration(value: unknown): string {
    return `invalid duration ${quote(value)} (${DURATION_HINT})`;
}

/** Message for a server URL that is not a valid http(s) URL. */
export function invalidUrl(value: unknown): string {
    return `expected an http:// or https:// URL, got ${quote(value)}`;
}
