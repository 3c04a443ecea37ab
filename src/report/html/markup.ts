/**
 * Building HTML from untrusted text. Every value interpolated through the `html` tag is
 * escaped unless it is markup this module built itself, so a server's
 * `<img src=x onerror=alert(1)>` can only ever show up as text.
 */
import { visibleText } from '../safe-text.js';

/** Markup built by `html` (trusted because every piece of text in it was escaped). */
export class Markup {
    constructor(readonly html: string) {}

    toString(): string {
        return this.html;
    }
}

/** What `html` accepts: text to escape, markup to keep, lists of either, or nothing. */
export type Fragment = Markup | string | number | boolean | null | undefined | readonly Fragment[];

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for HTML content and quoted attributes; control characters become visible `\uXXXX`. */
export function escapeHtml(text: string): string {
    return visibleText(text).replace(/[&<>"']/g, (ch) => ENTITIES[ch]!);
}

/** Tagged template that escapes every interpolated value that is not already `Markup`. */
export function html(strings: TemplateStringsArray, ...values: Fragment[]): Markup {
    let out = strings[0]!;
    values.forEach((value, i) => {
        out += render(value) + strings[i + 1]!;
    });
    return new Markup(out);
}

function render(value: Fragment): string {
    if (value instanceof Markup) return value.html;
    if (Array.isArray(value)) return value.map(render).join('');
    if (value === null || value === undefined || value === false || value === true) return '';
    return escapeHtml(String(value));
}

/** Longest JSON shown for one value; the rest is summarised, since a page is read, not parsed. */
export const MAX_JSON_CHARS = 20_000;

/** A value as indented JSON (strings stay quoted so `"1"` and `1` differ), bounded. */
export function prettyJson(value: unknown, max = MAX_JSON_CHARS): string {
    let text: string;
    try {
        text = JSON.stringify(value, null, 2) ?? String(value);
    } catch {
        // Results are plain data, but a reporter must not die on an odd value.
        text = String(value);
    }
    return text.length > max ? `${text.slice(0, max)}\n… (${text.length - max} more characters not shown)` : text;
}

/** `12 ms`, `4.20 s` or `2 min 5 s`: precise for quick checks, readable for long runs. */
export function formatDuration(ms: number): string {
    if (!Number.isFinite(ms) || ms < 0) return '—';
    if (ms < 1000) return `${Math.round(ms)} ms`;
    if (ms < 60_000) return `${(ms / 1000).toFixed(2)} s`;
    const minutes = Math.floor(ms / 60_000);
    return `${minutes} min ${Math.round((ms % 60_000) / 1000)} s`;
}

/** `2026-11-24 13:17:39 UTC`, or undefined for a missing or invalid date. */
export function formatDate(value: Date | string | undefined): string | undefined {
    if (value === undefined) return undefined;
    const date = value instanceof Date ? value : new Date(value);
    if (Number.isNaN(date.getTime())) return undefined;
    return `${date.toISOString().slice(0, 19).replace('T', ' ')} UTC`;
}

/** The ISO form for `<time datetime>`, or undefined. */
export function isoDate(value: Date | string | undefined): string | undefined {
    if (value === undefined) return undefined;
    const date = value instanceof Date ? value : new Date(value);
    return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}
