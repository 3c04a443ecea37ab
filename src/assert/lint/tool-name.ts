import { defaultLevelOf } from './catalog.js';
import { checkEachTool, describeValue } from './tool-check.js';
import type { LintRule } from './types.js';

const id = 'tool-name';
const MAX_LENGTH = 128;
const NAME = /^[A-Za-z0-9_.-]+$/;
const RULE = `name must be 1–${MAX_LENGTH} characters of A-Z a-z 0-9 _ . -`;

/** Tool names are 1–128 characters of `A-Z a-z 0-9 _ . -`. */
export const toolName: LintRule = {
    id,
    defaultLevel: defaultLevelOf(id),
    description: `tool names are 1–${MAX_LENGTH} characters of A-Z a-z 0-9 _ . -`,
    check: (tools) =>
        checkEachTool(id, tools, (raw) => {
            const name = raw.name;
            if (name === undefined) return 'name is missing';
            if (typeof name !== 'string') return `name must be a string, got ${describeValue(name)}`;
            if (name.length === 0) return `${RULE} (it is empty)`;
            if (!NAME.test(name)) return RULE;
            if (name.length > MAX_LENGTH) return `${RULE} (it has ${name.length})`;
            return undefined;
        }),
};
