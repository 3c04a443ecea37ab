/**
 * Compiles the JSON Schemas that servers publish (tool input and output schemas). The dialect
 * follows the schema's `$schema`: 2020-12 unless it names draft-07/06 or 2019-09. A schema
 * that does not compile is a finding about the server, so compiling returns a result instead
 * of throwing.
 */
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import { Ajv2019 } from 'ajv/dist/2019.js';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { ajvRegExpEngine } from '../linear-regex.js';
import validate202012Meta from './generated/meta-2020-12.js';
import validateDraft07Meta from './generated/meta-draft-07.js';

type AnyAjv = Ajv | Ajv2019 | Ajv2020;

// ajv-formats is CommonJS with a `default` property; NodeNext sees the module object.
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as (ajv: AnyAjv) => void;

type Dialect = 'draft-07' | '2019-09' | '2020-12';

/**
 * The meta-schema validators compiled at build time (schema/compile-meta-validators.mjs), with
 * the options below: generating them at run time took ~30 ms before the first tool call.
 * 2019-09, which few servers declare, is still checked by Ajv itself.
 */
const PRECOMPILED_META: Partial<Record<Dialect, MetaValidator>> = { 'draft-07': validateDraft07Meta as MetaValidator, '2020-12': validate202012Meta as MetaValidator };

/** A standalone validator: like Ajv's, it leaves its errors on itself. */
type MetaValidator = ((data: unknown) => boolean) & { errors?: ErrorObject[] | null };

const engines = new Map<string, AnyAjv>();

function engine(dialect: Dialect): AnyAjv {
    let ajv = engines.get(dialect);
    if (!ajv) {
        // strict off: published schemas carry extra keywords (e.g. `title` variants, vendor keys).
        // addUsedSchema off: two servers may publish schemas with the same `$id`.
        // optimize off: a tool's schema validates a handful of calls, so compiling fast matters more.
        // regExp: server patterns run in linear time, so `^(a+)+$` cannot stall the run.
        const options = { allErrors: true, strict: false, addUsedSchema: false, validateSchema: !PRECOMPILED_META[dialect], code: { optimize: false, regExp: ajvRegExpEngine } };
        ajv = dialect === 'draft-07' ? new Ajv(options) : dialect === '2019-09' ? new Ajv2019(options) : new Ajv2020(options);
        addFormats(ajv);
        engines.set(dialect, ajv);
    }
    return ajv;
}

function dialectOf(schema: unknown): Dialect {
    const declared = (schema as { $schema?: unknown } | null)?.$schema;
    if (typeof declared !== 'string') return '2020-12';
    if (/draft-0[67]/.test(declared)) return 'draft-07';
    if (declared.includes('2019-09')) return '2019-09';
    return '2020-12';
}

/**
 * Builds the engines most servers need, with their meta-schema validators (tens of
 * milliseconds of code generation): 2020-12, the default, and draft-07, which the SDK's
 * `McpServer` declares on every tool. A schema shaped like a typical tool's warms the code
 * paths of the common keywords too. The runner calls this while servers are still starting,
 * when the CPU is free.
 */
export function warmUpSchemaEngine(): void {
    compileUncached(TYPICAL_TOOL_SCHEMA);
    compileUncached({ ...TYPICAL_TOOL_SCHEMA, $schema: 'http://json-schema.org/draft-07/schema#' });
}

const TYPICAL_TOOL_SCHEMA = {
    type: 'object',
    title: 'Arguments',
    properties: {
        text: { type: 'string', description: 'text', minLength: 1, maxLength: 100, pattern: '^\\S' },
        count: { type: 'integer', minimum: 0, maximum: 10, default: 1 },
        ratio: { type: 'number', exclusiveMinimum: 0 },
        flag: { type: 'boolean' },
        mode: { type: 'string', enum: ['a', 'b'] },
        when: { type: 'string', format: 'date-time' },
        tags: { type: 'array', items: { type: 'string' }, uniqueItems: true },
        either: { anyOf: [{ type: 'string' }, { type: 'null' }] },
        nested: { type: 'object', properties: { x: { type: 'number' } }, required: ['x'], additionalProperties: false },
    },
    required: ['text'],
    additionalProperties: false,
};

export type CompiledSchema = { ok: true; validate: ValidateFunction } | { ok: false; error: string };

// Servers often publish the same schema many times (one per tool, or per page of a long list),
// and the same tool's schema is read by several checks; compile each distinct text once.
const cache = new Map<string, CompiledSchema>();

/** Compiles a published schema in the dialect it declares; never throws. Equal schemas compile once. */
export function compileSchema(schema: unknown): CompiledSchema {
    let key: string;
    try {
        key = JSON.stringify(schema) ?? 'undefined';
    } catch {
        return compileUncached(schema);
    }
    let compiled = cache.get(key);
    if (!compiled) {
        compiled = compileUncached(schema);
        cache.set(key, compiled);
    }
    return compiled;
}

function compileUncached(schema: unknown): CompiledSchema {
    if (typeof schema !== 'object' || schema === null || Array.isArray(schema)) {
        return { ok: false, error: `schema must be an object, got ${describeType(schema)}` };
    }
    // `$schema` only selects the engine; engines reject dialect URIs they do not bundle.
    const { $schema: _dialect, ...body } = schema as Record<string, unknown>;
    const dialect = dialectOf(schema);
    const meta = PRECOMPILED_META[dialect];
    // The message Ajv's own check of the schema throws, word for word.
    if (meta && !meta(body)) return { ok: false, error: `schema is invalid: ${engine(dialect).errorsText(meta.errors)}` };
    try {
        return { ok: true, validate: engine(dialect).compile(body) };
    } catch (error) {
        return { ok: false, error: error instanceof Error ? error.message : String(error) };
    }
}

/** One line per Ajv error: `/path: message (params)`. */
export function formatAjvErrors(errors: readonly ErrorObject[] | null | undefined): string[] {
    return (errors ?? []).map((e) => {
        const where = e.instancePath || '(root)';
        const extra =
            e.keyword === 'additionalProperties'
                ? ` "${(e.params as { additionalProperty: string }).additionalProperty}"`
                : e.keyword === 'enum'
                  ? `: ${JSON.stringify((e.params as { allowedValues: unknown[] }).allowedValues)}`
                  : '';
        return `${where}: ${e.message ?? e.keyword}${extra}`;
    });
}

/** `null`, `array`, or the `typeof` name, for messages. */
export function describeType(value: unknown): string {
    if (value === null) return 'null';
    if (Array.isArray(value)) return 'array';
    return typeof value;
}
