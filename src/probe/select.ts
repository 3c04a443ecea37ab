/**
 * Which tools a probe may call. Calls can have side effects, so only tools that declare
 * `readOnlyHint: true`, or that the user listed explicitly, are ever called.
 */
import type { ListedTool } from '../connect/client.js';
import { isObject } from './schema.js';
import type { SkippedTool } from './types.js';

/** Why a listed tool was not probed. */
export const SKIP_REASONS = {
    notReadOnly: 'not marked readOnlyHint: true (calls might have side effects)',
    excluded: 'excluded from the probe',
} as const;

export interface ToolSelection {
    probe: { listed: ListedTool; selectedBy: 'readOnlyHint' | 'listed' }[];
    skipped: SkippedTool[];
    /** Names in `tools`, `only` or `exclude` that the server does not list. */
    notListed: string[];
}

/** Splits listed tools into those to probe and those skipped (with why). */
export function selectTools(listed: readonly ListedTool[], options: { tools?: readonly string[]; only?: readonly string[]; exclude?: readonly string[] }): ToolSelection {
    const optIn = new Set(options.tools ?? []);
    const only = options.only ? new Set(options.only) : undefined;
    const excluded = new Set(options.exclude ?? []);
    const seen = new Set<string>();
    const selection: ToolSelection = { probe: [], skipped: [], notListed: [] };
    for (const tool of listed) {
        // The first of duplicate names is the one the runner calls too.
        if (seen.has(tool.name)) continue;
        seen.add(tool.name);
        if (only && !only.has(tool.name)) continue;
        if (excluded.has(tool.name)) selection.skipped.push({ tool: tool.name, reason: SKIP_REASONS.excluded });
        else if (isReadOnly(tool)) selection.probe.push({ listed: tool, selectedBy: 'readOnlyHint' });
        else if (optIn.has(tool.name)) selection.probe.push({ listed: tool, selectedBy: 'listed' });
        else selection.skipped.push({ tool: tool.name, reason: SKIP_REASONS.notReadOnly });
    }
    selection.notListed = [...new Set([...optIn, ...(only ?? []), ...excluded])].filter((name) => !seen.has(name));
    return selection;
}

/** Whether a listed tool declares `annotations.readOnlyHint: true` (the boolean, nothing else). */
export function isReadOnly(tool: ListedTool): boolean {
    const annotations = tool.raw.annotations;
    return isObject(annotations) && annotations.readOnlyHint === true;
}
