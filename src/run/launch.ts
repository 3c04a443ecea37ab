/**
 * Starting a plan's stdio servers ahead of the runner. A server takes a while to boot (a Node
 * server: 150 ms or more); started as soon as the plan is known, it boots while the SDK, the
 * runner and the reporters load, instead of after them. So does the second copy some protocol
 * rules are judged on, which would otherwise boot while the checks wait for it.
 */
import { launchStdioServer } from '../connect/launch.js';
import type { ServerProcess } from '../connect/process.js';
import type { StdioServerConfig } from '../connect/types.js';
import { protocolRuleInfo } from '../protocol/catalog.js';
import { isIdle, type PlannedConnection, type RunPlan } from './plan.js';

/** Processes started ahead, keyed by connection id, for `runPlan`. */
export interface LaunchedServers {
    servers: Map<string, ServerProcess>;
    /** Second copies, for the protocol rules judged on one (`secondCopy` in the catalog). */
    secondCopies: Map<string, ServerProcess>;
}

/** Starts the server of every stdio connection that has a check to run, and its second copy when a rule needs one. */
export function launchServers(plan: RunPlan): LaunchedServers {
    const launched: LaunchedServers = { servers: new Map(), secondCopies: new Map() };
    for (const connection of plan.connections) {
        if (connection.config.transport !== 'stdio' || isIdle(connection)) continue;
        launchInto(launched.servers, connection.id, connection.config);
        if (needsSecondCopy(connection)) launchInto(launched.secondCopies, connection.id, connection.config);
    }
    return launched;
}

/** Every process in `launched`. */
export function launchedProcesses(launched: LaunchedServers): ServerProcess[] {
    return [...launched.servers.values(), ...launched.secondCopies.values()];
}

function launchInto(map: Map<string, ServerProcess>, id: string, config: StdioServerConfig): void {
    try {
        map.set(id, launchStdioServer(config));
    } catch {
        // `spawn` throws at once on some arguments (a NUL byte); connecting starts the server
        // again and reports the error as that server's, like any failure to start.
    }
}

function needsSecondCopy(connection: PlannedConnection): boolean {
    return connection.suites.some((ps) => ps.cases.some((c) => c.action.kind === 'protocol' && !c.skip && protocolRuleInfo(c.action.rule).secondCopy));
}
