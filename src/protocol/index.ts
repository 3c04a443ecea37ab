/**
 * Protocol checks: every server checked against the MCP revision it speaks, with no spec
 * written. The rules live in `rules/`, their ids, levels and sections in `catalog.ts`.
 */
import { PROTOCOL_CATALOG } from './catalog.js';
import { authAudience, authChallenge, authExpiredToken, authInsufficientScope, authInvalidToken, authQueryToken, authResourceMetadata, authServerMetadata } from './rules/auth.js';
import { cancellation, ping, unknownMethod } from './rules/basic.js';
import { batchRefused, getStream, headerMismatch, noSession, originCheck, protocolVersionHeader, sessionDelete, sessionId } from './rules/http.js';
import { initializeVersion, stdinCloseExit, stdoutClean } from './rules/lifecycle.js';
import { invalidCursor, listStable, paginationTerminates } from './rules/lists.js';
import { cacheHints, clientCapabilities, discover, noServerRequests, resultType, unsupportedVersion } from './rules/modern.js';
import { icons, malformedParams, promptArguments, unknownResource, unknownTool } from './rules/primitives.js';
import { outputSchema } from './rules/tools.js';
import { completion, loggingLevel, progress } from './rules/utilities.js';
import type { ProtocolRule } from './types.js';

export { PROTOCOL_CATALOG, protocolRuleInfo, sectionUrl, type ProtocolLevel, type ProtocolRuleInfo } from './catalog.js';
export { ProbeContext, type ProbeTarget } from './context.js';
export type { ProtocolFinding, ProtocolRule, RuleOutcome } from './types.js';

const RULES: readonly ProtocolRule[] = [
    discover,
    ping,
    unknownMethod,
    cancellation,
    clientCapabilities,
    unsupportedVersion,
    cacheHints,
    paginationTerminates,
    invalidCursor,
    listStable,
    unknownTool,
    unknownResource,
    promptArguments,
    malformedParams,
    completion,
    loggingLevel,
    icons,
    outputSchema,
    initializeVersion,
    originCheck,
    batchRefused,
    protocolVersionHeader,
    headerMismatch,
    sessionId,
    sessionDelete,
    getStream,
    noSession,
    stdinCloseExit,
    stdoutClean,
    resultType,
    progress,
    noServerRequests,
    authChallenge,
    authResourceMetadata,
    authServerMetadata,
    authInvalidToken,
    authAudience,
    authQueryToken,
    authExpiredToken,
    authInsufficientScope,
];

/** Every rule, in catalog order. */
export const PROTOCOL_RULES: readonly ProtocolRule[] = Object.freeze(PROTOCOL_CATALOG.map((info) => findRule(info.id)));

function findRule(id: string): ProtocolRule {
    const rule = RULES.find((r) => r.id === id);
    if (!rule) throw new Error(`protocol rule "${id}" is in PROTOCOL_CATALOG but has no check`);
    return rule;
}

/** The rule with this id, if there is one. */
export function findProtocolRule(id: string): ProtocolRule | undefined {
    return PROTOCOL_RULES.find((rule) => rule.id === id);
}
