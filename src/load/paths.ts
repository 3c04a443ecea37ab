/**
 * Spec paths in the two spellings we need: arrays for walking the document, and the
 * readable `tests[0].calls[1].expect` form users see in error messages.
 */
import type { SpecPath } from './types.js';

// Keys that read fine after a dot; anything else (dots, spaces, quotes) gets bracketed.
const PLAIN_KEY = /^[A-Za-z_$][\w$-]*$/;

/** Renders a path the way a user would point at it: `servers.weather.env.PORT`, `tests[0]`. */
export function formatPath(path: SpecPath): string {
    let out = '';
    for (const segment of path) {
        if (typeof segment === 'number') out += `[${segment}]`;
        else if (PLAIN_KEY.test(segment)) out += out === '' ? segment : `.${segment}`;
        else out += `[${JSON.stringify(segment)}]`;
    }
    return out;
}

/** The subject a message starts with: the readable path, or `top level` for the root. */
export function describePath(path: SpecPath): string {
    return path.length === 0 ? 'top level' : formatPath(path);
}

/**
 * Converts a JSON Pointer (as in Ajv's `instancePath`) into a path, turning segments into
 * numbers where the data at that point is an array, so `formatPath` can bracket them.
 */
export function pointerToPath(pointer: string, data: unknown): (string | number)[] {
    if (pointer === '') return [];
    const path: (string | number)[] = [];
    let current: unknown = data;
    for (const raw of pointer.slice(1).split('/')) {
        const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
        if (Array.isArray(current)) {
            const index = Number(key);
            path.push(index);
            current = current[index];
        } else {
            path.push(key);
            current = isRecord(current) ? current[key] : undefined;
        }
    }
    return path;
}

/** True for plain objects (not arrays, not null): the shape YAML mappings turn into. */
export function isRecord(value: unknown): value is Record<string, unknown> {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}
