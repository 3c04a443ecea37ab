import { fail, missing, type MatcherImpl } from './types.js';

const WORDS = { gt: 'greater than', gte: 'greater than or equal to', lt: 'less than', lte: 'less than or equal to' } as const;

/** `gt` / `gte` / `lt` / `lte`: numbers with numbers, strings with strings (code-unit order). */
export const compare: MatcherImpl<'gt' | 'gte' | 'lt' | 'lte'> = (m, subject) => {
    const wording = `to be ${WORDS[m.op]} ${JSON.stringify(m.value)}`;
    if (!subject.present) return missing(m, wording, m.value);
    const actual = subject.value;
    if (typeof actual !== typeof m.value || (typeof actual !== 'number' && typeof actual !== 'string')) {
        return fail(m, `${wording} (a ${typeof m.value})`, m.value, subject);
    }
    const a = actual as number | string;
    const b = m.value;
    const holds = m.op === 'gt' ? a > b : m.op === 'gte' ? a >= b : m.op === 'lt' ? a < b : a <= b;
    return holds ? [] : fail(m, wording, m.value, subject);
};
