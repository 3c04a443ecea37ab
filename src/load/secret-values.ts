/**
 * Which values of a server are secrets, so reports can redact them. Redacting too little leaks
 * a token; redacting too much turns every port and `1` into `***`. So a value is a secret by
 * where it stands, not by where it came from: header values, URL userinfo and query values,
 * environment variables and arguments whose names say credential, and connection strings'
 * passwords. Ports, flags and paths are not.
 */
import { isRecord } from './paths.js';

/** A value to redact and where the spec holds it (for warnings that must not show the value). */
export interface FoundSecret {
    value: string;
    source: string;
}

/** Parts of a name that mark its value as a credential (`API_KEY`, `apiKey`, `x-auth-token`, `DB_PASS`). */
const SECRET_WORDS = new Set([
    'token', 'key', 'apikey', 'secret', 'password', 'passwd', 'pass', 'pwd', 'auth', 'authorization',
    'credential', 'credentials', 'cookie', 'session', 'sessionid', 'private', 'bearer', 'jwt', 'pat', 'signature',
]);

/** Headers that never carry credentials; every other header's value is a secret. */
const PLAIN_HEADERS = /^(accept(-.*)?|content-type|user-agent|mcp-protocol-version|origin|cache-control)$/i;

/** Whether a variable, header, flag or key name says its value is a credential. */
export function isSecretName(name: string): boolean {
    const parts = name
        .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
        .toLowerCase()
        .split(/[^a-z0-9]+/);
    return parts.some((part) => SECRET_WORDS.has(part));
}

/** The secrets of one server entry of a spec (after interpolation) at `source`, e.g. `servers.api`. */
export function serverSecrets(server: unknown, source: string): FoundSecret[] {
    if (!isRecord(server)) return [];
    const found: FoundSecret[] = [];
    const add = (value: unknown, where: string): void => {
        if (typeof value === 'string' && value !== '') found.push({ value, source: where });
    };
    if (typeof server['url'] === 'string') found.push(...urlSecrets(server['url'], `${source}.url`));
    if (isRecord(server['headers'])) {
        for (const [name, value] of Object.entries(server['headers'])) {
            if (!PLAIN_HEADERS.test(name)) found.push(...headerSecrets(value, `${source}.headers.${name}`));
        }
    }
    if (isRecord(server['auth'])) found.push(...authSecrets(server['auth'], `${source}.auth`));
    for (const [at, part] of [[source, server], [`${source}.start`, server['start']]] as const) {
        if (!isRecord(part)) continue;
        if (isRecord(part['env'])) {
            for (const [name, value] of Object.entries(part['env'])) {
                if (isSecretName(name)) add(value, `${at}.env.${name}`);
                else if (typeof value === 'string') found.push(...urlSecrets(value, `${at}.env.${name}`));
            }
        }
        if (Array.isArray(part['args'])) found.push(...argSecrets(part['args'], `${at}.args`));
    }
    return found;
}

/** The credentials of `auth:`: a bearer token, a refresh token, client secrets (a key file's path is not one). */
function authSecrets(auth: Record<string, unknown>, source: string): FoundSecret[] {
    const credentials = isRecord(auth['client_credentials']) ? auth['client_credentials'] : {};
    return [
        [auth['bearer'], `${source}.bearer`],
        [auth['refresh_token'], `${source}.refresh_token`],
        [auth['client_secret'], `${source}.client_secret`],
        [credentials['client_secret'], `${source}.client_credentials.client_secret`],
    ].flatMap(([value, where]) => (typeof value === 'string' && value !== '' ? [{ value, source: where as string }] : []));
}

/** The user, password and query values of a URL (decoded, as a server would echo them). */
export function urlSecrets(text: string, source: string): FoundSecret[] {
    if (!text.includes('://')) return [];
    let url: URL;
    try {
        url = new URL(text);
    } catch {
        return [];
    }
    const found: FoundSecret[] = [];
    if (url.username) found.push({ value: decoded(url.username), source: `${source} (user)` });
    if (url.password) found.push({ value: decoded(url.password), source: `${source} (password)` });
    for (const [name, value] of url.searchParams) if (value !== '') found.push({ value, source: `${source} (query ${name})` });
    return found;
}

