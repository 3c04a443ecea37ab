/**
 * What `tests[].server` may name: a server, a group (`group:` on servers) or a list of
 * either. Shared by the semantic checks, which judge the names, and the normalizer, which
 * expands an entry naming several servers into one test per server.
 */
import { isRecord } from './paths.js';

/** The servers a spec declares and the groups they form. */
export interface ServerNames {
    /** Server names, in declaration order. */
    servers: readonly string[];
    /** Group name → its servers, in declaration order. */
    groups: ReadonlyMap<string, readonly string[]>;
}

/** Reads server and group names from `servers:` data; defensive, as the data may have failed the schema. */
export function serverNames(servers: unknown): ServerNames {
    const groups = new Map<string, string[]>();
    if (!isRecord(servers)) return { servers: [], groups };
    for (const [name, server] of Object.entries(servers)) {
        const group = isRecord(server) ? server['group'] : undefined;
        // An empty or mistyped group is the schema's to report; it forms no group.
        if (typeof group !== 'string' || group === '') continue;
        const members = groups.get(group);
        if (members) members.push(name);
        else groups.set(group, [name]);
    }
    return { servers: Object.keys(servers), groups };
}

/**
 * The servers `name` stands for: the server of that name, else every server of the group of
 * that name; `undefined` when there is neither. A server wins over a group of the same name,
 * which is a spec error of its own, so tests naming it are not judged twice.
 */
export function serversNamed(name: string, names: ServerNames): readonly string[] | undefined {
    return names.servers.includes(name) ? [name] : names.groups.get(name);
}
