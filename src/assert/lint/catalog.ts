/**
 * Every lint rule's id and default level, in report order: what planning needs to list the
 * lint checks, and where the levels are set. The rules themselves live in their own modules
 * and load with the runner (some compile schemas with Ajv), after the servers have started.
 */
export const LINT_CATALOG: ReadonlyArray<{ readonly id: string; readonly defaultLevel: 'error' | 'warn' }> = Object.freeze([
    { id: 'input-schema-compiles', defaultLevel: 'error' },
    { id: 'input-schema-object', defaultLevel: 'error' },
    { id: 'output-schema-valid', defaultLevel: 'error' },
    { id: 'tool-name', defaultLevel: 'error' },
    { id: 'unique-tool-names', defaultLevel: 'error' },
    { id: 'tool-description', defaultLevel: 'warn' },
    { id: 'required-declared', defaultLevel: 'error' },
    { id: 'annotations-boolean', defaultLevel: 'error' },
]);

/** The default level of the rule `id`: the catalog is where rule levels are set. */
export function defaultLevelOf(id: string): 'error' | 'warn' {
    const entry = LINT_CATALOG.find((rule) => rule.id === id);
    if (!entry) throw new Error(`lint rule "${id}" is missing from LINT_CATALOG`);
    return entry.defaultLevel;
}
