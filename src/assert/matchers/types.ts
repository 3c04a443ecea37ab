/** The contract every matcher implements. */
import type { Matcher, SpecPath } from '../../load/types.js';

/** A checked value; `present: false` when a JSONPath matched nothing or a key is missing. */
export type Subject = { present: true; value: unknown } | { present: false };

/** One matcher that did not hold, pointing at where it was written. */
export interface MatchFailure {
    /** Spec path of the matcher, for `file:line:col`. */
    path: SpecPath;
    /** e.g. `to be greater than or equal to 1` — the subject's name is added by the caller. */
    expectation: string;
    expected: unknown;
    actual: unknown;
}

/** Evaluates nested matchers (for `length`, `not`, `all`, `any`). */
export type Evaluate = (matcher: Matcher, subject: Subject) => MatchFailure[];

export type MatcherOf<Op extends Matcher['op']> = Matcher & { op: Op };

/** A matcher implementation: returns the failures (empty when it holds). */
export type MatcherImpl<Op extends Matcher['op']> = (matcher: MatcherOf<Op>, subject: Subject, evaluate: Evaluate) => MatchFailure[];

/** A failure of `matcher` with the given wording. */
export function fail(matcher: Matcher, expectation: string, expected: unknown, subject: Subject): MatchFailure[] {
    return [{ path: matcher.path, expectation, expected, actual: subject.present ? subject.value : undefined }];
}

/** Most matchers need a value; a missing one fails them all the same way. */
export function missing(matcher: Matcher, expectation: string, expected: unknown): MatchFailure[] {
    return [{ path: matcher.path, expectation: `${expectation}, but there is no value`, expected, actual: undefined }];
}
