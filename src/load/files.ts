/**
 * Turns the spec arguments of the command line into a list of files. Shells usually expand
 * globs, but quoted ones (and Windows shells) leave them to us.
 */
import { stat } from 'node:fs/promises';
import { isAbsolute, resolve } from 'node:path';
import { SpecError } from '../errors.js';

/** The files an argument list names, plus a problem for each argument that names none. */
export interface ExpandedSpecFiles {
    /** Sorted, without duplicates, spelled as given (relative paths stay relative). */
    files: string[];
    errors: SpecError[];
}

// Dependencies' test data is never what a user means by `**/*.yaml`.
const IGNORE = ['**/node_modules/**'];

/**
 * Expands file paths, globs and directories (all `*.yaml` / `*.yml` below them) into files.
 * An existing path is taken literally even if it contains glob characters.
 */
export async function expandSpecFiles(patterns: readonly string[]): Promise<ExpandedSpecFiles> {
    // Relative arguments are relative to the current directory, as on any command line.
    const cwd = process.cwd();
    const errors: SpecError[] = [];
    const found: string[] = [];
    for (const pattern of patterns) {
        const kind = await pathKind(resolve(cwd, pattern));
        if (kind === 'file') {
            found.push(pattern);
            continue;
        }
        // Most runs name plain files, so the glob engine loads only when an argument is not one.
        const globs = await import('tinyglobby');
        if (kind === 'directory') {
            const matches = await globFiles(globs, `${globs.escapePath(pattern.replace(/\/+$/, ''))}/**/*.{yaml,yml}`, cwd);
            if (matches.length === 0) errors.push(new SpecError(`no spec files (*.yaml, *.yml) in directory "${pattern}"`));
            found.push(...matches);
        } else if (globs.isDynamicPattern(pattern)) {
            const matches = await globFiles(globs, pattern, cwd);
            if (matches.length === 0) errors.push(new SpecError(`no spec files match "${pattern}"`));
            found.push(...matches);
        } else {
            errors.push(new SpecError(`spec file not found: ${pattern}`));
        }
    }
    // The same file may be named twice (`a.yaml` and `*.yaml`); keep the first spelling.
    const byTarget = new Map<string, string>();
    for (const file of found) {
        const target = resolve(cwd, file);
        if (!byTarget.has(target)) byTarget.set(target, file);
    }
    const files = [...byTarget.values()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    return { files, errors };
}

// Results come back relative to `cwd` for relative patterns and absolute for absolute ones,
// mirroring how the user wrote the pattern.
function globFiles(globs: typeof import('tinyglobby'), pattern: string, cwd: string): Promise<string[]> {
    return globs.glob(pattern, { cwd, absolute: isAbsolute(pattern), onlyFiles: true, expandDirectories: false, ignore: IGNORE });
}

async function pathKind(path: string): Promise<'file' | 'directory' | undefined> {
    try {
        const info = await stat(path);
        return info.isDirectory() ? 'directory' : 'file';
    } catch {
        return undefined;
    }
}
