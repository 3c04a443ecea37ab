import { defaultLevelOf } from './catalog.js';
import { checkEachTool, isPlainObject } from './tool-check.js';
import type { LintRule } from './types.js';
import { linearRegExp, type LinearRegExp } from '../../linear-regex.js';

const id = 'required-declared';

/**
 * Every name in the root `required` of an input or output schema is declared in its
 * `properties` (or matches one of its `patternProperties`). Schemas without `properties`
 * are not checked.
 */
export const requiredDeclared: LintRule = {
    id,
    defaultLevel: defaultLevelOf(id),
    description: 'every name in a schema\'s root "required" is declared in its "properties"',
    check: (tools) =>
        checkEachTool(id, tools, (raw) => [...undeclared('inputSchema', raw.inputSchema), ...undeclared('outputSchema', raw.outputSchema)]),
};

function undeclared(label: string, schema: unknown): string[] {
    if (!isPlainObject(schema) || !isPlainObject(schema.properties) || !Array.isArray(schema.required)) return [];
    const properties = schema.properties;
    const patterns = patternsOf(schema.patternProperties);
    return schema.required
        .filter((name): name is string => typeof name === 'string')
        .filter((name) => !Object.hasOwn(properties, name) && !patterns.some((p) => p.test(name)))
        .map((name) => `${label} requires ${JSON.stringify(name)}, which is not declared in its properties`);
}

/** The `patternProperties` keys that are valid regular expressions. */
function patternsOf(patternProperties: unknown): LinearRegExp[] {
    if (!isPlainObject(patternProperties)) return [];
    const patterns: LinearRegExp[] = [];
    for (const source of Object.keys(patternProperties)) {
        try {
            patterns.push(linearRegExp(source));
        } catch {
            // An invalid (or, for RE2, unsupported) pattern is a compile problem, reported by the schema rules.
        }
    }
    return patterns;
}
