/**
 * The one way text is cut short before it reaches a report: the kept start, then `…`. Report
 * redaction relies on that mark to find a secret whose start is all that is left.
 */

/** `text` if it fits in `max` characters, else its first `max` characters and `…`. */
export function excerpt(text: string, max: number): string {
    return text.length > max ? `${text.slice(0, max)}…` : text;
}

/**
 * Like `excerpt`, but ends at a word boundary when one is near the limit, so a server's message
 * is not cut mid-word.
 */
export function excerptWords(text: string, max: number): string {
    if (text.length <= max) return text;
    const space = text.slice(0, max + 1).search(/\s\S*$/);
    // A boundary in the last quarter keeps most of the text; else one long word is cut.
    const end = space >= max * 0.75 ? space : max;
    return `${text.slice(0, end).trimEnd()}…`;
}
