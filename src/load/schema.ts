/**
 * The JSON Schema of spec files. The schema file is shipped in the package (`schema/`), so
 * editors read the very rules the loader applies: the loader runs a validator compiled from it
 * at build time (`schema/compile-validator.mjs`), not at every start.
 */
import { existsSync } from 'node:fs';
import type { ValidateFunction } from 'ajv/dist/2020.js';
import { definitionCopies, validate } from './generated/spec-validator.js';

/**
 * Location of `mcp-check.schema.json`. This module runs from `dist/src/load/` when built and
 * from `src/load/` under a TypeScript loader; the schema sits at the package root either way.
 */
export const SCHEMA_URL: URL = ['../../../schema/mcp-check.schema.json', '../../schema/mcp-check.schema.json']
    .map((relative) => new URL(relative, import.meta.url))
    .find((url) => existsSync(url)) ?? new URL('../../../schema/mcp-check.schema.json', import.meta.url);

/** The compiled validator plus what the error mapper recognises errors by. */
export interface SpecSchema {
    validate: ValidateFunction;
    /** Whether `parentSchema` (of an Ajv error) is the `$defs` entry `name`. */
    isDefinition(parentSchema: unknown, name: string): boolean;
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
    /** The branches of `lint.clients` (`"all"` or a list): their errors are summed up in one message. */
    clientsBranches: Set<unknown>;
    /** `auth:`'s which-keys-go-together rules (one method; a secret or a key): `semantic.ts` says them in words. */
    authRules: Set<unknown>;
}

const AUTH_DEFS = ['serverAuth', 'clientCredentials'];

const MATCHER_DEFS = ['matcher', 'matcherObject', 'matcherList'];

const copies = definitionCopies as Record<string, ReadonlyArray<{ allOf?: unknown }>>;
let compiled: SpecSchema | undefined;

/** Returns the spec schema's validator and error-recognition sets (built on the first call). */
export function specSchema(): SpecSchema {
    compiled ??= {
        validate: validate as unknown as ValidateFunction,
        isDefinition: (parentSchema, name) => copies[name]?.includes(parentSchema as never) ?? false,
        serverRules: collectObjects((copies['server'] ?? []).map((server) => server.allOf)),
        matcherRules: collectObjects(MATCHER_DEFS.flatMap((name) => copies[name] ?? [])),
        authRules: collectObjects(AUTH_DEFS.flatMap((name) => (copies[name] as ReadonlyArray<{ allOf?: unknown; oneOf?: unknown }> | undefined) ?? []).map((def) => [def.allOf, def.oneOf])),
        clientsBranches: new Set((copies['lintClients'] as ReadonlyArray<{ anyOf?: unknown[] }> | undefined)?.flatMap((def) => def.anyOf ?? []) ?? []),
    };
    return compiled;
}

function collectObjects(value: unknown, into = new Set<unknown>()): Set<unknown> {
    if (typeof value === 'object' && value !== null) {
        into.add(value);
        for (const child of Object.values(value)) collectObjects(child, into);
    }
    return into;
}
