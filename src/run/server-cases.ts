/** Checks on the server itself: the capabilities a spec requires, what it says about itself and about each tool. */
import { matchSubject, present } from '../assert/index.js';
import type { AssertContext } from '../assert/context.js';
import { partialMatch } from '../assert/structured-content.js';
import type { ServerInfoExpectations, ToolExpectations } from '../load/types.js';
import { undeclared } from './listing-cases.js';
import type { CaseOutcome } from './result.js';
import type { CaseContext } from './session.js';

/** `requires:` — one capability the server must declare. */
export function checkRequiredCapability(capability: string, ctx: CaseContext): CaseOutcome {
    return ctx.session.declares(capability) ? { status: 'passed' } : undeclared(capability);
}

/** `serverInfo:` — the handshake's name, version, instructions and revision, and a partial match on capabilities. */
export function checkServerInfo(expect: ServerInfoExpectations, ctx: CaseContext): CaseOutcome {
    const info = ctx.session.mcp.serverInfo(ctx.session.connectionId);
    if (!info) return { status: 'errored', error: { kind: 'runtime.connect', message: 'the server is not connected' } };
    const { suite } = ctx;
    const assertCtx: AssertContext = { locate: (p) => suite.locate([...expect.path, ...p]), locateSpec: (p) => suite.locate(p) };
    const subject = (value: string | undefined) => (value === undefined ? { present: false as const } : present(value));
    const problems = [
        ...(expect.name ? matchSubject('serverInfo.name', expect.name, present(info.name), 'contract.serverInfo', assertCtx) : []),
        ...(expect.version ? matchSubject('serverInfo.version', expect.version, present(info.version), 'contract.serverInfo', assertCtx) : []),
        ...(expect.instructions ? matchSubject('instructions', expect.instructions, subject(info.instructions), 'contract.serverInfo', assertCtx) : []),
        ...(expect.protocolVersion ? matchSubject('protocolVersion', expect.protocolVersion, present(info.protocolVersion), 'contract.serverInfo', assertCtx) : []),
        ...(expect.capabilities
            ? partialMatch('capabilities', expect.capabilities, info.capabilities, 'contract.serverInfo', (p) => assertCtx.locate(['capabilities', ...p]))
            : []),
    ];
    return problems.length ? { status: 'failed', problems } : { status: 'passed' };
}

/** `tools.expect.<name>` — the tool's title and description (matchers), annotations and schemas (partial matches). */
export function checkToolMetadata(expect: ToolExpectations, ctx: CaseContext): CaseOutcome {
    const tool = ctx.session.listedTools.find((t) => t.name === expect.tool)?.raw;
    if (!tool) return { status: 'failed', problems: [{ kind: 'contract.include', message: `tool "${expect.tool}" is not listed`, expected: expect.tool }] };
    const { suite } = ctx;
    const assertCtx: AssertContext = { locate: (p) => suite.locate([...expect.path, ...p]), locateSpec: (p) => suite.locate(p) };
    const text = (value: unknown) => (typeof value === 'string' ? present(value) : { present: false as const });
    // Schemas are compared literally: `type`, `not` and `oneOf` are JSON Schema's own keywords there.
    const partial = (key: 'annotations' | 'inputSchema' | 'outputSchema') =>
        expect[key] ? partialMatch(key, expect[key], tool[key], 'contract.toolMetadata', (p) => assertCtx.locate([key, ...p]), { literal: key !== 'annotations' }) : [];
    const problems = [
        ...(expect.title ? matchSubject('title', expect.title, text(tool.title), 'contract.toolMetadata', assertCtx) : []),
        ...(expect.description ? matchSubject('description', expect.description, text(tool.description), 'contract.toolMetadata', assertCtx) : []),
        ...partial('annotations'),
        ...partial('inputSchema'),
        ...partial('outputSchema'),
    ];
    return problems.length ? { status: 'failed', problems } : { status: 'passed' };
}
