/**
 * Captures: values taken from one result with JSONPath and used by later calls on the same
 * server as `${{ captures.NAME }}`. A capture that found nothing is remembered as missing, so
 * the calls that need it error with the reason instead of sending an empty string.
 */
import { queryJson } from '../assert/index.js';
import type { CaseAction } from './plan.js';
import type { Problem } from './result.js';

const REFERENCE = /\$\{\{\s*captures\.([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g;
const WHOLE_REFERENCE = /^\$\{\{\s*captures\.([A-Za-z_][A-Za-z0-9_]*)\s*\}\}$/;

type Entry = { ok: true; value: unknown } | { ok: false; why: string; source: string };

export type Resolved<T> = { ok: true; value: T } | { ok: false; message: string };

export class CaptureStore {
    private readonly entries = new Map<string, Entry>();

    /**
     * Takes each capture from `root`. Returns a problem per capture that matched nothing;
     * those names are then missing for later calls.
     */
    capture(captures: Record<string, string> | undefined, root: unknown, source: string): Problem[] {
        const problems: Problem[] = [];
        for (const [name, path] of Object.entries(captures ?? {})) {
            const found = queryJson(root, path);
            if (found.present && found.value !== undefined) {
                this.entries.set(name, { ok: true, value: found.value });
            } else {
                this.entries.set(name, { ok: false, why: `${path} matched nothing in the result of "${source}"`, source });
                problems.push({ kind: 'assert.capture', message: `capture ${name}: ${path} matched nothing in the result` });
            }
        }
        return problems;
    }

    /** Marks captures as missing because the check that sets them did not get a result. */
    fail(captures: Record<string, string> | undefined, source: string): void {
        for (const name of Object.keys(captures ?? {})) {
            const entry = this.entries.get(name);
            // Keep the more precise reason the same check recorded while capturing.
            if (entry && !entry.ok && entry.source === source) continue;
            this.entries.set(name, { ok: false, why: `"${source}", which sets it, did not pass`, source });
        }
    }

    /** Marks the captures a skipped check would have set as missing, with the reason it was skipped. */
    skip(action: CaseAction, reason: string): void {
        const setter = captureSetter(action);
        if (!setter) return;
        for (const name of Object.keys(setter.captures ?? {})) {
            this.entries.set(name, { ok: false, why: `"${setter.source}", which sets it, was skipped (${reason})`, source: setter.source });
        }
    }

    /**
     * Replaces `${{ captures.NAME }}` in every string of `value`. A string that is exactly one
     * reference takes the captured value as is (a number stays a number); inside a longer
     * string it is written as text.
     */
    resolve<T>(value: T): Resolved<T> {
        if (!mentionsCaptures(value)) return { ok: true, value };
        try {
            return { ok: true, value: this.substitute(value) as T };
        } catch (error) {
            if (error instanceof MissingCapture) return { ok: false, message: error.message };
            throw error;
        }
    }

    private substitute(value: unknown): unknown {
        if (typeof value === 'string') {
            const whole = WHOLE_REFERENCE.exec(value);
            if (whole) return this.lookup(whole[1]!);
            return value.replace(REFERENCE, (_, name: string) => {
                const v = this.lookup(name);
                return typeof v === 'string' ? v : JSON.stringify(v);
            });
        }
        if (Array.isArray(value)) return value.map((v) => this.substitute(v));
        if (value && typeof value === 'object') {
            return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, this.substitute(v)]));
        }
        return value;
    }

    private lookup(name: string): unknown {
        const entry = this.entries.get(name);
        if (!entry) throw new MissingCapture(`capture ${name} is undefined: no earlier check on this server captures it`);
        if (!entry.ok) throw new MissingCapture(`capture ${name} is undefined: ${entry.why}`);
        return entry.value;
    }
}

class MissingCapture extends Error {}

// The checks that can set captures, and the name the others know them by.
function captureSetter(action: CaseAction): { captures: Record<string, string> | undefined; source: string } | undefined {
    if (action.kind === 'call') return { captures: action.call.capture, source: action.call.name ?? action.call.tool };
    if (action.kind === 'resources.read') return { captures: action.read.capture, source: action.read.name ?? action.read.uri };
    if (action.kind === 'prompts.get') return { captures: action.get.capture, source: action.get.name ?? action.get.prompt };
    return undefined;
}

// Most values never mention a capture; skipping the copy keeps per-object caches (compiled schemas) warm.
const mentions = new WeakMap<object, boolean>();

function mentionsCaptures(value: unknown): boolean {
    if (typeof value === 'string') return value.includes('${{');
    if (!value || typeof value !== 'object') return false;
    let known = mentions.get(value);
    if (known === undefined) {
        known = JSON.stringify(value).includes('${{');
        mentions.set(value, known);
    }
    return known;
}
