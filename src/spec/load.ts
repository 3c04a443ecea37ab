/**
 * The spec loading pipeline: read → parse YAML → interpolate `${VAR}`s → schema, semantic
 * checks (matchers included) and `schema:` files → typed `Suite`. Every stage returns its
 * problems as data; only the public functions here throw, once, with all of them.
 */
import { readFile } from 'node:fs/promises';
import { SpecError, SpecErrors } from '../errors.js';
import { expandSpecFiles } from './files.js';
import { interpolateSpec, type Env } from './interpolate.js';
import { toSuite, type RawSpec } from './normalize.js';
import { parseSpecYaml } from './parse.js';
import { loadSchemaFiles } from './schema-files.js';
import { checkSemantics } from './semantic.js';
import type { Suite } from './types.js';
import { validateSpecData } from './validate.js';

/** Builds a suite from spec text; `file` names it in locations. Throws `SpecErrors` with every problem. */
export function parseSpec(source: string, file: string, env: Env = process.env): Suite {
    const parsed = parseSpecYaml(source, file);
    if (parsed.errors.length > 0) throw new SpecErrors(parsed.errors);

    // Interpolate before validating so `timeout: ${T:-30s}` is judged by its value.
    const interpolated = interpolateSpec(parsed.data, env, parsed.positions);
    // A string whose variable is missing was kept as written; anything else said about it
    // (bad URL, unknown server) would be a consequence, not news.
    // `schema: ./x.json` files are read now (relative to the spec file), so a missing one is a
    // spec error like any other.
    const schemaFiles = loadSchemaFiles(interpolated.data, parsed.positions);
    const later = [
        ...validateSpecData(interpolated.data, parsed.positions),
        ...checkSemantics(interpolated.data, parsed.positions),
        ...schemaFiles.errors,
    ].filter((e) => e.key === undefined || !interpolated.failed.has(e.key));
    const errors = uniqueSorted([...interpolated.errors, ...later]);
    if (errors.length > 0) throw new SpecErrors(errors);

    return toSuite(interpolated.data as RawSpec, file, parsed.positions, interpolated.secrets, schemaFiles.byPath);
}

/** Loads one spec file. Throws `SpecErrors` listing every problem in it. */
export async function loadSpec(file: string, env: Env = process.env): Promise<Suite> {
    let source: string;
    try {
        source = await readFile(file, 'utf8');
    } catch (error) {
        throw new SpecErrors([readError(file, error)]);
    }
    return parseSpec(source, file, env);
}

/**
 * Loads every spec file that `patterns` (paths, quoted globs, directories) name, in sorted
 * order. Throws one `SpecErrors` with the problems of all files and patterns together.
 */
export async function loadSpecs(patterns: readonly string[], env: Env = process.env): Promise<Suite[]> {
    const { files, errors } = await expandSpecFiles(patterns);
    const results = await Promise.allSettled(files.map((file) => loadSpec(file, env)));
    const suites: Suite[] = [];
    for (const result of results) {
        if (result.status === 'fulfilled') suites.push(result.value);
        else if (result.reason instanceof SpecErrors) errors.push(...result.reason.errors);
        else throw result.reason; // A bug, not a spec problem: let it surface as such.
    }
    if (errors.length > 0) throw new SpecErrors(errors);
    return suites;
}

function readError(file: string, error: unknown): SpecError {
    const code = (error as NodeJS.ErrnoException | undefined)?.code;
    if (code === 'ENOENT') return new SpecError(`spec file not found: ${file}`);
    if (code === 'EISDIR') return new SpecError(`spec file is a directory: ${file}`);
    return new SpecError(`cannot read spec file ${file}: ${error instanceof Error ? error.message : String(error)}`);
}

// Stages can find the same problem (e.g. a bad duration); show it once, in file order.
function uniqueSorted(errors: SpecError[]): SpecError[] {
    const seen = new Set<string>();
    const unique = errors.filter((e) => {
        const text = e.describe();
        if (seen.has(text)) return false;
        seen.add(text);
        return true;
    });
    return unique.sort((a, b) => (a.loc?.line ?? 0) - (b.loc?.line ?? 0) || (a.loc?.col ?? 0) - (b.loc?.col ?? 0));
}
