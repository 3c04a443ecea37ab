/** Resource checks: listed (include/exclude, templates count as listed) and `read` with assertions. */
import { checkJsonExpectations, decodedSize, matchSubject, parseJsonText, present, textual, type AssertContext } from '../assert/index.js';
import type { ResourceExpectations, ResourceReadSpec, TestSpec } from '../load/types.js';
import { classifyListError, exactly, listingCut, requireCapability, unlisted } from './listing-cases.js';
import { exchange, expectContext, runWithRetries } from './request-check.js';
import type { CaseOutcome, CaseRun, Problem } from './result.js';
import type { CaseContext } from './session.js';

/** `resources.include` / `exclude`: a URI among the listed resources or the templates' `uriTemplate`s. */
export async function checkResourceListed(uri: string, wanted: boolean, ctx: CaseContext): Promise<CaseOutcome> {
    const listed = await listedUris(ctx);
    return Array.isArray(listed) ? unlisted('resource', uri, listed, wanted, listingCut(ctx, 'resources/list', 'resources/templates/list')) : listed;
}

/** `resources.exact`: the URIs and templates listed are exactly these. */
export async function checkResourcesExactly(uris: readonly string[], ctx: CaseContext): Promise<CaseOutcome> {
    const listed = await listedUris(ctx);
    return Array.isArray(listed) ? exactly('resource', uris, listed, listingCut(ctx, 'resources/list', 'resources/templates/list')) : listed;
}

/** Every listed resource URI and template `uriTemplate`, or the outcome when they cannot be had. */
async function listedUris(ctx: CaseContext): Promise<string[] | CaseOutcome> {
    const blocked = requireCapability('resources', ctx);
    if (blocked) return blocked;
    const [resources, templates] = await Promise.all([ctx.session.resources(), ctx.session.resourceTemplates()]);
    if (!resources.ok) return classifyListError(resources.error, 'resources/list', ctx);
    return [
        ...resources.items.map((r) => String(r.uri)),
        // Templates are optional; a server without them simply has none.
        ...(templates.ok ? templates.items.map((t) => String(t.uriTemplate)) : []),
    ];
}

/** `resources.read`: reads the URI (captures resolved), with its retries, and checks the answer. */
export async function runResourceRead(read: ResourceReadSpec, test: TestSpec, ctx: CaseContext): Promise<CaseRun> {
    return runWithRetries(read, read.name ?? read.uri, ctx, () => attemptRead(read, test, ctx));
}

async function attemptRead(read: ResourceReadSpec, test: TestSpec, ctx: CaseContext): Promise<CaseOutcome> {
    const blocked = requireCapability('resources', ctx);
    if (blocked) return blocked;
    const { session, suite } = ctx;
    const uri = session.captures.resolve(read.uri);
    if (!uri.ok) return { status: 'errored', error: { kind: 'runtime.capture', message: uri.message, loc: suite.locate([...read.path, 'uri']) } };
    const { outcome } = await exchange(
        {
            what: `resources/read ${uri.value}`,
            timeoutMs: session.timeoutMs,
            send: () => session.mcp.readResource(session.connectionId, uri.value, { signal: session.signal }),
            judge: (result, expect) => judgeRead(result, expect, uri.value, read, expectContext(read, ctx)),
            accepted: `expected the server to reject resources/read ${uri.value}, but it returned contents`,
        },
        read,
        read.name ?? read.uri,
        test,
        ctx,
    );
    return outcome;
}

/** `mimeType`, `text`, `blobSize` on the first contents; `json` and `schema` on its text parsed; `result` on the whole answer. */
function judgeRead(result: Record<string, unknown>, expect: ResourceExpectations, uri: string, read: ResourceReadSpec, ctx: AssertContext): Problem[] {
    const contents = Array.isArray(result.contents) ? (result.contents as Record<string, unknown>[]) : [];
    const first = contents[0];
    const problems: Problem[] = [];
    if (!first) problems.push({ kind: 'assert.resource', message: `resources/read ${uri} returned no contents`, loc: read.loc });
    const text = typeof first?.text === 'string' ? first.text : undefined;
    if (expect.mimeType) problems.push(...matchSubject('mimeType', expect.mimeType, fieldOf(first, 'mimeType'), 'assert.resource', ctx));
    if (expect.text) problems.push(...matchSubject('text', textual(expect.text), text === undefined ? { present: false } : present(text), 'assert.resource', ctx));
    if (expect.blobSize) problems.push(...matchSubject('blobSize', expect.blobSize, decodedSize(first?.blob), 'assert.resource', ctx));
    problems.push(...checkJsonExpectations(() => parseJsonText(text, 'text contents'), result, expect, ctx));
    return problems;
}

function fieldOf(item: Record<string, unknown> | undefined, key: string) {
    return item && key in item ? present(item[key]) : { present: false as const };
}
