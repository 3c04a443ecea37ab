/**
 * The one way text is cut short before it reaches a report: the kept start, then `…`. Report
 * redaction relies on that mark to find a secret whose start is all that is left.
 */

/** `text` if it fits in `max` characters, else its first `max` characters and `…`. */
export function excerpt(text: string, max: number): string {
    return text.length > max ? `${text.slice(0, max)}…` : text;
}
