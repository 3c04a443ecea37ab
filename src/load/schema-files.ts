/**
 * `schema: ./schemas/note.json`: JSON Schema files named by a spec. They are read while the
 * spec loads, so a missing or broken file is a spec error pointing at the `schema:` that
 * names it, not a failure halfway through a run.
 */
import { readFileSync } from 'node:fs';
import { dirname, isAbsolute, join } from 'node:path';
import { SpecError } from '../errors.js';
import { typeName } from './messages.js';
import { formatPath, isRecord } from './paths.js';
import type { Locator } from './positions.js';
import type { SpecPath } from './types.js';

/** A schema read from a file. */
export interface SchemaFile {
    schema: unknown;
    /** The file's path: relative to the current directory when the spec file's path is. */
    file: string;
}

/** The schema files of one spec. */
export interface LoadedSchemaFiles {
    /** By the `schema:` value's path, as `formatPath` renders it. */
    byPath: Map<string, SchemaFile>;
    errors: SpecError[];
}

/**
 * Reads every `expect.schema` of a call, read or get that is a string, relative to the directory
 * of the spec file (`positions.file`). Defensive: runs on data that may have failed the schema.
 */
export function loadSchemaFiles(data: unknown, positions: Locator): LoadedSchemaFiles {
    const result: LoadedSchemaFiles = { byPath: new Map(), errors: [] };
    // The same file may be named by many calls; read and parse it once.
    const cache = new Map<string, SchemaFile | string>();
    for (const [path, name] of schemaPaths(data)) {
        const file = isAbsolute(name) ? name : join(dirname(positions.file), name);
        let loaded = cache.get(file);
        if (loaded === undefined) {
            loaded = readSchemaFile(file);
            cache.set(file, loaded);
        }
        if (typeof loaded === 'string') {
            result.errors.push(new SpecError(`${positions.describe(path)}: ${loaded}`, positions.locate(path), formatPath(path)));
        } else {
            result.byPath.set(formatPath(path), loaded);
        }
    }
    return result;
}

// The schema, or why it cannot be had.
function readSchemaFile(file: string): SchemaFile | string {
    let text: string;
    try {
        text = readFileSync(file, 'utf8');
    } catch (error) {
        const code = (error as NodeJS.ErrnoException | undefined)?.code;
        if (code === 'ENOENT') return `schema file not found: ${file}`;
        if (code === 'EISDIR') return `schema file is a directory: ${file}`;
        return `cannot read schema file ${file}: ${error instanceof Error ? error.message : String(error)}`;
    }
    let schema: unknown;
    try {
        schema = JSON.parse(text);
    } catch (error) {
        return `schema file ${file} is not valid JSON: ${error instanceof Error ? error.message : String(error)}`;
    }
    if (!isRecord(schema) && typeof schema !== 'boolean') {
        return `schema file ${file} does not hold a JSON Schema (an object), got ${typeName(schema)}`;
    }
    return { schema, file };
}

// The lists whose items may have `expect.schema`, below a test entry.
const CHECK_LISTS: readonly SpecPath[] = [['calls'], ['resources', 'read'], ['prompts', 'get']];

// Where the spec names a schema file: the path of each string `schema:` and the string.
function schemaPaths(data: unknown): [SpecPath, string][] {
    const found: [SpecPath, string][] = [];
    const tests = isRecord(data) && Array.isArray(data['tests']) ? data['tests'] : [];
    tests.forEach((test, t) => {
        for (const listPath of CHECK_LISTS) {
            const list = listPath.reduce<unknown>((node, key) => (isRecord(node) ? node[key] : undefined), test);
            if (!Array.isArray(list)) continue;
            list.forEach((item, i) => {
                const expect = isRecord(item) ? item['expect'] : undefined;
                const schema = isRecord(expect) ? expect['schema'] : undefined;
                // An empty string is the schema's to report.
                if (typeof schema === 'string' && schema !== '') found.push([['tests', t, ...listPath, i, 'expect', 'schema'], schema]);
            });
        }
    });
    return found;
}
