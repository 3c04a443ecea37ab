/** Hand-built tool results, and expectations parsed from `expect:` YAML the way a spec gives them. */
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import type { AssertContext } from '../../src/assert/context.js';
import { parseSpec } from '../../src/load/load.js';
import type { Expectations } from '../../src/load/types.js';

/** The file name locations in these tests point into. */
export const FILE = 'expect.yaml';

/** The line of the first `expect:` line given to `expecting`; keys start at column 11. */
export const FIRST_LINE = 8;

export interface Expecting {
    expect: Expectations;
    /** Locates paths into the spec the way the runner does for a call. */
    ctx: AssertContext;
}

/**
 * Parses `lines` as the body of a call's `expect:` (one level of indentation is added), so
 * the first line is line 8 of `expect.yaml` and its key starts at column 11.
 */
export function expecting(...lines: string[]): Expecting {
    const text = [
        'servers:',
        '  s: { command: node }',
        'tests:',
        '  - server: s',
        '    calls:',
        '      - tool: t',
        '        expect:',
        ...lines.map((l) => `          ${l}`),
    ].join('\n');
    const suite = parseSpec(`${text}\n`, FILE, {});
    const call = suite.tests[0]!.calls[0]!;
    return {
        expect: call.expect,
        ctx: {
            locate: (path) => suite.locate([...call.path, 'expect', ...path]),
            locateSpec: (path) => suite.locate(path),
        },
    };
}

/** A location in `expect.yaml`. */
export function at(line: number, col: number): { file: string; line: number; col: number } {
    return { file: FILE, line, col };
}

/** A successful result with one text item per argument. */
export function textResult(...texts: string[]): CallToolResult {
    return { content: texts.map((text) => ({ type: 'text' as const, text })) };
}

/** A tool error (`isError: true`) with this text. */
export function toolError(text: string): CallToolResult {
    return { content: [{ type: 'text', text }], isError: true };
}

/** A successful result carrying structured content (and its JSON as text, as servers do). */
export function structured(value: Record<string, unknown>): CallToolResult {
    return { content: [{ type: 'text', text: JSON.stringify(value) }], structuredContent: value };
}
