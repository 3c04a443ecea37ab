import { queryJson } from '../json-path.js';
import { specForm } from './spec-form.js';
import { jsonTypeOf } from './structure.js';
import { fail, missing, type MatcherImpl } from './types.js';

/**
 * `parseJson`: a string holding JSON (servers often return JSON as text inside a field) is
 * parsed, then each JSONPath check runs on the parsed value (`$` is the whole of it).
 */
export const parseJson: MatcherImpl<'parseJson'> = (m, subject, evaluate) => {
    const wording = 'to be a string holding JSON';
    if (!subject.present) return missing(m, wording, specForm(m));
    if (typeof subject.value !== 'string') return fail(m, `${wording}, got ${jsonTypeOf(subject.value)}`, specForm(m), subject);
    let parsed: unknown;
    try {
        parsed = JSON.parse(subject.value);
    } catch (error) {
        return fail(m, `${wording}, but it does not parse: ${(error as Error).message}`, specForm(m), subject);
    }
    return m.checks.flatMap((check) => {
        const where = check.jsonPath === '$' ? 'as JSON' : `as JSON, ${check.jsonPath}`;
        return evaluate(check.matcher, queryJson(parsed, check.jsonPath)).map((f) => ({ ...f, expectation: `${where} ${f.expectation}` }));
    });
};
