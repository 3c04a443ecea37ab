import type { JsonTypeName } from '../../load/types.js';
import { specForm } from './spec-form.js';
import { fail, missing, type MatcherImpl } from './types.js';

/** The JSON type of a value, with `integer` reported as `number` (see `isType`). */
export function jsonTypeOf(value: unknown): Exclude<JsonTypeName, 'integer'> | 'undefined' {
    if (value === null) return 'null';
    if (Array.isArray(value)) return 'array';
    const t = typeof value;
    return t === 'string' || t === 'number' || t === 'boolean' || t === 'object' ? t : 'undefined';
}

function isType(value: unknown, type: JsonTypeName): boolean {
    return type === 'integer' ? Number.isInteger(value) : jsonTypeOf(value) === type;
}

/** `type`: a JSON type, or `integer`. */
export const type: MatcherImpl<'type'> = (m, subject) => {
    const wording = `to be of type ${m.value}`;
    if (!subject.present) return missing(m, wording, m.value);
    return isType(subject.value, m.value) ? [] : fail(m, `${wording}, got ${jsonTypeOf(subject.value)}`, m.value, subject);
};

/** `length`: characters of a string, items of an array, keys of an object — checked by a nested matcher. */
export const length: MatcherImpl<'length'> = (m, subject, evaluate) => {
    if (!subject.present) return missing(m, 'to have a length', specForm(m));
    const { value } = subject;
    const size =
        typeof value === 'string'
            ? Array.from(value).length
            : Array.isArray(value)
              ? value.length
              : value !== null && typeof value === 'object'
                ? Object.keys(value).length
                : undefined;
    if (size === undefined) return fail(m, 'to have a length (a string, array or object)', specForm(m), subject);
    return evaluate(m.matcher, { present: true, value: size }).map((f) => ({ ...f, expectation: `length ${f.expectation}` }));
};

/** `exists`: whether there is a value at all (a JSONPath matched, a key is present). */
export const exists: MatcherImpl<'exists'> = (m, subject) => {
    if (subject.present === m.value) return [];
    return fail(m, m.value ? 'to exist' : 'not to exist', m.value, subject);
};