/** A header value; for `<scheme> <credentials>` (`Bearer <token>`) the credentials, so logs still say which scheme. */
function headerSecrets(value: unknown, source: string): FoundSecret[] {
    if (typeof value !== 'string' || value === '') return [];
    const scheme = /^\s*(?:Bearer|Basic|Token|Digest|Bot)\s+(\S.*?)\s*$/i.exec(value);
    return [scheme ? { value: scheme[1]!, source: `${source} (credentials)` } : { value, source }];
}

/**
 * Credential-shaped arguments: the value of `--api-key X`, `--token=X`, `API_KEY=X` and
 * `Authorization: Bearer X`, and the password or query values of a URL (a connection string).
 */
function argSecrets(args: readonly unknown[], source: string): FoundSecret[] {
    const found: FoundSecret[] = [];
    args.forEach((arg, i) => {
        if (typeof arg !== 'string') return;
        const where = `${source}[${i}]`;
        const flag = /^--?([A-Za-z][\w.-]*)$/.exec(arg);
        const next = args[i + 1];
        if (flag && isSecretName(flag[1]!) && typeof next === 'string' && !next.startsWith('-')) {
            found.push({ value: next, source: `${source}[${i + 1}]` });
            return;
        }
        const assigned = /^(?:--?)?([A-Za-z][\w.-]*)=(.+)$/s.exec(arg);
        if (assigned && isSecretName(assigned[1]!)) {
            found.push({ value: assigned[2]!, source: where });
            return;
        }
        const header = /^([A-Za-z][\w-]*):\s*(.+)$/s.exec(arg);
        if (header && !arg.includes('://') && isSecretName(header[1]!)) {
            found.push(...headerSecrets(header[2], where));
            return;
        }
        found.push(...urlSecrets(arg, where));
    });
    return found;
}

function decoded(text: string): string {
    try {
        return decodeURIComponent(text);
    } catch {
        return text;
    }
}

/** Shorter than this, a secret is likely to be found in text that has nothing to do with it. */
const MIN_SECRET_LENGTH = 6;

/** Words common enough in any output that redacting them mangles it. */
const COMMON_WORDS = new Set([
    'true', 'false', 'yes', 'no', 'on', 'off', 'none', 'null', 'nil', 'undefined', 'empty', 'default', 'enabled', 'disabled',
    'info', 'debug', 'trace', 'warn', 'warning', 'error', 'fatal', 'verbose', 'quiet', 'silent', 'test', 'tests', 'testing',
    'admin', 'root', 'user', 'users', 'guest', 'public', 'private', 'secret', 'token', 'password', 'changeme', 'example',
    'local', 'localhost', 'development', 'production', 'staging', 'server', 'client', 'value', 'values', 'string',
    'number', 'object', 'array', 'result', 'results', 'content', 'message', 'status', 'success', 'failed', 'unknown',
]);

/** One warning per secret that is short or a common word, naming its first source: it is redacted all the same. */
export function weakSecretWarnings(found: readonly FoundSecret[]): string[] {
    const sources = new Map<string, string[]>();
    for (const { value, source } of found) sources.set(value, [...(sources.get(value) ?? []), source]);
    return [...sources].flatMap(([value, [first, ...others]]) => {
        const why = value.length < MIN_SECRET_LENGTH ? `is shorter than ${MIN_SECRET_LENGTH} characters` : COMMON_WORDS.has(value.toLowerCase()) ? 'is a common word' : undefined;
        const more = others.length ? ` (and ${others.length} more place${others.length === 1 ? '' : 's'})` : '';
        return why ? [`the secret at ${first}${more} ${why}, so "***" may replace unrelated text in reports (list it under public: if it is not a secret)`] : [];
    });
}
