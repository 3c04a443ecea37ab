/** The tool-contract checks: listed tools' schemas compile, `include` and `exclude`. */
import type { CaseOutcome, Problem } from './result.js';
import type { IndexedTool } from './tool-index.js';

/** Every listed tool's inputSchema must compile; one bad tool fails this check, not the run. */
export function checkInputSchemas(tools: Map<string, IndexedTool>): CaseOutcome {
    const problems: Problem[] = [];
    for (const [name, tool] of tools) {
        const compiled = tool.inputSchema();
        if (!compiled.ok) {
            problems.push({ kind: 'contract.inputSchema', message: `tool "${name}": inputSchema is not valid JSON Schema: ${compiled.error}` });
        }
    }
    return problems.length ? { status: 'failed', problems } : { status: 'passed' };
}

/** `include`: the tool must be listed. */
export function checkIncluded(tools: Map<string, IndexedTool>, name: string): CaseOutcome {
    if (tools.has(name)) return { status: 'passed' };
    return {
        status: 'failed',
        problems: [{ kind: 'contract.include', message: `tool "${name}" is not listed; the server lists: ${listNames(tools)}`, expected: name }],
    };
}

/** `exclude`: the tool must not be listed. */
export function checkExcluded(tools: Map<string, IndexedTool>, name: string): CaseOutcome {
    if (!tools.has(name)) return { status: 'passed' };
    return { status: 'failed', problems: [{ kind: 'contract.exclude', message: `tool "${name}" is listed but must not be` }] };
}

/** The listed tool names, for messages; bounded so a server with 1,000 tools stays readable. */
export function listNames(tools: Map<string, IndexedTool>): string {
    const names = [...tools.keys()];
    if (names.length === 0) return '(no tools)';
    const shown = names.slice(0, 30).join(', ');
    return names.length > 30 ? `${shown}, … (${names.length} in all)` : shown;
}
