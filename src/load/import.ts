/**
 * `servers: { $import: ... }` — servers taken from MCP client configs and other spec files —
 * and `loadServerConfigFile` for the CLI's `--config`. Imported servers join the spec's own
 * before interpolation, so every later stage checks them like servers written in the spec;
 * a `MergedLocator` points those stages' errors at the file and key the user has to edit.
 */
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { SpecError, SpecErrors, type SourceLocation } from '../errors.js';
import { detectShape, homeDirectory, translateClientServer } from './client-config.js';
import { bindSpecDir, interpolateSpec, interpolateString, withSpecDir, type Env } from './interpolate.js';
import { quote, typeName } from './messages.js';
import { toServers } from './normalize-server.js';
import type { RawSpec } from './raw.js';
import { parseConfigFile } from './parse.js';
import { formatPath, isRecord } from './paths.js';
import type { Locator } from './positions.js';
import { uniqueSorted } from './ordering.js';
import { checkSemantics } from './semantic.js';
import type { ServerSpec, SpecPath } from './types.js';
import { validateSpecData } from './validate.js';

/** Where an imported server was written. */
interface ServerSource {
    locator: Locator;
    /** The entry's path in that file, e.g. `['mcpServers', 'github']`. */
    prefix: SpecPath;
    /** mcp-check key → the key the file used, where they differ (`transport` was `type`). */
    renames: Readonly<Record<string, string>>;
}

/**
 * A spec's locator that answers for imported servers with the file they came from: paths
 * `servers.<name>...` of an imported server map to that entry's path and key names there.
 */
export class MergedLocator implements Locator {
    constructor(
        private readonly base: Locator,
        private readonly sources: ReadonlyMap<string, ServerSource>,
    ) {}

    /** The spec file (relative `schema:` files resolve against it, not against imported files). */
    get file(): string {
        return this.base.file;
    }

    /** Where the value at `path` was written, in whichever file that was. */
    locate(path: SpecPath): SourceLocation {
        const [locator, mapped] = this.route(path);
        return locator.locate(mapped);
    }

    /** Where the key `key` of the mapping at `path` was written, in whichever file that was. */
    locateKey(path: SpecPath, key: string): SourceLocation {
        const [locator, mapped] = this.route([...path, key]);
        return locator.locateKey(mapped.slice(0, -1), String(mapped[mapped.length - 1]));
    }

    /** The path as written in the file it comes from, e.g. `mcpServers.github.env`. */
    describe(path: SpecPath): string {
        const [locator, mapped] = this.route(path);
        return locator.describe(mapped);
    }

    private route(path: SpecPath): [Locator, SpecPath] {
        const name = path[1];
        const source = path[0] === 'servers' && typeof name === 'string' ? this.sources.get(name) : undefined;
        if (!source) return [this.base, path];
        const [, , key, ...rest] = path;
        if (key === undefined) return [source.locator, source.prefix];
        const renamed = typeof key === 'string' && Object.hasOwn(source.renames, key) ? (source.renames[key] as string) : key;
        return [source.locator, [...source.prefix, renamed, ...rest]];
    }
}

/** One imported server, with what importing it found. */
interface ImportedServer {
    server: unknown;
    source: ServerSource;
    /** Problems with the entry itself (e.g. `${input:...}`), already located. */
    errors: SpecError[];
    /** Paths (as `formatPath` renders them) of values at fault, so later stages keep quiet about them. */
    failed: string[];
}

/** The servers of one file. */
interface ServerFile {
    servers: Map<string, ImportedServer>;
    /** Problems that stop the file from being read at all; the spec cannot be judged further. */
    fatal: SpecError[];
    /** Where the file's server map is, e.g. `['mcpServers']`. */
    mapPath: SpecPath;
}

/** Spec data with `$import` resolved, and what the later stages need to judge it. */
export interface ResolvedServers {
    /** A shallow copy of the data with `servers` replaced by the merged map. */
    data: unknown;
    locator: Locator;
    /**
     * Imports that could not be had (unreadable, unparsable, a mistyped `$import`): reported
     * alone, like YAML syntax errors, since the servers they hold are missing from the spec.
     */
    fatal: SpecError[];
    /** Problems with imported entries; reported with the other stages' errors. */
    errors: SpecError[];
    failed: Set<string>;
    /** Servers that came from imports (not replaced by one written in the spec), by name. */
    imported: Map<string, ImportedServer>;
}

