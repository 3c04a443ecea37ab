/** Fetching the JSON metadata documents of OAuth discovery, with failures that name the step. */
import { AuthError, type AuthStep } from './types.js';

/** How long one metadata or token request may take. */
export const AUTH_REQUEST_TIMEOUT_MS = 15_000;

/** The JSON object at `url`, or undefined when the server answered 404 (the document is not there). */
export async function fetchJsonDocument(url: URL, step: AuthStep): Promise<Record<string, unknown> | undefined> {
    let response: Response;
    try {
        response = await fetch(url, { headers: { accept: 'application/json' }, redirect: 'manual', signal: AbortSignal.timeout(AUTH_REQUEST_TIMEOUT_MS) });
    } catch (error) {
        throw new AuthError(step, `cannot fetch ${url.href}: ${describeFetchError(error)}`);
    }
    if (response.status === 404) {
        await response.body?.cancel();
        return undefined;
    }
    if (!response.ok) {
        await response.body?.cancel();
        throw new AuthError(step, `${url.href} answered HTTP ${response.status}`);
    }
    const body: unknown = await response.json().catch(() => undefined);
    if (!isObject(body)) throw new AuthError(step, `${url.href} did not answer with a JSON object`);
    return body;
}

/** Node's fetch says `fetch failed`; the cause says why (connection refused, host not found). */
export function describeFetchError(error: unknown): string {
    const cause = (error as { cause?: { code?: string; message?: string } })?.cause;
    if (cause?.code) return cause.code === 'ECONNREFUSED' ? 'connection refused' : cause.code;
    if (cause?.message) return cause.message;
    return error instanceof Error ? error.message : String(error);
}

export function isObject(value: unknown): value is Record<string, unknown> {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}
