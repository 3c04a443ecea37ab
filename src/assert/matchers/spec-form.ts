/** A parsed matcher written back the way a spec author wrote it, for `expected:` in reports. */
import type { Matcher } from '../../load/types.js';

/** `{ op: 'gte', value: 1 }` → `{ gte: 1 }`; a bare `equals` → its value. */
export function specForm(matcher: Matcher): unknown {
    switch (matcher.op) {
        case 'equals':
            return matcher.value;
        case 'matches':
            return { matches: regexAsWritten(matcher) };
        case 'parseJson':
            return { parseJson: parseJsonAsWritten(matcher) };
        case 'oneOf':
            return { oneOf: matcher.values };
        case 'length':
        case 'not':
            return { [matcher.op]: specForm(matcher.matcher) };
        case 'all':
        case 'any':
            return { [matcher.op]: matcher.matchers.map(specForm) };
        default:
            return { [matcher.op]: matcher.value };
    }
}

/** `matches:` as written: the pattern, or `{ pattern, flags }`. */
export function regexAsWritten(matcher: Matcher & { op: 'matches' }): unknown {
    return matcher.flags ? { pattern: matcher.pattern, flags: matcher.flags } : matcher.pattern;
}

// A single check at `$` was written as a plain matcher.
function parseJsonAsWritten(matcher: Matcher & { op: 'parseJson' }): unknown {
    const [only] = matcher.checks;
    if (matcher.checks.length === 1 && only!.jsonPath === '$') return specForm(only!.matcher);
    return Object.fromEntries(matcher.checks.map((check) => [check.jsonPath, specForm(check.matcher)]));
}

/** Whether the matcher is about presence itself, so a missing value is for it to judge. */
export function judgesPresence(matcher: Matcher): boolean {
    if (matcher.op === 'exists') return true;
    if (matcher.op === 'not') return judgesPresence(matcher.matcher);
    if (matcher.op === 'all' || matcher.op === 'any') return matcher.matchers.some(judgesPresence);
    return false;
}
