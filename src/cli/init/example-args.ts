/**
 * Example arguments for a tool, made up from its `inputSchema`: required properties only (a
 * starter spec should say the least it can), values that schema authors chose where there are
 * any (`const`, `enum`, `default`, `examples`), otherwise a plain value of the right type.
 * The result is not guaranteed to be valid (a `pattern` can ask for anything); callers check it.
 */

/** Format-appropriate strings, for the formats Ajv checks. */
const FORMAT_EXAMPLES: Record<string, string> = {
    'date-time': '2025-01-01T00:00:00Z',
    date: '2025-01-01',
    time: '00:00:00Z',
    duration: 'PT1M',
    email: 'user@example.com',
    'idn-email': 'user@example.com',
    hostname: 'example.com',
    'idn-hostname': 'example.com',
    ipv4: '127.0.0.1',
    ipv6: '::1',
    uri: 'https://example.com',
    'uri-reference': 'https://example.com',
    iri: 'https://example.com',
    'iri-reference': 'https://example.com',
    url: 'https://example.com',
    uuid: '00000000-0000-4000-8000-000000000000',
    regex: '.*',
    'json-pointer': '/example',
};

const EXAMPLE_STRING = 'example';
// Deep or recursive schemas ($ref cycles) end here instead of looping.
const MAX_DEPTH = 8;

type Schema = Record<string, unknown>;

/** The arguments to try a tool with: an object of its required properties. */
export function exampleArguments(inputSchema: unknown): Record<string, unknown> {
    return exampleArgumentsOf(inputSchema).args;
}

/**
 * The example arguments, and whether any value in them is made up (`"example"`, `1`, `false`)
 * rather than offered by the schema (`const`, `enum`, `default`, `examples`).
 */
export function exampleArgumentsOf(inputSchema: unknown): { args: Record<string, unknown>; madeUp: boolean } {
    const origin = { madeUp: false };
    const value = exampleValue(inputSchema, inputSchema, 0, origin);
    const args = typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
    return { args, madeUp: origin.madeUp };
}

/** One example value for `schema`; `root` resolves local `$ref`s; `origin.madeUp` is set when a value is invented. */
export function exampleValue(schema: unknown, root: unknown, depth: number, origin: { madeUp: boolean } = { madeUp: false }): unknown {
    const invent = <T>(value: T): T => {
        origin.madeUp = true;
        return value;
    };
    if (depth > MAX_DEPTH || typeof schema !== 'object' || schema === null || Array.isArray(schema)) return invent(EXAMPLE_STRING);
    let s = schema as Schema;
    if (typeof s.$ref === 'string') {
        const target = resolveRef(root, s.$ref);
        return target === undefined ? invent(EXAMPLE_STRING) : exampleValue(target, root, depth + 1, origin);
    }
    if ('const' in s) return s.const;
    if (Array.isArray(s.enum) && s.enum.length) return s.enum[0];
    if ('default' in s) return s.default;
    if (Array.isArray(s.examples) && s.examples.length) return s.examples[0];
    for (const key of ['anyOf', 'oneOf'] as const) {
        const options = s[key];
        if (Array.isArray(options) && options.length) {
            // A nullable value is better shown with its real type.
            const chosen = options.find((o) => (o as Schema | null)?.type !== 'null') ?? options[0];
            return exampleValue(chosen, root, depth + 1, origin);
        }
    }
    if (Array.isArray(s.allOf) && s.allOf.length) s = mergeAllOf(s, root);
    switch (typeOf(s)) {
        case 'string':
            return invent(exampleString(s));
        case 'integer':
            return invent(exampleNumber(s, true));
        case 'number':
            return invent(exampleNumber(s, false));
        case 'boolean':
            return invent(false);
        case 'null':
            return null;
        case 'array': {
            const count = typeof s.minItems === 'number' ? s.minItems : 0;
            return Array.from({ length: count }, () => exampleValue(s.items, root, depth + 1, origin));
        }
        case 'object':
            return exampleObject(s, root, depth, origin);
        default:
            return invent(EXAMPLE_STRING);
    }
}

function exampleObject(s: Schema, root: unknown, depth: number, origin: { madeUp: boolean }): Record<string, unknown> {
    const properties = (typeof s.properties === 'object' && s.properties !== null ? s.properties : {}) as Record<string, unknown>;
    const required = Array.isArray(s.required) ? s.required.filter((r): r is string => typeof r === 'string') : [];
    const out: Record<string, unknown> = {};
    for (const name of required) out[name] = exampleValue(properties[name] ?? {}, root, depth + 1, origin);
    return out;
}

function exampleString(s: Schema): string {
    let value = typeof s.format === 'string' ? (FORMAT_EXAMPLES[s.format] ?? EXAMPLE_STRING) : EXAMPLE_STRING;
    if (typeof s.minLength === 'number' && value.length < s.minLength) value = value.padEnd(s.minLength, 'x');
    if (typeof s.maxLength === 'number' && value.length > s.maxLength) value = value.slice(0, s.maxLength);
    return value;
}

function exampleNumber(s: Schema, integer: boolean): number {
    let value = 1;
    if (typeof s.minimum === 'number') value = s.minimum;
    else if (typeof s.exclusiveMinimum === 'number') value = s.exclusiveMinimum + 1;
    if (typeof s.maximum === 'number' && value > s.maximum) value = s.maximum;
    else if (typeof s.exclusiveMaximum === 'number' && value >= s.exclusiveMaximum) value = s.exclusiveMaximum - 1;
    return integer ? Math.ceil(value) : value;
}

/** The first non-null type, or one implied by the keywords present. */
function typeOf(s: Schema): string | undefined {
    const types = Array.isArray(s.type) ? s.type : [s.type];
    const named = types.find((t) => typeof t === 'string' && t !== 'null') ?? types.find((t) => typeof t === 'string');
    if (typeof named === 'string') return named;
    if (s.properties !== undefined || s.required !== undefined) return 'object';
    if (s.items !== undefined) return 'array';
    return undefined;
}

/** `allOf` branches folded into one schema: properties and required lists combined. */
function mergeAllOf(s: Schema, root: unknown): Schema {
    const merged: Schema = { ...s, allOf: undefined };
    for (const branch of s.allOf as unknown[]) {
        let b = branch as Schema | null;
        if (typeof b?.$ref === 'string') b = (resolveRef(root, b.$ref) as Schema | undefined) ?? null;
        if (typeof b !== 'object' || b === null) continue;
        merged.type ??= b.type;
        merged.properties = { ...(merged.properties as Schema | undefined), ...(b.properties as Schema | undefined) };
        merged.required = [...((merged.required as unknown[] | undefined) ?? []), ...((b.required as unknown[] | undefined) ?? [])];
    }
    return merged;
}

/** Resolves `#/…` JSON pointers inside the schema; other references are not followed. */
function resolveRef(root: unknown, ref: string): unknown {
    if (!ref.startsWith('#')) return undefined;
    let node = root;
    for (const raw of ref.slice(1).split('/').filter((p) => p !== '')) {
        const part = decodeURIComponent(raw).replaceAll('~1', '/').replaceAll('~0', '~');
        if (typeof node !== 'object' || node === null) return undefined;
        node = (node as Record<string, unknown>)[part];
    }
    return node;
}
