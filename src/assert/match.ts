/** Runs a matcher on a named subject and words each failure as a problem at the matcher's location. */
import type { Matcher } from '../load/types.js';
import type { Problem, ProblemKind } from '../run/result.js';
import type { AssertContext } from './context.js';
import { evaluateMatcher, type Subject } from './matchers/index.js';

/** Checks `subject` (called `label` in messages, e.g. `text` or `$.title`) against `matcher`. */
export function matchSubject(label: string, matcher: Matcher, subject: Subject, kind: ProblemKind, ctx: AssertContext): Problem[] {
    return evaluateMatcher(matcher, subject).map((failure) => ({
        kind,
        message: `${label}: expected ${failure.expectation}`,
        loc: ctx.locateSpec(failure.path),
        expected: failure.expected,
        actual: failure.actual,
    }));
}

/** A present subject. */
export function present(value: unknown): Subject {
    return { present: true, value };
}
