/** Plain-text rendering shared by reporters: a problem's lines, values, statuses. */
import type { AuthSummary } from '../connect/auth/types.js';
import { formatLocation } from '../errors.js';
import type { CaseResult, Problem, SuiteResult } from '../run/result.js';

/** Longest value shown inline in expected/actual lines. */
const MAX_INLINE_VALUE = 300;

/** A value as one line of JSON (strings quoted), bounded for display. */
export function renderValue(value: unknown): string {
    const text = value === undefined ? '(nothing)' : (JSON.stringify(value) ?? String(value));
    return text.length > MAX_INLINE_VALUE ? `${text.slice(0, MAX_INLINE_VALUE)}… (${text.length} chars)` : text;
}

/** The lines that explain one problem: message, location, expected/actual, details. */
export function problemLines(problem: Problem, fallbackLoc: CaseResult['loc']): string[] {
    const lines = [`${formatLocation(problem.loc ?? fallbackLoc)}: ${problem.message}`];
    if ('expected' in problem) lines.push(`  expected: ${renderValue(problem.expected)}`);
    if ('actual' in problem) lines.push(`  actual:   ${renderValue(problem.actual)}`);
    for (const detail of problem.details ?? []) lines.push(`  - ${detail}`);
    return lines;
}

/** The problems of a case that did not pass (empty for passed and skipped). */
export function problemsOf(result: CaseResult): Problem[] {
    if (result.status === 'failed') return result.problems;
    if (result.status === 'errored') return [result.error];
    return [];
}

/** `weather (stdio: node fixtures/weather-server.js, protocol 2025-11-25)`; the protocol once connected, and how it was authenticated. */
export function describeServer(suite: SuiteResult): string {
    const protocol = suite.serverInfo?.protocolVersion ? `, protocol ${suite.serverInfo.protocolVersion}` : '';
    const auth = suite.auth ? `, ${describeAuth(suite.auth)}` : '';
    return `${suite.server} (${suite.transport}: ${suite.target}${protocol}${auth})`;
}

/** `auth client_credentials via http://issuer, scopes mcp:read`: how a server was authenticated, without secrets. */
export function describeAuth(auth: AuthSummary): string {
    const issuer = auth.issuer ? ` via ${auth.issuer}` : '';
    const scopes = auth.scopes?.length ? `, scopes ${auth.scopes.join(' ')}` : '';
    const renewed = (auth.tokens ?? 0) > 1 ? `, ${auth.tokens} tokens (renewed after expiry)` : '';
    return `auth ${auth.method}${issuer}${scopes}${renewed}`;
}

/** Identifies an error within a server, whichever check it came from. */
export function serverErrorKey(suite: SuiteResult, error: Problem): string {
    return `${suite.server}\u0000${suite.target}\u0000${error.kind}\u0000${error.message}`;
}

/** Errors that several errored checks of the suite share, with how many checks each stopped. */
export function serverErrors(suite: SuiteResult): Map<string, number> {
    const counts = new Map<string, number>();
    for (const result of suite.cases) {
        if (result.status !== 'errored') continue;
        const key = serverErrorKey(suite, result.error);
        counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    return new Map([...counts].filter(([, n]) => n > 1));
}
