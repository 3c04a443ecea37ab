/**
 * Secrets become `***` wherever they show. A secret does not always show as itself: a message
 * may quote it as JSON (a `"` or `\` in it is then escaped), a URL percent-encodes it, HTML
 * escapes `&` and `<`, and a value cut to an excerpt keeps only its start (before a `…`) or,
 * in a stderr tail, only its end. Each of those forms, and each such piece, is redacted.
 */

import { issuedCount, issuedSecrets } from '../connect/auth/issued.js';

/** What a redacted secret is replaced by. */
export const MASK = '***';

/** The mark our excerpts put where text was cut off. */
const CUT_MARK = '…';
/** The note an output tail starts with (`[… 120 earlier bytes omitted]`): its text may start mid-secret. */
const TAIL_NOTE = /\[… \d+ earlier bytes omitted\]\s*/g;

/**
 * Builds a function that redacts every secret, in each form it may take, from a text: the
 * given ones and every token issued during the run so far (see connect/auth/issued.ts).
 */
export function redactor(secrets: readonly string[]): (text: string) => string {
    let known = -1;
    let redact = (text: string): string => text;
    return (text) => {
        if (issuedCount() !== known) {
            known = issuedCount();
            redact = fixedRedactor([...secrets, ...issuedSecrets()]);
        }
        return redact(text);
    };
}

function fixedRedactor(secrets: readonly string[]): (text: string) => string {
    const forms = [...new Set(secrets.filter((s) => s.length > 0).flatMap(encodedForms))].sort((a, b) => b.length - a.length);
    if (forms.length === 0) return (text) => text;
    return (text) => redactCutPieces(
        forms.reduce((out, form) => (out.includes(form) ? out.replaceAll(form, MASK) : out), text),
        forms,
    );
}

/** A secret as it reads raw, JSON-escaped (once or twice), percent-encoded (as a URL component or userinfo) and HTML-escaped. */
export function encodedForms(secret: string): string[] {
    const json = JSON.stringify(secret).slice(1, -1);
    // A URL's userinfo escapes fewer characters than encodeURIComponent (`&`, `+`, `$` stay).
    const userinfo = new URL('http://host');
    userinfo.password = secret;
    const html = secret.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
    return [
        secret,
        json,
        JSON.stringify(json).slice(1, -1),
        encodeURIComponent(secret),
        encodeURI(secret),
        userinfo.password,
        new URLSearchParams({ v: secret }).toString().slice(2),
        html,
        html.replaceAll('"', '&quot;').replaceAll("'", '&#39;'),
        html.replaceAll('"', '&quot;').replaceAll("'", '&#x27;'),
    ];
}

/** Redacts the start of a secret left before a cut mark, and the end of one a tail note precedes. */
function redactCutPieces(text: string, forms: readonly string[]): string {
    if (!text.includes(CUT_MARK)) return text;
    let out = text;
    // From the last cut to the first, so the positions still to visit stay where they were.
    const cuts = [
        ...[...text.matchAll(TAIL_NOTE)].map((m) => ({ at: m.index + m[0].length, piece: (form: string, k: number) => out.startsWith(form.slice(-k), m.index + m[0].length), after: true })),
        ...[...text.matchAll(/…/g)].map((m) => ({ at: m.index, piece: (form: string, k: number) => k <= m.index && out.startsWith(form.slice(0, k), m.index - k), after: false })),
    ].sort((a, b) => b.at - a.at);
    for (const cut of cuts) {
        const length = longestPiece(forms, cut.piece);
        if (length === 0) continue;
        const [from, to] = cut.after ? [cut.at, cut.at + length] : [cut.at - length, cut.at];
        out = `${out.slice(0, from)}${MASK}${out.slice(to)}`;
    }
    return out;
}

/** The length of the longest proper piece of any form that `fits`; 0 when none does. */
function longestPiece(forms: readonly string[], fits: (form: string, length: number) => boolean): number {
    let best = 0;
    for (const form of forms) {
        for (let k = form.length - 1; k > best; k--) {
            if (fits(form, k)) {
                best = k;
                break;
            }
        }
    }
    return best;
}
