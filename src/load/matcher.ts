/**
 * The matcher vocabulary, parsed: one language for every place a spec checks a value (`text`,
 * `json` values, content items, resource and prompt expectations). Evaluation lives in
 * `src/assert/matchers/`; this module only turns what the user wrote into a `Matcher` and
 * says, at the exact spot, what is wrong with it.
 *
 * A bare value (scalar, array, or an object without matcher keys) means deep `equals`. An
 * object whose keys are all matcher names is those matchers, all of which must hold. An
 * object mixing the two is ambiguous and rejected.
 */
import { linearRegExp } from '../linear-regex.js';
import { quote, typeName } from './messages.js';
import { isRecord } from './paths.js';
import type { JsonPathCheck, JsonTypeName, Matcher, SpecPath } from './types.js';

/** Every matcher name, in the order the schema and messages list them. */
export const MATCHER_NAMES = [
    'equals',
    'contains',
    'matches',
    'startsWith',
    'endsWith',
    'gt',
    'gte',
    'lt',
    'lte',
    'type',
    'length',
    'exists',
    'oneOf',
    'not',
    'all',
    'any',
    'parseJson',
] as const;

export type MatcherName = (typeof MATCHER_NAMES)[number];

/** What `type:` accepts. */
export const JSON_TYPE_NAMES: readonly JsonTypeName[] = ['string', 'number', 'integer', 'boolean', 'object', 'array', 'null'];

/** One thing wrong with a matcher: where (an absolute spec path) and what, phrased for a user. */
export interface MatcherProblem {
    path: SpecPath;
    message: string;
}

/** A parsed matcher, or every problem found in it (nested ones included). */
export type ParsedMatcher = { matcher: Matcher } | { errors: MatcherProblem[] };

const NAMES: ReadonlySet<string> = new Set(MATCHER_NAMES);

const INVALID_REGEX = 'invalid regular expression';

// `${{ captures.X }}` is replaced at run time, so a pattern holding one cannot be judged yet.
const CAPTURE_REFERENCE = '${{';

/** True when `key` is a matcher name. */
export function isMatcherName(key: string): key is MatcherName {
    return NAMES.has(key);
}

/**
 * Whether an object inside a partial deep match (`structuredContent:`, `annotations:`, …) is
 * a matcher: it has keys, and every one is a matcher name. Any other object is literal there.
 */
export function isMatcherObject(value: unknown): value is Record<string, unknown> {
    if (!isRecord(value)) return false;
    const keys = Object.keys(value);
    return keys.length > 0 && keys.every(isMatcherName);
}

/** Every problem of the matchers inside a partial deep match written at `path`. */
export function partialMatchProblems(raw: unknown, path: SpecPath): MatcherProblem[] {
    if (isMatcherObject(raw)) {
        const parsed = parseMatcher(raw, path);
        if (!('errors' in parsed)) return [];
        // Outside a pattern, the likeliest cause is a literal object that happens to use matcher names.
        const hint = ' (an object whose keys are all matcher names is a matcher; to compare it literally write `equals: { … }`)';
        return parsed.errors.map((e) => (e.message.startsWith(INVALID_REGEX) ? e : { ...e, message: `${e.message}${hint}` }));
    }
    if (Array.isArray(raw)) return raw.flatMap((item, i) => partialMatchProblems(item, [...path, i]));
    if (isRecord(raw)) return Object.entries(raw).flatMap(([key, value]) => partialMatchProblems(value, [...path, key]));
    return [];
}

/**
 * Parses what the user wrote at `path` into a matcher. Every matcher in the result (nested
 * ones too) carries the absolute spec path it was written at: the value's own path for a
 * bare value, `[...path, 'gte']` for a `gte:` key, `[...path, 'all', 1]` for a list item.
 */
export function parseMatcher(raw: unknown, path: SpecPath): ParsedMatcher {
    const errors: MatcherProblem[] = [];
    const matcher = parse(raw, path, errors);
    return errors.length === 0 ? { matcher } : { errors };
}

// Always returns a matcher (a placeholder where the input is wrong) so that parsing can go on
// and report every problem in one pass.
function parse(raw: unknown, path: SpecPath, errors: MatcherProblem[]): Matcher {
    if (!isRecord(raw)) return { op: 'equals', value: raw, path };
    const keys = Object.keys(raw);
    const matcherKeys = keys.filter(isMatcherName);
    if (matcherKeys.length === 0) return { op: 'equals', value: raw, path };
    const otherKeys = keys.filter((key) => !isMatcherName(key));
    if (otherKeys.length > 0) {
        errors.push({
            path,
            message:
                `mixes matcher keys (${matcherKeys.join(', ')}) with other keys (${otherKeys.join(', ')}); ` +
                'to compare an object literally use `equals:`',
        });
        return { op: 'equals', value: raw, path };
    }
    const matchers = matcherKeys.map((name) => parseNamed(name, raw[name], [...path, name], errors));
    return matchers.length === 1 ? (matchers[0] as Matcher) : { op: 'all', matchers, path };
}

