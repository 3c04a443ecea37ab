import { fail, type MatcherImpl } from './types.js';

/** `not`: the nested matcher must fail. */
export const not: MatcherImpl<'not'> = (m, subject, evaluate) => {
    if (evaluate(m.matcher, subject).length > 0) return [];
    return fail(m, `not ${describeNested(m.matcher.op)}`, m.matcher, subject);
};

/** `all` (and several keys in one matcher): every nested matcher must hold. */
export const all: MatcherImpl<'all' | 'any'> = (m, subject, evaluate) => {
    const results = m.matchers.map((inner) => evaluate(inner, subject));
    if (m.op === 'all') return results.flat();
    if (results.some((failures) => failures.length === 0)) return [];
    const reasons = results.flat().map((f) => f.expectation);
    return fail(m, `to satisfy any of: ${reasons.join('; ')}`, undefined, subject);
};

function describeNested(op: string): string {
    return `to satisfy its \`${op}\` matcher`;
}
