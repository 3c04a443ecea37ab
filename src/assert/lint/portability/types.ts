/** The shapes the portability checks share. */
import type { ListedTool } from '../../../connect/client.js';
import type { LintBudget } from '../../../load/types.js';
import type { ClientId } from './clients.js';

/** What a portability check knows besides the tools. */
export interface PortabilityContext {
    /** The server's name in the spec: clients put it in front of tool names (Cursor, Claude Code). */
    server: string;
    /** The targets the spec names, in report order. */
    clients: readonly ClientId[];
    budget: LintBudget;
}

/** One problem a check found, before it is matched against the targets and the catalog. */
export interface PortabilityHit {
    /** The tool, when the problem is one tool's (not the whole list's). */
    tool?: ListedTool;
    /** JSON pointer from the tool (`/inputSchema/properties/a/type`), or `` for the whole list. */
    pointer: string;
    /** What is wrong, in a few words: `type is a list ["string","null"]`. */
    problem: string;
    /** The clients it breaks; absent: every target of the rule (budgets: none). */
    clients?: readonly ClientId[];
}

/** A portability rule's check: pure, over the raw `tools/list` entries. */
export interface PortabilityCheck {
    id: string;
    check(tools: readonly ListedTool[], context: PortabilityContext): PortabilityHit[];
}
