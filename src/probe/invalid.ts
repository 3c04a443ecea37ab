/**
 * Invalid arguments a server must reject: valid arguments with one required property left
 * out, or with one typed property given a value of another JSON type. Built on the valid
 * arbitrary, so fast-check shrinks the rest of the object away and the report shows e.g. `{}`.
 */
import fc, { type Arbitrary } from 'fast-check';
import { flattenRoot, isObject, resolveRef, typeList } from './schema.js';

export type Args = Record<string, unknown>;

/** One way of breaking valid arguments. */
export interface InvalidVariant {
    kind: 'missing' | 'wrongType';
    property: string;
    /** For reports, e.g. `without required "name"`. */
    name: string;
    arbitrary: Arbitrary<Args>;
}

/**
 * The invalid variants of a tool's input: one per required property, one per property with a
 * `type`. With `acceptCoercion`, wrong-type values a lenient validator converts are not sent.
 */
export function invalidVariants(inputSchema: unknown, valid: Arbitrary<Args>, options: { acceptCoercion?: boolean } = {}): InvalidVariant[] {
    const root = flattenRoot(inputSchema);
    const properties = isObject(root.properties) ? root.properties : {};
    const required = Array.isArray(root.required) ? root.required.filter((r): r is string => typeof r === 'string') : [];
    const variants: InvalidVariant[] = [];
    for (const property of new Set(required)) {
        variants.push({
            kind: 'missing',
            property,
            name: `without required ${JSON.stringify(property)}`,
            arbitrary: valid.map((args) => without(args, property)),
        });
    }
    for (const [property, schema] of Object.entries(properties)) {
        const declared = isObject(schema) ? declaredTypes(inputSchema, schema) : [];
        const wrong = declared.length > 0 ? wrongTypeArbitrary(declared, options.acceptCoercion) : undefined;
        if (!wrong) continue;
        const lenient = options.acceptCoercion ? ', coercible values left out' : '';
        variants.push({
            kind: 'wrongType',
            property,
            name: `wrong type for ${JSON.stringify(property)} (not ${declared.join(' or ')}${lenient})`,
            arbitrary: fc.tuple(valid, wrong).map(([args, value]) => withValue(args, property, value)),
        });
    }
    return variants;
}

/** The `type`s a property schema declares, following a `$ref` at its top. */
function declaredTypes(root: unknown, schema: Record<string, unknown>): string[] {
    const own = typeList(schema.type);
    if (own.length > 0 || typeof schema.$ref !== 'string') return own;
    const target = resolveRef(root, schema.$ref);
    return isObject(target) ? typeList(target.type) : [];
}

/**
 * Values of JSON types outside `allowed`, simplest first so shrinking ends at a plain one
 * (`0` for a string property, `0.5` for an integer one). Undefined when every type is allowed.
 *
 * `lenient` leaves out what validators that coerce (pydantic's default mode, zod's `coerce`)
 * turn into an allowed type without loss: booleans and numeric strings for numbers, numbers
 * and booleans for strings, 0, 1 and words such as "yes" for booleans. `null`, arrays and
 * objects are still sent: no such validator accepts them for a scalar.
 */
export function wrongTypeArbitrary(allowed: readonly string[], lenient = false): Arbitrary<unknown> | undefined {
    const has = (t: string) => allowed.includes(t);
    const numeric = has('number') || has('integer');
    const candidates: Arbitrary<unknown>[] = [];
    if (!numeric) {
        if (!lenient) candidates.push(fc.integer());
        else if (!has('string')) candidates.push(fc.integer().filter((n) => !(has('boolean') && (n === 0 || n === 1))));
    } else if (!has('number')) candidates.push(fc.integer({ min: -1000, max: 1000 }).map((n) => n + 0.5));
    if (!has('string')) {
        const strings = fc.string({ maxLength: 8 });
        candidates.push(lenient ? strings.filter((text) => !(numeric && isNumeric(text)) && !(has('boolean') && BOOLEAN_WORDS.test(text))) : strings);
    }
    if (!has('boolean') && !(lenient && (numeric || has('string')))) candidates.push(fc.boolean());
    if (!has('null')) candidates.push(fc.constant(null));
    if (!has('array')) candidates.push(fc.constant([]));
    if (!has('object')) candidates.push(fc.constant({}));
    if (candidates.length === 0) return undefined;
    return candidates.length === 1 ? candidates[0] : fc.oneof({ withCrossShrink: true }, ...candidates);
}

// Strings lenient validators read as booleans (pydantic's list, which covers zod's and others').
const BOOLEAN_WORDS = /^\s*(true|false|yes|no|on|off|t|f|y|n|1|0)\s*$/i;

function isNumeric(text: string): boolean {
    return text.trim() !== '' && Number.isFinite(Number(text));
}

function without(args: Args, property: string): Args {
    const { [property]: _dropped, ...rest } = args;
    return rest;
}

function withValue(args: Args, property: string, value: unknown): Args {
    // defineProperty: a property named `__proto__` must become an own key, not the prototype.
    const out = { ...args };
    Object.defineProperty(out, property, { value, enumerable: true, writable: true, configurable: true });
    return out;
}
