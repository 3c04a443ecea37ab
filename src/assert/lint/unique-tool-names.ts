import { defaultLevelOf } from './catalog.js';
import type { ListedTool } from '../../connect/client.js';
import { toolFinding } from './tool-check.js';
import type { LintFinding, LintRule } from './types.js';

const id = 'unique-tool-names';

/** No two listed tools share a name; one finding per repeated name, at its first tool. */
export const uniqueToolNames: LintRule = {
    id,
    defaultLevel: defaultLevelOf(id),
    description: 'no two tools share a name',
    check: (tools) => {
        const byName = new Map<string, ListedTool[]>();
        for (const tool of tools) {
            if (typeof tool.raw.name !== 'string') continue;
            const same = byName.get(tool.raw.name);
            if (same) same.push(tool);
            else byName.set(tool.raw.name, [tool]);
        }
        const findings: LintFinding[] = [];
        for (const same of byName.values()) {
            if (same.length > 1) findings.push(toolFinding(id, same[0]!, `name is listed ${same.length} times`));
        }
        return findings;
    },
};