/** A file on the import chain, for cycle detection and the message about one. */
interface ChainLink {
    absolute: string;
    shown: string;
}

/**
 * Replaces `servers.$import` with the servers of the files it names: imported servers first,
 * in file order (later files win), then the spec's own, which replace imported ones by name.
 */
export function resolveServerImports(data: unknown, positions: Locator, env: Env, chain?: readonly ChainLink[], cache: ImportCache = new Map()): ResolvedServers {
    const result: ResolvedServers = { data, locator: positions, fatal: [], errors: [], failed: new Set(), imported: new Map() };
    if (!isRecord(data) || !isRecord(data['servers'])) return result;
    const declared = data['servers'];
    const links = chain ?? [{ absolute: resolve(positions.file), shown: positions.file }];
    const merged = new Map<string, unknown>();

    for (const key of Object.keys(declared)) {
        if (key.startsWith('$') && key !== '$import') {
            const message = `unknown key ${quote(key)} (server names cannot start with "$"; "$import" imports servers from files)`;
            result.fatal.push(new SpecError(`servers: ${message}`, positions.locateKey(['servers'], key), formatPath(['servers', key])));
        }
    }
    if ('$import' in declared) {
        const fail = (path: SpecPath, message: string): void => {
            result.fatal.push(new SpecError(`${positions.describe(path)}: ${message}`, positions.locate(path), formatPath(path)));
        };
        for (const [path, target] of importTargets(declared['$import'], fail)) {
            const file = importPath(target, positions.file, env);
            if (file.problem !== undefined) {
                fail(path, file.problem);
                continue;
            }
            const loaded = readServerFile(file.value, env, links, cache);
            if (typeof loaded === 'string') {
                fail(path, loaded);
                continue;
            }
            result.fatal.push(...loaded.fatal);
            for (const [name, server] of loaded.servers) {
                merged.set(name, server.server);
                result.imported.set(name, server);
            }
        }
    }
    for (const [name, server] of Object.entries(declared)) {
        if (name.startsWith('$')) continue;
        merged.set(name, server);
        result.imported.delete(name);
    }
    for (const server of result.imported.values()) {
        result.errors.push(...server.errors);
        for (const key of server.failed) result.failed.add(key);
    }
    const sources = new Map([...result.imported].map(([name, server]) => [name, server.source]));
    if (sources.size > 0) result.locator = new MergedLocator(positions, sources);
    result.data = { ...data, servers: Object.fromEntries(merged) };
    return result;
}

// The files `$import` names, with their paths in the spec; shape problems go to `fail`.
function importTargets(value: unknown, fail: (path: SpecPath, message: string) => void): [SpecPath, string][] {
    const path = ['servers', '$import'];
    if (typeof value === 'string' && value !== '') return [[path, value]];
    if (value === '' || (Array.isArray(value) && value.length === 0)) {
        fail(path, 'must not be empty');
        return [];
    }
    if (!Array.isArray(value)) {
        fail(path, `expected a file path or a list of file paths, got ${typeName(value)}`);
        return [];
    }
    const targets: [SpecPath, string][] = [];
    value.forEach((item, index) => {
        if (typeof item === 'string' && item !== '') targets.push([[...path, index], item]);
        else fail([...path, index], item === '' ? 'must not be empty' : `expected a file path, got ${typeName(item)}`);
    });
    return targets;
}

// `$import` paths may use ${VAR} and `~/`; relative ones resolve against the importing file.
function importPath(target: string, from: string, env: Env): { value: string; problem?: string } {
    const interpolated = interpolateString(target, env);
    if (interpolated.problem !== undefined) return { value: target, problem: interpolated.problem };
    const path = interpolated.value;
    if (path === '~' || path.startsWith('~/')) return { value: join(homeDirectory(env), path.slice(1)) };
    return { value: isAbsolute(path) ? path : join(dirname(from), path) };
}

/**
 * Files already read and expanded during one load, by absolute path. Imports that name the
 * same files again and again (no cycle) would otherwise be read and expanded once per path to
 * them: exponentially many times in the depth of the imports.
 */
