import { jsonEqual } from '../json-equal.js';
import { fail, missing, type MatcherImpl } from './types.js';

/** `equals` (and bare values): deep equality, so objects and arrays compare by content. */
export const equals: MatcherImpl<'equals'> = (m, subject) => {
    if (!subject.present) return missing(m, `to equal ${JSON.stringify(m.value)}`, m.value);
    return jsonEqual(subject.value, m.value) ? [] : fail(m, `to equal ${JSON.stringify(m.value)}`, m.value, subject);
};

/** `oneOf`: deep-equal to one of the listed values. */
export const oneOf: MatcherImpl<'oneOf'> = (m, subject) => {
    const wording = `to be one of ${JSON.stringify(m.values)}`;
    if (!subject.present) return missing(m, wording, m.values);
    return m.values.some((v) => jsonEqual(subject.value, v)) ? [] : fail(m, wording, m.values, subject);
};
