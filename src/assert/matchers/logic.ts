import { specForm, judgesPresence } from './spec-form.js';
import { fail, missing, type MatcherImpl } from './types.js';

/** `not`: the nested matcher must fail. A missing value fails it too, unless it is about presence. */
export const not: MatcherImpl<'not'> = (m, subject, evaluate) => {
    const expected = specForm(m);
    if (!subject.present && !judgesPresence(m.matcher)) return missing(m, `not ${JSON.stringify(specForm(m.matcher))}`, expected);
    if (evaluate(m.matcher, subject).length > 0) return [];
    return fail(m, `not to satisfy ${JSON.stringify(specForm(m.matcher))}`, expected, subject);
};

/** `all` (and several keys in one matcher): every nested matcher must hold; `any`: at least one. */
export const all: MatcherImpl<'all' | 'any'> = (m, subject, evaluate) => {
    const results = m.matchers.map((inner) => evaluate(inner, subject));
    if (m.op === 'all') return results.flat();
    if (results.some((failures) => failures.length === 0)) return [];
    const reasons = results.flat().map((f) => f.expectation);
    return fail(m, `to satisfy any of: ${reasons.join('; ')}`, specForm(m), subject);
};
