import { defaultLevelOf } from './catalog.js';
import { checkEachTool, describeValue } from './tool-check.js';
import type { LintRule } from './types.js';

const id = 'tool-description';

/** Every tool has a non-empty `description`; models choose tools by it. */
export const toolDescription: LintRule = {
    id,
    defaultLevel: defaultLevelOf(id),
    description: 'every tool has a non-empty description',
    check: (tools) =>
        checkEachTool(id, tools, (raw) => {
            const description = raw.description;
            if (description === undefined) return 'description is missing';
            if (typeof description !== 'string') return `description must be a string, got ${describeValue(description)}`;
            return description.trim() === '' ? 'description is empty' : undefined;
        }),
};
