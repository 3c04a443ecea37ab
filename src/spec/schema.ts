/**
 * The JSON Schema of spec files, compiled once per process on first use. The schema file is
 * shipped in the package (`schema/`), so editors and the loader read the very same rules.
 */
import { existsSync, readFileSync } from 'node:fs';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import ajvFormats from 'ajv-formats';

// ajv-formats is CommonJS: under NodeNext its default import is `module.exports`, whose
// `default` property is the plugin function.
const addFormats = ajvFormats.default;

/**
 * Location of `mcp-check.schema.json`. This module runs from `dist/src/spec/` when built and
 * from `src/spec/` under a TypeScript loader; the schema sits at the package root either way.
 */
export const SCHEMA_URL: URL = ['../../../schema/mcp-check.schema.json', '../../schema/mcp-check.schema.json']
    .map((relative) => new URL(relative, import.meta.url))
    .find((url) => existsSync(url)) ?? new URL('../../../schema/mcp-check.schema.json', import.meta.url);

/** The compiled validator plus the schema objects the error mapper recognises errors by. */
export interface SpecSchema {
    validate: ValidateFunction;
    /** The schema's `$defs`, by name; Ajv reports them as `parentSchema` (same objects). */
    defs: Record<string, unknown>;
    /**
     * Every subschema of the server's cross-field rules (`allOf`). They exist for editors;
     * the loader reports the same rules itself (see `semantic.ts`) with clearer messages.
     */
    serverRules: Set<unknown>;
    /**
     * Every subschema of the matcher definitions. They exist for editors (completion, hover,
     * mixed keys); the loader parses matchers itself (see `matcher.ts`) with clearer messages.
     */
    matcherRules: Set<unknown>;
}

const MATCHER_DEFS = ['matcher', 'matcherObject', 'matcherList'];

let compiled: SpecSchema | undefined;

/** Returns the compiled spec schema, compiling it on the first call. */
export function specSchema(): SpecSchema {
    if (!compiled) {
        const schema = JSON.parse(readFileSync(SCHEMA_URL, 'utf8')) as { $defs: Record<string, { allOf?: unknown }> };
        const ajv = new Ajv2020({
            allErrors: true,
            // `verbose` gives each error its parent schema (for the allowed keys) and its data.
            verbose: true,
            // Strict checks keep the schema honest, except `strictRequired`: the server rules say
            // "needs command or url" with `required` inside `anyOf`, which it would reject.
            strict: true,
            strictRequired: false,
            allowUnionTypes: true,
            // Checking our own schema against the 2020-12 meta-schema costs ~90 ms of start-up on
            // every run; a test checks it once instead (test/spec/schema.test.ts).
            validateSchema: false,
            // The generated code runs once per spec file; optimising it costs more than it saves.
            code: { optimize: false },
        });
        // The schema uses no `format` today (editors see un-interpolated text), but with the
        // formats registered a future `format` is checked instead of failing strict mode.
        addFormats(ajv);
        compiled = {
            validate: ajv.compile(schema),
            defs: schema.$defs,
            serverRules: collectObjects(schema.$defs['server']?.allOf),
            matcherRules: MATCHER_DEFS.reduce((into, name) => collectObjects(schema.$defs[name], into), new Set<unknown>()),
        };
    }
    return compiled;
}

function collectObjects(value: unknown, into = new Set<unknown>()): Set<unknown> {
    if (typeof value === 'object' && value !== null) {
        into.add(value);
        for (const child of Object.values(value)) collectObjects(child, into);
    }
    return into;
}
