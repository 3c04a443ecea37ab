/**
 * Regular expressions from servers (a schema's `pattern`) and from specs (`matches:`) are run
 * by RE2, whose matching time is linear in the input. V8's backtracking engine takes time
 * exponential in the input for patterns such as `^(a+)+$`, blocking the event loop past every
 * timeout and signal. RE2 has no lookaround and no backreferences: such a pattern is refused
 * with a message that says why, rather than run by an engine that can hang.
 */
import { RE2JS } from 're2js';

/** The part of `RegExp` that validation needs. */
export interface LinearRegExp {
    test(text: string): boolean;
}

/** The flags a spec may give a pattern, with RE2's equivalent of each; `u` is always on. */
export const REGEX_FLAGS: Readonly<Record<string, number>> = { i: RE2JS.CASE_INSENSITIVE, m: RE2JS.MULTILINE, s: RE2JS.DOTALL };

/**
 * Compiles `pattern` (JavaScript syntax, unicode mode) for RE2 with JavaScript's `flags`
 * (some of `i`, `m`, `s`); throws an Error that says what is wrong.
 */
export function linearRegExp(pattern: string, flags = ''): LinearRegExp {
    const unknown = [...flags].filter((flag) => !(flag in REGEX_FLAGS));
    if (unknown.length > 0) throw new Error(`unsupported flag ${unknown.map((f) => `"${f}"`).join(', ')} (use i, m or s)`);
    if (new Set(flags).size < flags.length) throw new Error(`flags "${flags}" repeat a flag`);
    // Checked by V8 first, so a pattern invalid in JavaScript gets V8's own explanation.
    new RegExp(pattern, `u${flags}`);
    try {
        return RE2JS.compile(toRe2Syntax(pattern), [...flags].reduce((bits, flag) => bits | REGEX_FLAGS[flag]!, 0));
    } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        throw new Error(`mcp-check runs regular expressions in linear time (RE2), which has no lookaround or backreferences: ${reason}`);
    }
}

/** Ajv's `code.regExp` engine: RE2 for every `pattern` and `patternProperties` key. */
export const ajvRegExpEngine = Object.assign((pattern: string) => linearRegExp(pattern), { code: 'linearRegExp' });

/** JavaScript's `\u{1F327}` and `\uD83C\uDF27` escapes in RE2's spelling, `\x{1F327}`; the rest is shared. */
function toRe2Syntax(pattern: string): string {
    return pattern.replace(/\\(?:\\|u\{([0-9A-Fa-f]+)\}|u([dD][89abAB][0-9A-Fa-f]{2})\\u([dD][c-fC-F][0-9A-Fa-f]{2})|u([0-9A-Fa-f]{4}))/g, (escape: string, braced?: string, high?: string, low?: string, plain?: string) => {
        if (braced) return `\\x{${braced}}`;
        if (high && low) return `\\x{${String.fromCharCode(parseInt(high, 16), parseInt(low, 16)).codePointAt(0)!.toString(16)}}`;
        if (plain) return `\\x{${plain}}`;
        return escape;
    });
}
