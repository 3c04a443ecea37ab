/** `mcp-check list`: connect to servers and show what they offer, as text or one JSON document. */
import { UniversalMCPClient } from '../../connect/client.js';
import { ExitCode } from '../../errors.js';
import { prepareForReport } from '../../report/prepare.js';
import { redactor } from '../../report/redact.js';
import type { ClientId } from '../../assert/lint/portability/clients.js';
import { formatInventory } from './format-inventory.js';
import { formatPortability, inventoryPortability } from './portability.js';
import { hasProblems, takeInventory, type ServerInventory } from './inventory.js';
import type { ServerSourceFlags } from '../server-flags.js';
import type { ProtocolChoice } from '../../connect/protocol.js';
import { loadServers, selectServers, withDefaultProtocol, withDefaultTimeout } from '../servers.js';

export interface ListCliOptions extends ServerSourceFlags {
    server?: string;
    json?: boolean;
    timeoutMs?: number;
    protocol?: ProtocolChoice;
    /** `--clients`: also check the tools against these clients. */
    clients?: ClientId[];
}

/** Lists every selected server's offer; returns 0, or 1 when a server could not be reached or listed. */
export async function listCommand(options: ListCliOptions): Promise<number> {
    const loaded = await loadServers(options, options.server);
    const servers = selectServers(loaded, options.server);
    const redact = redactor(loaded.secrets);
    const mcp = new UniversalMCPClient();
    let inventories: ServerInventory[];
    try {
        for (const server of servers) mcp.addServer(server.name, withDefaultProtocol(withDefaultTimeout(server.config, options.timeoutMs), options.protocol));
        // In parallel: one slow server should not make the others wait.
        inventories = await Promise.all(servers.map((server) => takeInventory(mcp, server)));
    } finally {
        await mcp.close();
    }
    for (const inv of inventories) {
        if (inv.connectError !== undefined) process.stderr.write(`mcp-check: ${redact(inv.connectError)}\n`);
        for (const [kind, error] of Object.entries(inv.listErrors ?? {})) {
            process.stderr.write(`mcp-check: server "${inv.name}" declares ${kind} but cannot list them: ${redact(error)}\n`);
        }
    }
    const portability = (inv: ServerInventory) => (options.clients?.length ? inventoryPortability(inv, options.clients) : undefined);
    if (options.json) {
        const servers = inventories.map((inv) => {
            const checked = portability(inv);
            return { ...toJson(inv), ...(checked ? { portability: checked } : {}) };
        });
        // Redacted value by value, so a secret containing a quote cannot break the JSON.
        const document = prepareForReport({ servers }, { secrets: loaded.secrets, maxStringLength: Infinity });
        process.stdout.write(`${JSON.stringify(document, null, 2)}\n`);
    } else {
        const reachable = inventories.filter((inv) => inv.info);
        const text = reachable.map((inv) => {
            const checked = portability(inv);
            return checked ? `${formatInventory(inv)}\n${formatPortability(inv.name, checked)}` : formatInventory(inv);
        });
        if (reachable.length) process.stdout.write(`${redact(text.join('\n\n'))}\n`);
    }
    return inventories.some(hasProblems) ? ExitCode.failed : ExitCode.passed;
}

/** The JSON shape of one server: listings as the server sent them, errors by name. */
function toJson(inv: ServerInventory): Record<string, unknown> {
    return {
        name: inv.name,
        transport: inv.transport,
        target: inv.target,
        ...(inv.info ? { server: inv.info } : {}),
        ...(inv.connectError !== undefined ? { error: inv.connectError } : {}),
        ...(inv.tools ? { tools: inv.tools } : {}),
        ...(inv.resources ? { resources: inv.resources } : {}),
        ...(inv.resourceTemplates ? { resourceTemplates: inv.resourceTemplates } : {}),
        ...(inv.prompts ? { prompts: inv.prompts } : {}),
        ...(inv.listErrors ? { listErrors: inv.listErrors } : {}),
    };
}
