/**
 * One pass over the finished result before any reporter sees it: secrets become `***` and
 * long strings become bounded excerpts, so no reporter can leak a token or dump a 10 MB payload.
 */
import { isDeferredLocation, type SourceLocation } from '../errors.js';
import type { RunResult } from '../run/result.js';
import { redactor } from './redact.js';

/** Longest string kept whole in reports; longer ones keep their start and a note. */
export const MAX_REPORTED_STRING = 10_000;

export interface PrepareOptions {
    secrets: readonly string[];
    maxStringLength?: number;
}

/** Returns a redacted, bounded copy of the result. */
export function prepareForReport<T extends RunResult | object>(result: T, options: PrepareOptions): T {
    const redact = redactor(options.secrets);
    const max = options.maxStringLength ?? MAX_REPORTED_STRING;
    return transform(result, (s) => boundString(redact(s), max)) as T;
}

/** Keeps the start of a long string and says how much was left out. */
export function boundString(text: string, max: number): string {
    if (text.length <= max) return text;
    return `${text.slice(0, max)}… [${text.length - max} more characters not shown]`;
}

/** Copies only what changes: a result with nothing to redact or cut is returned as it is. */
function transform(value: unknown, onString: (s: string) => string): unknown {
    if (typeof value === 'string') return onString(value);
    if (value === null || typeof value !== 'object' || value instanceof Date) return value;
    // Reading a deferred location's line would index its spec file for nothing: only its file can change.
    if (isDeferredLocation(value)) {
        const loc = value as SourceLocation;
        const file = onString(loc.file);
        return file === loc.file ? loc : { ...loc, file };
    }
    if (Array.isArray(value)) {
        let copy: unknown[] | undefined;
        value.forEach((v, i) => {
            const t = transform(v, onString);
            if (t !== v) (copy ??= [...value])[i] = t;
        });
        return copy ?? value;
    }
    let copy: Record<string, unknown> | undefined;
    for (const [key, v] of Object.entries(value)) {
        const t = transform(v, onString);
        if (t !== v) (copy ??= { ...(value as Record<string, unknown>) })[key] = t;
    }
    return copy ?? value;
}
