/**
 * What a server offers: what it said about itself, and its tools, resources, resource
 * templates and prompts. A list is only asked for when the server declares the capability,
 * so a tools-only server is not reported as failing to list prompts.
 */
import type { UniversalMCPClient } from '../../connect/client.js';
import { describeTarget, type ServerInfo, type TransportKind } from '../../connect/types.js';
import type { NamedServer } from '../servers.js';

export type ListingKind = 'tools' | 'resources' | 'resourceTemplates' | 'prompts';

/** One server's inventory; a listing is absent when the server does not declare it. */
export interface ServerInventory {
    name: string;
    transport: TransportKind;
    target: string;
    info?: ServerInfo;
    tools?: Record<string, unknown>[];
    resources?: Record<string, unknown>[];
    resourceTemplates?: Record<string, unknown>[];
    prompts?: Record<string, unknown>[];
    /** Set when the server could not be reached; nothing else was asked. */
    connectError?: string;
    /** Listings the server declares but failed to answer. */
    listErrors?: Partial<Record<ListingKind, string>>;
}

/** Connects to the server (already added to `mcp`) and lists everything it declares. Never throws. */
export async function takeInventory(mcp: UniversalMCPClient, server: NamedServer): Promise<ServerInventory> {
    const inventory: ServerInventory = { name: server.name, transport: server.config.transport, target: describeTarget(server.config) };
    try {
        inventory.info = await mcp.connect(server.name);
    } catch (error) {
        inventory.connectError = messageOf(error);
        return inventory;
    }
    const declared = inventory.info.capabilities;
    const listings: [ListingKind, string, () => Promise<Record<string, unknown>[]>][] = [
        ['tools', 'tools', async () => (await mcp.listTools(server.name)).map((t) => t.raw)],
        ['resources', 'resources', () => mcp.listResources(server.name)],
        ['resourceTemplates', 'resources', () => mcp.listResourceTemplates(server.name)],
        ['prompts', 'prompts', () => mcp.listPrompts(server.name)],
    ];
    for (const [kind, capability, list] of listings) {
        if (!declared[capability]) continue;
        try {
            inventory[kind] = await list();
        } catch (error) {
            // Templates came later in the protocol: a server with resources may not know the method.
            if (kind === 'resourceTemplates' && /-32601|method not found/i.test(messageOf(error))) continue;
            (inventory.listErrors ??= {})[kind] = messageOf(error);
        }
    }
    return inventory;
}

/** Whether anything about this server went wrong (unreachable, or a declared listing failed). */
export function hasProblems(inventory: ServerInventory): boolean {
    return inventory.connectError !== undefined || Object.keys(inventory.listErrors ?? {}).length > 0;
}

function messageOf(error: unknown): string {
    return error instanceof Error ? error.message : String(error);
}
