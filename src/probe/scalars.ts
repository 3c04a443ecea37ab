/**
 * Arbitraries for the scalar JSON types under their schema keywords: integers and numbers
 * with bounds and `multipleOf`, strings with lengths, `format` and `pattern`. Shrinking goes
 * towards 0, the empty string and the first alternative, so counterexamples come out small.
 */
import fc, { type Arbitrary } from 'fast-check';
import type { SchemaObject } from './schema.js';

interface Bounds {
    min?: number;
    max?: number;
    minExcluded: boolean;
    maxExcluded: boolean;
}

// Unbounded integers range over 32 bits: wide enough to find overflow bugs, readable in reports.
const DEFAULT_SPAN = 2 ** 31;

/** Integers (`step` 1) or multiples of `step` within the schema's bounds; undefined when none exist. */
export function multiplesArbitrary(schema: SchemaObject, step = 1): Arbitrary<number> | undefined {
    if (!(step > 0) || !Number.isFinite(step)) return undefined;
    const b = bounds(schema);
    let lo = b.min === undefined ? undefined : Math.ceil(b.min / step);
    if (lo !== undefined && b.minExcluded && lo * step <= b.min!) lo++;
    let hi = b.max === undefined ? undefined : Math.floor(b.max / step);
    if (hi !== undefined && b.maxExcluded && hi * step >= b.max!) hi--;
    lo ??= hi === undefined ? -DEFAULT_SPAN : hi - DEFAULT_SPAN;
    hi ??= lo < 0 && b.min === undefined ? DEFAULT_SPAN - 1 : lo + DEFAULT_SPAN;
    const limit = Math.floor(Number.MAX_SAFE_INTEGER / step);
    lo = Math.max(lo, -limit);
    hi = Math.min(hi, limit);
    if (lo > hi) return undefined;
    const ks = withEdges(fc.integer({ min: lo, max: hi }), [0, lo, hi, 1, -1].filter((k) => k >= lo && k <= hi));
    return step === 1 ? ks : ks.map((k) => k * step);
}

/**
 * Mixes in the values that break code most often (0, ±1, the bounds) far more often than a
 * uniform draw would, so a bug like a missing zero check shows up within a few dozen runs.
 */
function withEdges(values: Arbitrary<number>, edges: number[]): Arbitrary<number> {
    const unique = [...new Set(edges.map((e) => (Object.is(e, -0) ? 0 : e)))];
    if (unique.length === 0) return values;
    // Zero gets a third of the draws on its own: division, indexing and "empty" bugs all start there.
    const others = unique.filter((e) => e !== 0);
    return fc.oneof(
        { withCrossShrink: true },
        ...(unique.includes(0) ? [{ arbitrary: fc.constant(0), weight: 1 }] : []),
        ...(others.length ? [{ arbitrary: fc.constantFrom(...others), weight: 1 }] : []),
        { arbitrary: values, weight: 1 },
    );
}

/** Integers for `type: integer`. */
export function integerArbitrary(schema: SchemaObject): Arbitrary<number> | undefined {
    const step = typeof schema.multipleOf === 'number' ? schema.multipleOf : 1;
    return multiplesArbitrary(schema, step);
}

/**
 * Numbers for `type: number`: whole numbers first (so shrinking ends at 0 and small integers,
 * which are also the values that break arithmetic), then any finite double in bounds.
 */
export function numberArbitrary(schema: SchemaObject): Arbitrary<number> | undefined {
    if (typeof schema.multipleOf === 'number') return multiplesArbitrary(schema, schema.multipleOf);
    const b = bounds(schema);
    let doubles: Arbitrary<number> | undefined;
    try {
        doubles = fc.double({
            noNaN: true,
            noDefaultInfinity: true,
            ...(b.min !== undefined ? { min: b.min, minExcluded: b.minExcluded } : {}),
            ...(b.max !== undefined ? { max: b.max, maxExcluded: b.maxExcluded } : {}),
        });
    } catch {
        // fast-check refuses empty ranges (e.g. exclusiveMinimum = exclusiveMaximum).
        doubles = undefined;
    }
    const ints = multiplesArbitrary(schema);
    if (ints && doubles) return fc.oneof({ withCrossShrink: true }, { arbitrary: ints, weight: 2 }, { arbitrary: doubles, weight: 1 });
    return ints ?? doubles;
}

const DATES = fc.date({ min: new Date('1970-01-01T00:00:00.000Z'), max: new Date('2099-12-31T23:59:59.999Z'), noInvalidDate: true });

const FORMATS: Record<string, () => Arbitrary<string>> = {
    email: () => fc.emailAddress(),
    'idn-email': () => fc.emailAddress(),
    uri: () => fc.webUrl(),
    iri: () => fc.webUrl(),
    url: () => fc.webUrl(),
    'uri-reference': () => fc.webUrl(),
    uuid: () => fc.uuid(),
    'date-time': () => DATES.map((d) => d.toISOString()),
    date: () => DATES.map((d) => d.toISOString().slice(0, 10)),
    time: () => DATES.map((d) => d.toISOString().slice(11)),
    ipv4: () => fc.ipV4(),
    ipv6: () => fc.ipV6(),
    hostname: () => fc.domain(),
    'idn-hostname': () => fc.domain(),
};

/**
 * Strings for `type: string`. A known `format` or a `pattern` fast-check can read drives
 * generation; lengths are then left to the Ajv check. Otherwise: printable ASCII within
 * `minLength`/`maxLength` (one code point per character, as JSON Schema counts them).
 */
export function stringArbitrary(schema: SchemaObject): Arbitrary<string> | undefined {
    const format = typeof schema.format === 'string' ? FORMATS[schema.format] : undefined;
    if (format) return format();
    if (typeof schema.pattern === 'string') {
        const matching = patternArbitrary(schema.pattern);
        if (matching) return matching;
    }
    const minLength = nonNegativeInteger(schema.minLength) ?? 0;
    const maxLength = nonNegativeInteger(schema.maxLength);
    if (maxLength !== undefined && minLength > maxLength) return undefined;
    return fc.string({ minLength, ...(maxLength !== undefined ? { maxLength } : {}) });
}

/** Strings matching a JSON Schema `pattern` (unanchored, as JSON Schema means it); undefined when fast-check cannot read it. */
function patternArbitrary(pattern: string): Arbitrary<string> | undefined {
    for (const flags of ['u', '']) {
        try {
            return fc.stringMatching(new RegExp(pattern, flags));
        } catch {
            // Not valid with these flags, or a construct fast-check does not generate (lookbehind, …).
        }
    }
    return undefined;
}

/** A non-negative integer keyword value, else undefined. */
export function nonNegativeInteger(value: unknown): number | undefined {
    return typeof value === 'number' && Number.isInteger(value) && value >= 0 ? value : undefined;
}

/** The numeric bounds: `minimum`/`maximum` and the numeric `exclusive*` of draft-06 and later. */
function bounds(schema: SchemaObject): Bounds {
    const out: Bounds = { minExcluded: false, maxExcluded: false };
    if (typeof schema.minimum === 'number') out.min = schema.minimum;
    if (typeof schema.maximum === 'number') out.max = schema.maximum;
    if (typeof schema.exclusiveMinimum === 'number' && (out.min === undefined || schema.exclusiveMinimum >= out.min)) {
        out.min = schema.exclusiveMinimum;
        out.minExcluded = true;
    }
    if (typeof schema.exclusiveMaximum === 'number' && (out.max === undefined || schema.exclusiveMaximum <= out.max)) {
        out.max = schema.exclusiveMaximum;
        out.maxExcluded = true;
    }
    return out;
}
