/**
 * Starting a plan's stdio servers ahead of the runner. A server takes a while to boot (a Node
 * server: 150 ms or more); started as soon as the plan is known, it boots while the SDK, the
 * runner and the reporters load, instead of after them.
 */
import { launchStdioServer } from '../connect/launch.js';
import type { ServerProcess } from '../connect/process.js';
import { isIdle, type RunPlan } from './plan.js';

/** Starts the server of every stdio connection that has a check to run; keyed by connection id, for `runPlan`. */
export function launchServers(plan: RunPlan): Map<string, ServerProcess> {
    const launched = new Map<string, ServerProcess>();
    for (const connection of plan.connections) {
        if (connection.config.transport !== 'stdio' || isIdle(connection)) continue;
        try {
            launched.set(connection.id, launchStdioServer(connection.config));
        } catch {
            // `spawn` throws at once on some arguments (a NUL byte); connecting starts the server
            // again and reports the error as that server's, like any failure to start.
        }
    }
    return launched;
}
