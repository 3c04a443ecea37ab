/** What every assertion needs besides the value it checks. */
import type { SourceLocation } from '../errors.js';
import type { SpecPath } from '../load/types.js';

export interface AssertContext {
    /** Resolves a path below the call's `expect:` to where it was written in the spec. */
    locate(path: SpecPath): SourceLocation;
    /** Resolves an absolute spec path (as matchers carry) to where it was written. */
    locateSpec(path: SpecPath): SourceLocation;
}
