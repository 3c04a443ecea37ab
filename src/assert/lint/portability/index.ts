/**
 * Portability: will the tool list load in the clients a spec names? Each rule's check finds
 * problems at JSON pointers; here they are matched against the named clients and the catalog
 * (blast radius, fix, sources) and become lint findings, and a tool × client matrix sums them up.
 */
import type { ListedTool } from '../../../connect/client.js';
import type { LintConfig } from '../../../load/types.js';
import { toolLabel } from '../tool-check.js';
import type { LintFinding, LintResult } from '../types.js';
import { orderClients, worstBlast, type BlastRadius, type ClientId } from './clients.js';
import { PORTABILITY_CATALOG, PORTABILITY_DOCS, portabilityLevel, ruleApplies, targetsOf, type PortabilityRuleInfo } from './catalog.js';
import { descriptionLength, toolCount, toolsListSize } from './rules/budgets.js';
import { enumStrings, openapiKeywords, refDefs, schemaKey, typeArray } from './rules/gemini.js';
import { nameCharset, nameLength } from './rules/names.js';
import { arrayItems, booleanSchema, nestedComposition, requiredArray, rootComposition, rootTypeObject } from './rules/shape.js';
import { strictAllRequired, strictClosedObjects, strictNoBounds, strictSize } from './rules/strict.js';
import type { PortabilityCheck, PortabilityContext, PortabilityHit } from './types.js';

const CHECKS: ReadonlyMap<string, PortabilityCheck> = new Map(
    [
        nameCharset,
        nameLength,
        rootTypeObject,
        rootComposition,
        nestedComposition,
        typeArray,
        refDefs,
        schemaKey,
        openapiKeywords,
        enumStrings,
        arrayItems,
        booleanSchema,
        requiredArray,
        strictClosedObjects,
        strictAllRequired,
        strictNoBounds,
        strictSize,
        toolCount,
        toolsListSize,
        descriptionLength,
    ].map((check) => [check.id, check]),
);

/** The portability settings of a lint config, for one server. */
type PortabilitySettings = Pick<LintConfig, 'rules' | 'clients' | 'budget'>;

/**
 * Runs every portability rule that applies to the settings and is not `off`, in catalog order,
 * one result per rule.
 */
export function lintPortability(tools: readonly ListedTool[], settings: PortabilitySettings, server: string): LintResult[] {
    const context: PortabilityContext = { server, clients: orderClients(settings.clients), budget: settings.budget };
    const results: LintResult[] = [];
    for (const info of PORTABILITY_CATALOG) {
        if (!ruleApplies(info, context)) continue;
        const level = Object.hasOwn(settings.rules, info.id) ? settings.rules[info.id]! : portabilityLevel(info, context.clients);
        if (level === 'off') continue;
        const check = CHECKS.get(info.id);
        if (!check) throw new Error(`portability rule "${info.id}" has no check`);
        results.push({ rule: info.id, level, findings: toFindings(info, check.check(tools, context), context.clients) });
    }
    return results;
}

/**
 * One finding per tool × pointer: hits at the same place merge, each keeps only the named
 * clients it breaks (a client rule's hit that breaks none of them is dropped).
 */
function toFindings(info: PortabilityRuleInfo, hits: readonly PortabilityHit[], clients: readonly ClientId[]): LintFinding[] {
    const groups = new Map<string, { tool?: ListedTool; pointer: string; problems: string[]; clients: Set<ClientId> }>();
    const toolKeys = new Map<ListedTool, number>();
    for (const hit of hits) {
        const breaks = (hit.clients ?? targetsOf(info)).filter((client) => clients.includes(client) && info.targets[client] !== undefined);
        if (info.kind === 'client' && breaks.length === 0) continue;
        if (hit.tool && !toolKeys.has(hit.tool)) toolKeys.set(hit.tool, toolKeys.size);
        const key = `${hit.tool ? toolKeys.get(hit.tool) : '-'}\u0000${hit.pointer}`;
        let group = groups.get(key);
        if (!group) {
            group = { tool: hit.tool, pointer: hit.pointer, problems: [], clients: new Set() };
            groups.set(key, group);
        }
        if (!group.problems.includes(hit.problem)) group.problems.push(hit.problem);
        for (const client of breaks) group.clients.add(client);
    }
    return [...groups.values()].map((group) => {
        const broken = orderClients(group.clients).map((client) => ({ client, blast: info.targets[client]! }));
        const where = group.tool ? `${toolLabel(group.tool)}${group.pointer ? ` at ${group.pointer}` : ''}` : 'the tool list';
        const breaks = broken.length ? `; breaks ${broken.map((b) => `${b.client} (${b.blast})`).join(', ')}` : '';
        const finding: LintFinding = {
            rule: info.id,
            message: `${where}: ${group.problems.join('; ')}${breaks}`,
            problem: group.problems.join('; '),
            pointer: group.pointer,
            clients: broken,
            fix: info.fix,
            sources: sourcesFor(info, broken.map((b) => b.client)),
            verified: info.verified,
            docs: `${PORTABILITY_DOCS}#${info.id}`,
        };
        if (group.tool && typeof group.tool.raw.name === 'string') finding.tool = group.tool.raw.name;
        return finding;
    });
}

/** The sources that concern these clients (a strict mode counts its base API's); all of them for a budget without clients. */
function sourcesFor(info: PortabilityRuleInfo, clients: readonly ClientId[]): string[] {
    const base = (client: ClientId): ClientId => (client === 'openai-strict' ? 'openai' : client === 'anthropic-strict' ? 'anthropic' : client);
    const concerned = info.sources.filter((s) => s.client === undefined || clients.some((c) => c === s.client || base(c) === s.client));
    return (concerned.length ? concerned : info.sources).map((s) => s.url);
}

/** One row of the portability matrix: how a tool fares in each named client. */
export interface PortabilityRow {
    /** The tool's name, or `(tool list)` for problems of the whole list. */
    tool: string;
    /** The worst blast radius per client that breaks; a client that is absent loads the tool. */
    cells: Partial<Record<ClientId, BlastRadius>>;
}

/** Tool × client: which named clients load which tool, and how badly the others break. */
export interface PortabilityMatrix {
    clients: ClientId[];
    rows: PortabilityRow[];
}

/** The row of problems that concern the whole list rather than one tool. */
const LIST_ROW = '(tool list)';

/** Builds the matrix from the listed tools and the portability findings of one server. */
export function portabilityMatrix(tools: readonly ListedTool[], clients: readonly ClientId[], findings: readonly LintFinding[]): PortabilityMatrix {
    const names = [...new Set(tools.map((tool) => (typeof tool.raw.name === 'string' ? tool.raw.name : tool.name)))];
    const cells = new Map<string, Map<ClientId, BlastRadius[]>>(names.map((name) => [name, new Map()]));
    for (const finding of findings) {
        const row = finding.tool ?? LIST_ROW;
        if (!cells.has(row)) cells.set(row, new Map());
        for (const { client, blast } of finding.clients ?? []) {
            const cell = cells.get(row)!;
            cell.set(client, [...(cell.get(client) ?? []), blast]);
        }
    }
    const rows = [...cells].filter(([name, cell]) => name !== LIST_ROW || cell.size > 0);
    return {
        clients: orderClients(clients),
        rows: rows.map(([tool, cell]) => ({ tool, cells: Object.fromEntries([...cell].map(([client, radii]) => [client, worstBlast(radii)!])) })),
    };
}
