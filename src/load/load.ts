/**
 * The spec loading pipeline: read → parse YAML → merge `$import`ed servers → interpolate
 * `${VAR}`s → schema, semantic checks (matchers included) and `schema:` files → typed `Suite`.
 * Every stage returns its problems as data; only the public functions here throw, once, with
 * all of them.
 */
import { readFile, stat } from 'node:fs/promises';
import { SpecError, SpecErrors } from '../errors.js';
import { expandSpecFiles } from './files.js';
import { resolveServerImports } from './import.js';
import { interpolateSpec, withSpecDir, type Env } from './interpolate.js';
import { toSuite, type SpecDefaults } from './normalize.js';
import type { RawSpec } from './raw.js';
import { parseSpecYaml, type ParsedSpec } from './parse.js';
import { uniqueSorted } from './ordering.js';
import { loadSchemaFiles } from './schema-files.js';
import { checkSemantics } from './semantic.js';
import type { Suite } from './types.js';
import { validateSpecData } from './validate.js';

/** Builds a suite from spec text; `file` names it in locations. Throws `SpecErrors` with every problem. */
export function parseSpec(source: string, file: string, env: Env = process.env, defaults: SpecDefaults = {}): Suite {
    return suiteOf(parseSpecYaml(source, file), file, env, defaults);
}

/** `parseSpec` from the parsed text: whichever parser read it, the same checks and messages. */
export function suiteOf(parsed: ParsedSpec, file: string, env: Env, defaults: SpecDefaults): Suite {
    env = withSpecDir(env, file);
    if (parsed.errors.length > 0) throw new SpecErrors(parsed.errors);

    // Imported servers join before interpolation, so `${VAR}`s in them are expanded and every
    // check judges them like servers written here; `positions` then answers for their files.
    const imported = resolveServerImports(parsed.data, parsed.positions, env);
    // Without the servers of an unreadable import, tests naming them would only add noise.
    if (imported.fatal.length > 0) throw new SpecErrors(uniqueSorted([...imported.fatal, ...imported.errors], file));
    const positions = imported.locator;

    // Interpolate before validating so `timeout: ${T:-30s}` is judged by its value.
    const interpolated = interpolateSpec(imported.data, env, positions);
    // A string whose variable is missing was kept as written; anything else said about it
    // (bad URL, unknown server) would be a consequence, not news.
    const failed = new Set([...interpolated.failed, ...imported.failed]);
    // `schema: ./x.json` files are read now (relative to the spec file), so a missing one is a
    // spec error like any other.
    const schemaFiles = loadSchemaFiles(interpolated.data, positions);
    const later = [
        ...validateSpecData(interpolated.data, positions),
        ...checkSemantics(interpolated.data, positions),
        ...schemaFiles.errors,
    ].filter((e) => e.key === undefined || !failed.has(e.key));
    const errors = uniqueSorted([...imported.errors, ...interpolated.errors, ...later], file);
    if (errors.length > 0) throw new SpecErrors(errors);

    return toSuite(interpolated.data as RawSpec, file, positions, interpolated, schemaFiles.byPath, defaults);
}

/** Loads one spec file. Throws `SpecErrors` listing every problem in it. */
export async function loadSpec(file: string, env: Env = process.env, defaults: SpecDefaults = {}): Promise<Suite> {
    let source: string;
    try {
        const { size } = await stat(file);
        if (size > MAX_SPEC_BYTES) throw new SpecErrors([new SpecError(tooLarge(file, size))]);
        source = await readFile(file, 'utf8');
    } catch (error) {
        if (error instanceof SpecErrors) throw error;
        throw new SpecErrors([readError(file, error)]);
    }
    return parseSpec(source, file, env, defaults);
}

/**
 * Largest spec file read. Parsing and planning take memory in proportion to a spec's size (a
 * 50 MB spec of 45,000 calls would need about 2 GB), so a larger file is refused up front.
 */
export const MAX_SPEC_BYTES = 10 * 1024 * 1024;

function tooLarge(file: string, size: number): string {
    const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
    return `${file}: the spec file is ${mb(size)}; mcp-check reads spec files up to ${mb(MAX_SPEC_BYTES)}, since memory grows with a spec's size. Split it into several files: \`mcp-check a.yaml b.yaml\` runs them together`;
}

/**
 * Loads every spec file that `patterns` (paths, quoted globs, directories) name, in sorted
 * order. Throws one `SpecErrors` with the problems of all files and patterns together.
 */
export async function loadSpecs(patterns: readonly string[], env: Env = process.env, defaults: SpecDefaults = {}): Promise<Suite[]> {
    const { files, errors } = await expandSpecFiles(patterns);
    const results = await Promise.allSettled(files.map((file) => loadSpec(file, env, defaults)));
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
