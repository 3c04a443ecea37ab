/**
 * Text from servers is hostile until shown otherwise: escape sequences would drive the
 * user's terminal, and NUL or a lone surrogate makes XML ill-formed. Both reporters show
 * such characters as visible `\uXXXX` escapes instead.
 */

// C0 controls but tab and newline, DEL, C1 controls, lone surrogates, and the two noncharacters XML forbids.
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** Replaces control characters and lone surrogates with visible `\uXXXX` escapes. */
export function visibleText(text: string): string {
    return text.replace(UNSAFE, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * Safe for XML text and CDATA: visible escapes, and `]]>` written as `]]&gt;`, because the
 * XML builder splits only the first `]]>` of a CDATA section.
 */
export function xmlSafeText(text: string): string {
    return visibleText(text).replaceAll(']]>', ']]&gt;');
}
