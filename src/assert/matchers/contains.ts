import { jsonEqual } from '../json-equal.js';
import { fail, missing, type MatcherImpl } from './types.js';

/** `contains`: a substring of a string, or an element (deep-equal) of an array. */
export const contains: MatcherImpl<'contains'> = (m, subject) => {
    const wording = `to contain ${JSON.stringify(m.value)}`;
    if (!subject.present) return missing(m, wording, m.value);
    const { value } = subject;
    if (typeof value === 'string' && typeof m.value === 'string') return value.includes(m.value) ? [] : fail(m, wording, m.value, subject);
    if (Array.isArray(value)) return value.some((v) => jsonEqual(v, m.value)) ? [] : fail(m, wording, m.value, subject);
    return fail(m, `${wording} (a string or an array)`, m.value, subject);
};