// One `name: value` entry of a matcher object; `path` is the path to `value`.
function parseNamed(name: MatcherName, value: unknown, path: SpecPath, errors: MatcherProblem[]): Matcher {
    const problem = (message: string): Matcher => {
        errors.push({ path, message });
        return { op: 'equals', value, path };
    };
    switch (name) {
        case 'equals':
        case 'contains':
            return { op: name, value, path };
        case 'matches':
            return parseMatches(value, path, problem);
        case 'startsWith':
        case 'endsWith':
            if (typeof value !== 'string') return problem(`expected string, got ${typeName(value)}`);
            return { op: name, value, path };
        case 'gt':
        case 'gte':
        case 'lt':
        case 'lte':
            if (typeof value !== 'number' && typeof value !== 'string') return problem(`expected number or string, got ${typeName(value)}`);
            return { op: name, value, path };
        case 'type':
            if (!JSON_TYPE_NAMES.includes(value as JsonTypeName)) {
                return problem(`expected one of ${JSON_TYPE_NAMES.map(quote).join(', ')}, got ${quote(value)}`);
            }
            return { op: 'type', value: value as JsonTypeName, path };
        case 'exists':
            if (typeof value !== 'boolean') return problem(`expected boolean, got ${typeName(value)}`);
            return { op: 'exists', value, path };
        case 'oneOf':
            if (!Array.isArray(value)) return problem(`expected array (the allowed values), got ${typeName(value)}`);
            if (value.length === 0) return problem('must not be empty');
            return { op: 'oneOf', values: value, path };
        case 'length': {
            // A length is a count, so a bare value that is not one can never match: most likely
            // a misspelt matcher (`{ gtee: 1 }`), which would otherwise be a literal object.
            const count = Number.isInteger(value) && (value as number) >= 0;
            const capture = typeof value === 'string' && value.includes(CAPTURE_REFERENCE);
            const matcherObject = isRecord(value) && Object.keys(value).some(isMatcherName);
            if (!count && !capture && !matcherObject) {
                return problem(`expected a length (a whole number) or a matcher such as { gte: 1 }, got ${quote(value)}`);
            }
            return { op: 'length', matcher: parse(value, path, errors), path };
        }
        case 'not':
            return { op: 'not', matcher: parse(value, path, errors), path };
        case 'all':
        case 'any':
            if (!Array.isArray(value)) return problem(`expected array (of matchers), got ${typeName(value)}`);
            if (value.length === 0) return problem('must not be empty');
            return { op: name, matchers: value.map((item, index) => parse(item, [...path, index], errors)), path };
        case 'parseJson':
            return { op: 'parseJson', checks: parseJsonChecks(value, path, errors), path };
    }
}

// `matches: "re"` or `matches: { pattern: "re", flags: "i" }`.
function parseMatches(value: unknown, path: SpecPath, problem: (message: string) => Matcher): Matcher {
    if (!isRecord(value)) return typeof value === 'string' ? regexMatcher(value, undefined, path, problem) : problem(`expected string (a regular expression) or { pattern, flags }, got ${typeName(value)}`);
    const { pattern, flags, ...rest } = value;
    const extra = Object.keys(rest);
    if (extra.length > 0) return problem(`unknown key ${extra.map(quote).join(', ')} (a regular expression takes "pattern" and "flags")`);
    if (typeof pattern !== 'string') return problem(`expected "pattern" (a regular expression), got ${typeName(pattern)}`);
    if (flags !== undefined && typeof flags !== 'string') return problem(`expected "flags" as a string such as "i" or "ms", got ${typeName(flags)}`);
    return regexMatcher(pattern, flags || undefined, path, problem);
}

function regexMatcher(pattern: string, flags: string | undefined, path: SpecPath, problem: (message: string) => Matcher): Matcher {
    const invalid = pattern.includes(CAPTURE_REFERENCE) ? undefined : regexProblem(pattern, flags);
    if (invalid) return problem(invalid);
    return flags ? { op: 'matches', pattern, flags, path } : { op: 'matches', pattern, path };
}

/**
 * `parseJson:` — JSONPath keys (`$.name: notes`) check values of the parsed JSON; anything
 * else is one matcher on the whole of it, as the check at `$`.
 */
function parseJsonChecks(value: unknown, path: SpecPath, errors: MatcherProblem[]): JsonPathCheck[] {
    if (isRecord(value) && Object.keys(value).length > 0 && Object.keys(value).every((key) => key.startsWith('$'))) {
        return Object.entries(value).map(([jsonPath, raw]) => ({ jsonPath, matcher: parse(raw, [...path, jsonPath], errors) }));
    }
    return [{ jsonPath: '$', matcher: parse(value, path, errors) }];
}

/** Why `pattern` does not compile the way the assertion will compile it (`u` flag and `flags`); undefined if it does. */
export function regexProblem(pattern: string, flags?: string): string | undefined {
    try {
        linearRegExp(pattern, flags);
        return undefined;
    } catch (error) {
        // V8 says `Invalid regular expression: /(/u: Unterminated group`; keep only the reason.
        const message = error instanceof Error ? error.message : String(error);
        const reason = error instanceof SyntaxError ? message.slice(message.lastIndexOf(': ') + 2) : message;
        return `${INVALID_REGEX} ${quote(pattern)}: ${reason}`;
    }
}
