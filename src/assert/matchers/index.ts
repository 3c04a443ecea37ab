/**
 * The matcher vocabulary, one implementation per file, looked up by name. Every place a value
 * is checked (text, JSONPath values, content items, resources, prompts) goes through here.
 */
import type { Matcher } from '../../load/types.js';
import { contains } from './contains.js';
import { compare } from './compare.js';
import { equals, oneOf } from './equals.js';
import { all, not } from './logic.js';
import { parseJson } from './parse-json.js';
import { affix, matches } from './strings.js';
import { exists, length, type } from './structure.js';
import type { Evaluate, MatcherImpl, MatchFailure, Subject } from './types.js';

export type { MatchFailure, Subject } from './types.js';

const MATCHERS: { [Op in Matcher['op']]: MatcherImpl<Op> } = {
    equals,
    oneOf,
    contains,
    matches,
    startsWith: affix,
    endsWith: affix,
    gt: compare,
    gte: compare,
    lt: compare,
    lte: compare,
    type,
    length,
    exists,
    not,
    all,
    any: all,
    parseJson,
};

/** Checks a subject against a matcher; returns every failure (empty when it holds). */
export const evaluateMatcher: Evaluate = (matcher: Matcher, subject: Subject): MatchFailure[] => {
    const impl = MATCHERS[matcher.op] as MatcherImpl<Matcher['op']>;
    return impl(matcher, subject, evaluateMatcher);
};
