/**
 * The order problems are shown in. Stages can find the same problem (e.g. a bad duration),
 * and a spec's problems may be in files it imports: show each once, the spec's own first,
 * then each other file's, in file order.
 */
import type { SpecError } from '../errors.js';

/** Drops duplicate errors and sorts the rest: unlocated, then `mainFile`, then other files by first mention; by line and column within a file. */
export function uniqueSorted(errors: readonly SpecError[], mainFile: string): SpecError[] {
    const seen = new Set<string>();
    const unique = errors.filter((e) => {
        const text = e.describe();
        if (seen.has(text)) return false;
        seen.add(text);
        return true;
    });
    const files = [mainFile];
    for (const e of unique) if (e.loc && !files.includes(e.loc.file)) files.push(e.loc.file);
    const rank = (e: SpecError): number => (e.loc ? files.indexOf(e.loc.file) + 1 : 0);
    return unique.sort((a, b) => rank(a) - rank(b) || (a.loc?.line ?? 0) - (b.loc?.line ?? 0) || (a.loc?.col ?? 0) - (b.loc?.col ?? 0));
}