type ImportCache = Map<string, ServerFile | string>;

// The servers of one imported file, or why it cannot be read (said at the `$import` naming it).
function readServerFile(file: string, env: Env, chain: readonly ChainLink[], cache: ImportCache): ServerFile | string {
    const link = { absolute: resolve(file), shown: file };
    if (chain.some((l) => l.absolute === link.absolute)) {
        return `import cycle: ${[...chain, link].map((l) => l.shown).join(' → ')}`;
    }
    // A file's servers do not depend on the path that led to it: a cycle through it is found
    // when it is first expanded, from inside.
    let loaded = cache.get(link.absolute);
    if (loaded === undefined) {
        loaded = readUncached(file, env, [...chain, link], cache);
        cache.set(link.absolute, loaded);
    }
    return loaded;
}

function readUncached(file: string, env: Env, chain: readonly ChainLink[], cache: ImportCache): ServerFile | string {
    let source: string;
    try {
        source = readFileSync(file, 'utf8');
    } catch (error) {
        return readProblem(file, error);
    }
    const parsed = parseConfigFile(source, file);
    if (parsed.errors.length > 0) return { servers: new Map(), fatal: parsed.errors, mapPath: [] };
    return serversOfDocument(parsed.data, parsed.positions, env, chain, cache);
}

// The servers of a parsed file, whatever its shape.
function serversOfDocument(data: unknown, positions: Locator, env: Env, chain: readonly ChainLink[], cache: ImportCache = new Map()): ServerFile {
    const file = positions.file;
    const located = (path: SpecPath, message: string): SpecError =>
        new SpecError(`${positions.describe(path)}: ${message}`, positions.locate(path), formatPath(path) || undefined);
    const kinds = '"mcpServers" (Claude Desktop, Cursor) or "servers" (VS Code, mcp-check spec)';
    const unreadable = (message: string): ServerFile => ({ servers: new Map(), fatal: [located([], message)], mapPath: [] });
    if (!isRecord(data)) return unreadable(`expected an object with ${kinds}, got ${typeName(data)}`);
    const shape = detectShape(data, file);
    if (!shape) return unreadable(`no ${kinds} found`);

    if (shape.kind === 'spec') {
        // Another spec: its servers, its own imports resolved (relative to it); tests ignored.
        const nested = resolveServerImports(data, positions, env, chain, cache);
        const servers = isRecord(nested.data) ? nested.data['servers'] : undefined;
        if (!isRecord(servers)) {
            const message = `expected an object of servers, got ${typeName(servers)}`;
            return { servers: new Map(), fatal: [located(['servers'], message)], mapPath: ['servers'] };
        }
        const entries = new Map<string, ImportedServer>();
        for (const [name, server] of Object.entries(servers)) {
            const found = nested.imported.get(name);
            entries.set(name, {
                server: bindSpecDir(server, file),
                source: { locator: nested.locator, prefix: ['servers', name], renames: {} },
                // Problems of the spec's own servers are found by the later stages, on the merged spec.
                errors: found?.errors ?? [],
                failed: found?.failed ?? [],
            });
        }
        return { servers: entries, fatal: nested.fatal, mapPath: ['servers'] };
    }

    const map = data[shape.key];
    if (!isRecord(map)) {
        return {
            servers: new Map(),
            fatal: [located([shape.key], `expected an object mapping server names to servers, got ${typeName(map)}`)],
            mapPath: [shape.key],
        };
    }
    const entries = new Map<string, ImportedServer>();
    for (const [name, entry] of Object.entries(map)) {
        const translated = translateClientServer(entry, ['servers', name], { file, env });
        const source: ServerSource = { locator: positions, prefix: [shape.key, name], renames: translated.renames };
        // Located through a locator of this entry alone, so paths read as in the client file.
        const locator = new MergedLocator(positions, new Map([[name, source]]));
        entries.set(name, {
            server: translated.server,
            source,
            errors: translated.problems.map(
                (p) => new SpecError(`${locator.describe(p.path)}: ${p.message}`, locator.locate(p.path), formatPath(p.path)),
            ),
            failed: translated.problems.map((p) => formatPath(p.path)),
        });
    }
    return { servers: entries, fatal: [], mapPath: [shape.key] };
}

