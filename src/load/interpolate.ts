/**
 * `${VAR}` / `${VAR:-default}` substitution in spec strings.
 *
 * `${SPEC_DIR}` is the absolute folder of the spec file: a command's relative paths resolve
 * against where mcp-check runs (as in MCP client configs), so a spec that must run from
 * anywhere writes `${SPEC_DIR}/server.js`. It is not read from the environment.
 *
 * `${{ ... }}` is left alone (reserved for captures), and `$${` is the escape for a literal
 * `${`. The interpolated spec also says which values reports must redact: its `secrets:`, and
 * what `secret-values.ts` finds in its servers, less its `public:` values.
 */
import { dirname, resolve as resolvePath } from 'node:path';
import { SpecError } from '../errors.js';
import { formatPath, isRecord } from './paths.js';
import type { Locator } from './positions.js';
import { serverSecrets, weakSecretWarnings, type FoundSecret } from './secret-values.js';
import type { SpecPath } from './types.js';

/** An environment to interpolate from; `process.env` has this shape. */
export type Env = Record<string, string | undefined>;

/** The variable that names the folder of the spec file being read. */
export const SPEC_DIR = 'SPEC_DIR';

/** `env` with `${SPEC_DIR}` bound to the folder of `file`, whatever the environment says. */
export function withSpecDir(env: Env, file: string): Env {
    return { ...env, [SPEC_DIR]: dirname(resolvePath(file)) };
}

/**
 * Replaces `${SPEC_DIR}` in every string of `data` with the folder of `file` (escaped, so the
 * later pass leaves it as it is): servers an imported spec lends keep pointing into its folder.
 */
export function bindSpecDir(data: unknown, file: string): unknown {
    const dir = dirname(resolvePath(file)).replaceAll('${', () => '$${');
    const bind = (value: unknown): unknown => {
        // `$${SPEC_DIR}` is the escape for the literal text; the leading `$` keeps it so.
        if (typeof value === 'string') return value.replace(/(\$?)\$\{SPEC_DIR\}/g, (all, escaped: string) => (escaped ? all : dir));
        if (Array.isArray(value)) return value.map(bind);
        if (isRecord(value)) return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, bind(item)]));
        return value;
    };
    return bind(data);
}

/** The outcome of interpolating one string. */
export interface InterpolatedString {
    /** The interpolated string; the input unchanged when there is a problem. */
    value: string;
    /** Values substituted from the environment (defaults are not included). */
    fromEnv: string[];
    /** Why the string could not be interpolated, phrased for a user. */
    problem?: string;
}

const REFERENCE = /^([A-Za-z_][A-Za-z0-9_]*)(?::-([^]*))?$/;
const LITERAL_HINT = 'write "$${" for a literal "${"';

/** Substitutes `${VAR}` and `${VAR:-default}` in one string; `:-` also applies to empty values, as in sh. */
export function interpolateString(input: string, env: Env = process.env): InterpolatedString {
    const fromEnv: string[] = [];
    const failed = (problem: string): InterpolatedString => ({ value: input, fromEnv: [], problem });
    let out = '';
    let i = 0;
    for (let dollar = input.indexOf('$'); dollar >= 0; dollar = input.indexOf('$', i)) {
        out += input.slice(i, dollar);
        if (input.startsWith('$${', dollar)) {
            // Escape: emit `${` and continue after it, so what follows is plain text.
            out += '${';
            i = dollar + 3;
        } else if (input.startsWith('${{', dollar)) {
            // Capture expressions are evaluated later by the runner; copy them verbatim.
            const close = input.indexOf('}}', dollar + 3);
            i = close < 0 ? input.length : close + 2;
            out += input.slice(dollar, i);
        } else if (input.startsWith('${', dollar)) {
            const close = input.indexOf('}', dollar + 2);
            if (close < 0) return failed(`unterminated "\${" (${LITERAL_HINT})`);
            const resolved = resolve(input.slice(dollar + 2, close), env);
            if (resolved.problem !== undefined) return failed(resolved.problem);
            out += resolved.value;
            if (resolved.fromEnv) fromEnv.push(resolved.value);
            i = close + 1;
        } else {
            out += '$';
            i = dollar + 1;
        }
    }
    return { value: out + input.slice(i), fromEnv };
}

// One `${...}` body: `NAME` or `NAME:-default`.
function resolve(reference: string, env: Env): { value: string; fromEnv?: boolean; problem?: string } {
    const m = REFERENCE.exec(reference);
    if (!m) {
        return { value: '', problem: `invalid variable reference "\${${reference}}" (use \${NAME} or \${NAME:-default}; ${LITERAL_HINT})` };
    }
    const name = m[1] as string;
    const fallback = m[2];
    const value = env[name];
    if (value !== undefined && (fallback === undefined || value !== '')) return { value, fromEnv: true };
    if (fallback !== undefined) return { value: fallback };
    return { value: '', problem: `environment variable "${name}" is not set (write "\${${name}:-default}" to give a default)` };
}

/** The outcome of interpolating a whole spec document. */
export interface InterpolatedSpec {
    /** A copy of the data with every string value interpolated (keys untouched). */
    data: unknown;
    /** `secrets:` entries plus the secrets of the servers (see `secret-values.ts`), less `public:` values. */
    secrets: string[];
    /** One per secret too short or too common to redact cleanly, naming where it is, never what. */
    warnings: string[];
    errors: SpecError[];
    /** Paths of strings that could not be interpolated (as `formatPath` renders them). */
    failed: Set<string>;
}

/** Interpolates every string value in the parsed spec; problems come back as located errors. */
export function interpolateSpec(data: unknown, env: Env, positions: Locator): InterpolatedSpec {
    const result: InterpolatedSpec = { data: undefined, secrets: [], warnings: [], errors: [], failed: new Set() };
    const declared: FoundSecret[] = [];
    const exempt = new Set<string>();
    // Builds a fresh tree instead of mutating: YAML aliases share objects, and a second pass
    // over the same object would re-interpret the `${` that an escape produced.
    const visit = (value: unknown, path: (string | number)[]): unknown => {
        if (typeof value === 'string') return visitString(value, path);
        if (Array.isArray(value)) return value.map((item, index) => visit(item, [...path, index]));
        if (isRecord(value)) {
            // `fromEntries` defines own properties, so a `__proto__` key stays a plain key.
            return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, visit(item, [...path, key])]));
        }
        return value;
    };
    const visitString = (value: string, path: SpecPath): string => {
        const done = interpolateString(value, env);
        if (done.problem !== undefined) {
            const where = positions.describe(path);
            result.errors.push(new SpecError(`${where}: ${done.problem}`, positions.locate(path), formatPath(path)));
            result.failed.add(formatPath(path));
            return value;
        }
        if (isListEntry(path, 'secrets')) declared.push({ value: done.value, source: formatPath(path) });
        if (isListEntry(path, 'public')) exempt.add(done.value);
        return done.value;
    };
    result.data = visit(data, []);
    const servers = isRecord(result.data) && isRecord(result.data['servers']) ? result.data['servers'] : {};
    const found = Object.entries(servers).flatMap(([name, server]) => serverSecrets(server, formatPath(['servers', name])));
    // Redacting an empty string would mangle every output, so drop empties and duplicates.
    const kept = [...declared, ...found.filter((s) => !exempt.has(s.value))].filter((s) => s.value !== '');
    result.secrets = [...new Set(kept.map((s) => s.value))];
    result.warnings = weakSecretWarnings(kept);
    return result;
}

function isListEntry(path: SpecPath, key: 'secrets' | 'public'): boolean {
    return path.length === 2 && path[0] === key;
}
