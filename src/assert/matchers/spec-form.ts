/** A parsed matcher written back the way a spec author wrote it, for `expected:` in reports. */
import type { Matcher } from '../../load/types.js';

/** `{ op: 'gte', value: 1 }` → `{ gte: 1 }`; a bare `equals` → its value. */
export function specForm(matcher: Matcher): unknown {
    switch (matcher.op) {
        case 'equals':
            return matcher.value;
        case 'matches':
            return { matches: matcher.pattern };
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

/** Whether the matcher is about presence itself, so a missing value is for it to judge. */
export function judgesPresence(matcher: Matcher): boolean {
    if (matcher.op === 'exists') return true;
    if (matcher.op === 'not') return judgesPresence(matcher.matcher);
    if (matcher.op === 'all' || matcher.op === 'any') return matcher.matchers.some(judgesPresence);
    return false;
}