function readProblem(file: string, error: unknown, noun = 'file'): string {
    const code = (error as NodeJS.ErrnoException | undefined)?.code;
    if (code === 'ENOENT') return `${noun} not found: ${file}`;
    if (code === 'EISDIR') return `${noun} is a directory: ${file}`;
    return `cannot read ${noun} ${file}: ${error instanceof Error ? error.message : String(error)}`;
}

/** The servers of a config file, with the values to redact when showing anything about them. */
export interface ServerConfigFile {
    servers: Record<string, ServerSpec>;
    /** Every server the file declares, resolved or not (see `only`). */
    names: string[];
    /** Values to redact when showing anything about them (see `secret-values.ts`). */
    secrets: string[];
    /** Secrets too short or common to redact cleanly, by where they are. */
    warnings: string[];
}

/**
 * Loads the servers of an MCP client config (Claude Desktop, Cursor, VS Code) or of an
 * mcp-check spec file (its `servers`, imports resolved; its tests are not looked at).
 * With `only`, just that server is resolved and checked (when the file has it): another
 * entry that cannot work here (a VS Code `${input:...}`) does not stop it. Throws
 * `SpecErrors` listing every problem with them.
 */
export async function loadServerConfig(file: string, env: Env = process.env, only?: string): Promise<ServerConfigFile> {
    const subject = `the config ${file}`;
    let source: string;
    try {
        source = await readFile(file, 'utf8');
    } catch (error) {
        throw new SpecErrors([new SpecError(readProblem(file, error, 'config file'))], subject);
    }
    const parsed = parseConfigFile(source, file);
    if (parsed.errors.length > 0) throw new SpecErrors(parsed.errors, subject);
    env = withSpecDir(env, file);
    const loaded = serversOfDocument(parsed.data, parsed.positions, env, [{ absolute: resolve(file), shown: file }]);
    if (loaded.fatal.length > 0) throw new SpecErrors(uniqueSorted(loaded.fatal, file), subject);
    if (loaded.servers.size === 0) {
        const where = loaded.mapPath;
        throw new SpecErrors([new SpecError(`${parsed.positions.describe(where)}: no servers declared`, parsed.positions.locate(where))], subject);
    }

    const names = [...loaded.servers.keys()];
    // A name the file does not have: nothing to resolve, and the caller says which names there are.
    if (only !== undefined && !loaded.servers.has(only)) return { servers: {}, names, secrets: [], warnings: [] };
    const imported = [...loaded.servers].filter(([name]) => only === undefined || name === only);
    const locator = new MergedLocator(parsed.positions, new Map(imported.map(([name, server]) => [name, server.source])));
    // Only the servers are judged: a spec whose tests are half-written still lends its servers.
    const data = { servers: Object.fromEntries(imported.map(([name, server]) => [name, server.server])) };
    const interpolated = interpolateSpec(data, env, locator);
    const failed = new Set([...interpolated.failed, ...imported.flatMap(([, server]) => server.failed)]);
    const later = [...validateSpecData(interpolated.data, locator).filter(isAboutServers), ...checkSemantics(interpolated.data, locator)];
    const errors = [
        ...imported.flatMap(([, server]) => server.errors),
        ...interpolated.errors,
        ...later.filter((e) => e.key === undefined || !failed.has(e.key)),
    ];
    if (errors.length > 0) throw new SpecErrors(uniqueSorted(errors, file), subject);
    return { servers: toServers((interpolated.data as Pick<RawSpec, 'servers'>).servers, locator), names, secrets: interpolated.secrets, warnings: interpolated.warnings };
}

/**
 * Loads the servers of an MCP client config (Claude Desktop, Cursor, VS Code) or of an
 * mcp-check spec file, for commands that take `--config <file>`. Throws `SpecErrors`.
 */
export async function loadServerConfigFile(file: string, env: Env = process.env): Promise<Record<string, ServerSpec>> {
    return (await loadServerConfig(file, env)).servers;
}

// Schema errors about the servers; the rest (no `tests:`) does not concern a config file.
function isAboutServers(error: SpecError): boolean {
    const key = error.key;
    return key !== undefined && (key === 'servers' || key.startsWith('servers.') || key.startsWith('servers['));
}
