import { linearRegExp, type LinearRegExp } from '../../linear-regex.js';
import { regexAsWritten } from './spec-form.js';
import { fail, missing, type MatcherImpl } from './types.js';

/** `matches`: a JavaScript regular expression (unicode mode, with its flags) found anywhere in a string. */
export const matches: MatcherImpl<'matches'> = (m, subject) => {
    const wording = `to match /${m.pattern}/${m.flags ?? ''}`;
    const written = regexAsWritten(m);
    if (!subject.present) return missing(m, wording, written);
    if (typeof subject.value !== 'string') return fail(m, `${wording} (a string)`, written, subject);
    let re: LinearRegExp;
    try {
        re = linearRegExp(m.pattern, m.flags);
    } catch (error) {
        // Only a pattern built from a capture at run time can get here; the loader checks the rest.
        return fail(m, `${wording}, but it is not a valid regular expression: ${(error as Error).message}`, written, subject);
    }
    return re.test(subject.value) ? [] : fail(m, wording, written, subject);
};

/** `startsWith` / `endsWith` on strings. */
export const affix: MatcherImpl<'startsWith' | 'endsWith'> = (m, subject) => {
    const wording = `to ${m.op === 'startsWith' ? 'start' : 'end'} with ${JSON.stringify(m.value)}`;
    if (!subject.present) return missing(m, wording, m.value);
    if (typeof subject.value !== 'string') return fail(m, `${wording} (a string)`, m.value, subject);
    const holds = m.op === 'startsWith' ? subject.value.startsWith(m.value) : subject.value.endsWith(m.value);
    return holds ? [] : fail(m, wording, m.value, subject);
};
