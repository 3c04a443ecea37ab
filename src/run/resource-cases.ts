/** Resource checks: listed (include/exclude, templates count as listed) and `read` with assertions. */
import { checkBudget, checkJson, matchSubject, parseJsonText, present, textual, type AssertContext } from '../assert/index.js';
import type { ResourceReadSpec, TestSpec } from '../load/types.js';
import { budgetOf } from './call-case.js';
import { classifyRequestError } from './classify.js';
import { classifyListError, exactly, listingCut, requireCapability, unlisted } from './listing-cases.js';
import type { CaseOutcome, Problem } from './result.js';
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

/** `resources.read`: reads the URI (captures resolved) and checks `mimeType`, `text`, `json`, `blobSize`. */
export async function runResourceRead(read: ResourceReadSpec, test: TestSpec, ctx: CaseContext): Promise<CaseOutcome> {
    const blocked = requireCapability('resources', ctx);
    if (blocked) return blocked;
    const { session, suite } = ctx;
    const uri = session.captures.resolve(read.uri);
    if (!uri.ok) return { status: 'errored', error: { kind: 'runtime.capture', message: uri.message, loc: suite.locate([...read.path, 'uri']) } };
    const began = performance.now();
    let result: Record<string, unknown>;
    try {
        result = await session.mcp.readResource(session.connectionId, uri.value, { signal: session.signal });
    } catch (error) {
        session.captures.fail(read.capture, read.name ?? read.uri);
        return classifyRequestError(error, `resources/read ${uri.value}`, session.timeoutMs, session.signal);
    }
    const durationMs = Math.round(performance.now() - began);
    const contents = Array.isArray(result.contents) ? (result.contents as Record<string, unknown>[]) : [];
    const first = contents[0];
    const ctxAssert: AssertContext = { locate: (p) => suite.locate([...read.path, 'expect', ...p]), locateSpec: (p) => suite.locate(p) };
    const { expect } = read;
    const problems: Problem[] = [];
    if (!first) problems.push({ kind: 'assert.resource', message: `resources/read ${uri.value} returned no contents`, loc: read.loc });
    const text = typeof first?.text === 'string' ? first.text : undefined;
    if (expect.mimeType) problems.push(...matchSubject('mimeType', expect.mimeType, fieldOf(first, 'mimeType'), 'assert.resource', ctxAssert));
    if (expect.text) problems.push(...matchSubject('text', textual(expect.text), text === undefined ? { present: false } : present(text), 'assert.resource', ctxAssert));
    if (expect.json) problems.push(...checkJson(parseJsonText(text, 'text contents'), expect.json, ctxAssert));
    if (expect.blobSize) {
        const blob = typeof first?.blob === 'string' ? first.blob : undefined;
        const size = blob === undefined ? { present: false as const } : present(Buffer.from(blob, 'base64').length);
        problems.push(...matchSubject('blobSize', expect.blobSize, size, 'assert.resource', ctxAssert));
    }
    problems.push(...checkBudget(durationMs, ...budgetOf(expect.maxDurationMs, read.path, test, ctx)));
    if (problems.length === 0) problems.push(...session.captures.capture(read.capture, result, read.name ?? read.uri));
    else session.captures.fail(read.capture, read.name ?? read.uri);
    return problems.length ? { status: 'failed', problems } : { status: 'passed' };
}

function fieldOf(item: Record<string, unknown> | undefined, key: string) {
    return item && key in item ? present(item[key]) : { present: false as const };
}
