/**
 * Shared pieces of the semantic checks (`semantic.ts`, `contract-checks.ts`): how they report
 * a problem, and the checks both need.
 */
import { parseDuration } from './duration.js';
import { invalidDuration } from './messages.js';
import { parseSize } from './size.js';
import type { SpecPath } from './types.js';

/**
 * Reports a problem with the value at `path`. `target` is the exact node at fault when it is
 * not `path` itself (e.g. a misplaced key): the error then points at that key.
 */
export type Report = (path: SpecPath, message: string, target?: SpecPath) => void;

/** Checks a duration the schema's pattern lets through but `parseDuration` rejects (e.g. 1000h). */
export function checkDuration(path: SpecPath, value: unknown, report: Report): void {
    // Other types are the schema's to report.
    if ((typeof value === 'string' || typeof value === 'number') && parseDuration(value) === undefined) {
        report(path, invalidDuration(value));
    }
}

/** A size is bytes or a number with a unit; a `${VAR}` that turned into something else is reported here. */
export function checkSize(path: SpecPath, value: unknown, report: Report): void {
    if ((typeof value === 'string' || typeof value === 'number') && parseSize(value) === undefined) {
        report(path, `${JSON.stringify(value)} is not a size: write bytes (65536) or a number with KB, MB or GB (64MB)`);
    }
}
