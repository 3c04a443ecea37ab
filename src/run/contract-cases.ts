/** The tool-contract check that every listed tool's input schema compiles. */
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
