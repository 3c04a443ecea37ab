import { defaultLevelOf } from './catalog.js';
import { checkEachTool, describeValue, isPlainObject } from './tool-check.js';
import type { LintRule } from './types.js';

const id = 'annotations-boolean';
const HINTS = ['readOnlyHint', 'destructiveHint', 'idempotentHint', 'openWorldHint'] as const;

/** `annotations` is an object, and each behaviour hint in it is a boolean. */
export const annotationsBoolean: LintRule = {
    id,
    defaultLevel: defaultLevelOf(id),
    description: `annotations ${HINTS.join(', ')}, when present, are booleans`,
    check: (tools) =>
        checkEachTool(id, tools, (raw) => {
            const annotations = raw.annotations;
            if (annotations === undefined) return undefined;
            if (!isPlainObject(annotations)) return `annotations must be an object, got ${describeValue(annotations)}`;
            return HINTS.filter((hint) => annotations[hint] !== undefined && typeof annotations[hint] !== 'boolean').map(
                (hint) => `annotations.${hint} must be a boolean, got ${describeValue(annotations[hint])}`,
            );
        }),
};
