import type { Problem } from '../run/result.js';
import type { SchemaAssertion } from '../load/types.js';
import type { AssertContext } from './context.js';
import type { JsonRoot } from './json.js';
import { compileSchema, formatAjvErrors, type CompiledSchema } from './json-schema.js';

// Compiled once per assertion, however often its call runs (retries, loops).
const compiled = new WeakMap<SchemaAssertion, CompiledSchema>();

/** `schema:` — the JSON value (structured content, else text parsed as JSON) must validate. */
export function checkSchemaAssertion(root: JsonRoot, assertion: SchemaAssertion, ctx: AssertContext): Problem[] {
    const loc = ctx.locateSpec(assertion.path);
    let schema = compiled.get(assertion);
    if (!schema) {
        schema = compileSchema(assertion.schema);
        compiled.set(assertion, schema);
    }
    const source = assertion.file ? ` (${assertion.file})` : '';
    if (!schema.ok) return [{ kind: 'assert.schema', message: `the schema${source} does not compile: ${schema.error}`, loc }];
    if (!root.ok) return [{ kind: 'assert.schema', message: `cannot check the schema: ${root.reason}`, loc }];
    if (schema.validate(root.value)) return [];
    return [
        {
            kind: 'assert.schema',
            message: `the result does not match the schema${source}`,
            details: formatAjvErrors(schema.validate.errors),
            loc,
            actual: root.value,
        },
    ];
}
