/** `mcp-check check-protocol`: build protocol-only suites for the target, run them like `run`, report, exit. */
import { UsageError } from '../../errors.js';
import { planRun } from '../../run/plan.js';
import { selectCases } from '../../run/select.js';
import { loadSpec } from '../../load/load.js';
import type { Suite } from '../../load/types.js';
import type { CheckProtocolCliOptions } from './command.js';
import { runAndReport } from '../run/action.js';
import { protocolOnly, targetSuite } from './suites.js';

/** Runs the protocol rules against the target's servers and returns the exit code. */
export async function checkProtocolCommand(options: CheckProtocolCliOptions): Promise<number> {
    const suite = await loadTarget(options);
    const checked = await protocolOnly(suite, options.protocol === undefined, options.timeoutMs);
    const plan = planRun([checked]);
    // Only the protocol rules: the per-server checks every spec gets are not what was asked for.
    for (const ps of plan.suites) ps.cases = ps.cases.filter((c) => c.action.kind === 'protocol');
    return runAndReport([checked], selectCases(plan, options.grep ? { grep: options.grep } : {}), options);
}

async function loadTarget(options: CheckProtocolCliOptions): Promise<Suite> {
    const { target } = options;
    if (target.length === 0) throw new UsageError('name what to check: mcp-check check-protocol <spec | url>, or mcp-check check-protocol -- <command> [args...]');
    const flags = { transport: options.transport, headers: options.headers, timeoutMs: options.timeoutMs, name: options.name };
    if (options.isCommand) return targetSuite(target.join(' '), { ...flags, command: target }, options.protocol);
    if (target.length > 1) throw new UsageError(`give one spec file or URL (got ${target.length} arguments); a server command goes after --`);
    const [only] = target as [string];
    if (/^https?:\/\//i.test(only)) return targetSuite(only, { ...flags, command: [], url: only }, options.protocol);
    if (options.transport !== undefined || options.headers.length || options.name !== undefined) {
        throw new UsageError('--transport, --header and --name are for a URL or a command; a spec file names its servers');
    }
    return loadSpec(only, process.env, { protocol: options.protocol });
}
