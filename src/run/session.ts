/**
 * Everything the checks of one server share during a run: the connection, the listed tools
 * (compiled lazily), resources and prompts (listed once, on first use), and the captures.
 */
import type { ListedTool, UniversalMCPClient } from '../connect/client.js';
import type { Suite } from '../load/types.js';
import { CaptureStore } from './captures.js';
import { indexTools, type IndexedTool } from './tool-index.js';
import type { ServerProcess } from '../connect/process.js';

export type Listing<T> = { ok: true; items: T[] } | { ok: false; error: unknown };

export class ServerSession {
    readonly tools: Map<string, IndexedTool>;
    readonly captures = new CaptureStore();
    private resourceListing?: Promise<Listing<Record<string, unknown>>>;
    private templateListing?: Promise<Listing<Record<string, unknown>>>;
    private promptListing?: Promise<Listing<Record<string, unknown>>>;

    constructor(
        readonly mcp: UniversalMCPClient,
        readonly connectionId: string,
        readonly listedTools: ListedTool[],
        /** Timeout for this server's requests, in ms. */
        readonly timeoutMs: number,
        readonly signal: AbortSignal,
    ) {
        this.tools = indexTools(listedTools);
    }

    /** Whether the server declared a capability (`resources`, `prompts`, …) during initialize. */
    declares(capability: string): boolean {
        return this.mcp.serverInfo(this.connectionId)?.capabilities[capability] !== undefined;
    }

    resources(): Promise<Listing<Record<string, unknown>>> {
        this.resourceListing ??= settle(this.mcp.listResources(this.connectionId, { signal: this.signal }));
        return this.resourceListing;
    }

    resourceTemplates(): Promise<Listing<Record<string, unknown>>> {
        this.templateListing ??= settle(this.mcp.listResourceTemplates(this.connectionId, { signal: this.signal }));
        return this.templateListing;
    }

    prompts(): Promise<Listing<Record<string, unknown>>> {
        this.promptListing ??= settle(this.mcp.listPrompts(this.connectionId, { signal: this.signal }));
        return this.promptListing;
    }
}

/** What one check needs: the shared session and the spec it came from. */
export interface CaseContext {
    session: ServerSession;
    suite: Suite;
    /** `--update-snapshots`: snapshot checks rewrite their files. */
    updateSnapshots?: boolean;
    /** Capabilities the spec `requires:` of this server: their checks fail rather than skip without them. */
    required?: ReadonlySet<string>;
    /** The protocol rules that will run against this server in this suite (so slow probes can start early). */
    protocolRules?: ReadonlySet<string>;
    /** A second copy of the (stdio) server, started ahead for the protocol rules judged on one. */
    secondCopy?: ServerProcess;
}

async function settle<T>(work: Promise<T[]>): Promise<Listing<T>> {
    try {
        return { ok: true, items: await work };
    } catch (error) {
        return { ok: false, error };
    }
}
