/**
 * The suites `check-protocol` runs: every server of a spec file, or the one server a URL or a
 * command names, each with one test entry that turns the protocol rules on and nothing else.
 * A server whose revision nobody chose is checked in every era it speaks (one variant each).
 */
import { UniversalMCPClient } from '../../connect/client.js';
import { LEGACY_REVISIONS, MODERN_REVISION, eraOf, isRevision, type Revision } from '../../connect/protocol.js';
import { DEFAULT_TIMEOUT_MS, type ServerConfig } from '../../connect/types.js';
import type { SourceLocation } from '../../errors.js';
import type { ProtocolSetting } from '../../load/normalize-server.js';
import { serverSecrets } from '../../load/secret-values.js';
import type { RuleSetConfig, ServerSpec, Suite, TestSpec } from '../../load/types.js';
import { defaultServerName, targetFromFlags, type TargetFlags } from '../init/target.js';

/** The one server a URL or command names, as a suite named after what was typed. */
export function targetSuite(label: string, flags: TargetFlags & { name?: string }, protocol: ProtocolSetting | undefined): Suite {
    const { config } = targetFromFlags(flags);
    // Line 0: no place in a file (see `formatLocation`).
    const loc: SourceLocation = { file: label, line: 0, col: 0 };
    const spec: ServerSpec = { name: flags.name ?? defaultServerName({ name: '' }, config), config, loc };
    const servers = typeof protocol === 'object' ? variants(spec, protocol) : [protocol ? { ...spec, config: { ...config, protocol } } : spec];
    const secrets = serverSecrets(config, 'target').map((found) => found.value);
    return { file: label, name: 'protocol checks', servers: byName(servers), tests: [], secrets, warnings: [], locate: () => loc };
}

/**
 * The suite with one protocol-only test entry per server; the rule levels are those the
 * suite's entries set for the server (check-protocol runs the rules even where a spec turns them off).
 */
export async function protocolOnly(suite: Suite, detect: boolean, timeoutMs: number | undefined): Promise<Suite> {
    const expanded = await Promise.all(Object.values(suite.servers).map((spec) => (detect ? withEras(spec, timeoutMs) : [spec])));
    const servers = byName(expanded.flat());
    const tests = Object.values(servers).map((spec): TestSpec => {
        const declared = spec.declaredAs ?? spec.name;
        const own = suite.tests.filter((t) => t.server === spec.name || t.server === declared).map((t) => t.protocol);
        const rules = Object.assign({}, ...own.map((c) => c.rules)) as RuleSetConfig['rules'];
        const loc = own[0]?.loc ?? spec.loc;
        return { server: spec.name, path: ['servers', declared], loc, tags: [], calls: [], defaults: {}, lint: { enabled: false, rules: {}, clients: [], budget: {}, loc }, protocol: { enabled: true, rules, loc } };
    });
    return { ...suite, servers, tests };
}

/** The server once per era it speaks, when its revision was left to `auto`. */
async function withEras(spec: ServerSpec, timeoutMs: number | undefined): Promise<ServerSpec[]> {
    const { config } = spec;
    // A server started by a `start:` command would be started once per probe: leave it to auto.
    if ((config.protocol ?? 'auto') !== 'auto' || (config.transport !== 'stdio' && config.start)) return [spec];
    const revisions = await spokenRevisions({ ...config, timeoutMs: config.timeoutMs ?? timeoutMs ?? DEFAULT_TIMEOUT_MS });
    return revisions.length ? variants(spec, revisions) : [spec];
}

/** The server pinned to each revision: itself for one, `name@revision` (as a spec's `protocol:` list names them) for several. */
function variants(spec: ServerSpec, revisions: readonly Revision[]): ServerSpec[] {
    if (revisions.length === 1) return [{ ...spec, config: { ...spec.config, protocol: revisions[0] } }];
    return revisions.map((revision) => ({ ...spec, name: `${spec.name}@${revision}`, declaredAs: spec.declaredAs ?? spec.name, config: { ...spec.config, protocol: revision } }));
}

function byName(servers: readonly ServerSpec[]): Record<string, ServerSpec> {
    return Object.fromEntries(servers.map((spec) => [spec.name, spec]));
}

/**
 * The revisions a server speaks, one per era: what `auto` finds, and for a 2026-07-28 server
 * also the newest 2025 revision it accepts in `initialize`. Empty when it cannot be reached
 * (the run then reports why).
 */
async function spokenRevisions(config: ServerConfig): Promise<Revision[]> {
    const found = await connectsWith(config);
    if (!found || !isRevision(found)) return [];
    if (eraOf(found) === 'legacy') return [found];
    const listed = await connectsWith({ ...config, protocol: LEGACY_REVISIONS[0] });
    return listed && isRevision(listed) ? [MODERN_REVISION, listed] : [MODERN_REVISION];
}

/** The revision a connection with `config` speaks, or undefined when it cannot connect. */
async function connectsWith(config: ServerConfig): Promise<string | undefined> {
    const mcp = new UniversalMCPClient();
    mcp.addServer('probe', config);
    try {
        return (await mcp.connect('probe')).protocolVersion;
    } catch {
        return undefined;
    } finally {
        await mcp.close();
    }
}
