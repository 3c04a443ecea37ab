/**
 * Semantic checks of a test entry's contract: matchers (via `matcher.ts`), durations the
 * schema cannot judge, `rejects` against result checks, and names both required and
 * forbidden. Defensive like the rest of `semantic.ts`: the data may have failed the schema.
 */
import { checkDuration, type Report } from './checks.js';
import { parseMatcher, partialMatchProblems } from './matcher.js';
import { quote } from './messages.js';
import { isRecord } from './paths.js';
import type { SpecPath } from './types.js';

// Checks on a result, which a check that must be rejected does not have.
const RESULT_KEYS = ['isError', 'text', 'structuredContent', 'json', 'result', 'schema', 'content', 'mimeType', 'blobSize', 'messages'];

/** Checks everything below one `tests[i]` entry except its `server`. */
export function checkTestContract(path: SpecPath, test: Record<string, unknown>, report: Report): void {
    checkSelection(path, test, report);
    if (isRecord(test['defaults'])) checkDuration([...path, 'defaults', 'maxDuration'], test['defaults']['maxDuration'], report);

    checkOverlap([...path, 'tools'], test['tools'], 'tool', report);
    checkClient([...path, 'client'], test['client'], report);
    const tools = test['tools'];
    if (isRecord(tools) && isRecord(tools['expect'])) {
        for (const [tool, expect] of Object.entries(tools['expect'])) {
            if (!isRecord(expect)) continue;
            for (const key of ['title', 'description']) checkMatcher([...path, 'tools', 'expect', tool, key], expect[key], report);
            checkPartialMatch([...path, 'tools', 'expect', tool, 'annotations'], expect['annotations'], report);
        }
    }
    const serverInfo = test['serverInfo'];
    if (isRecord(serverInfo)) {
        for (const key of ['name', 'version', 'instructions', 'protocolVersion']) checkMatcher([...path, 'serverInfo', key], serverInfo[key], report);
        checkPartialMatch([...path, 'serverInfo', 'capabilities'], serverInfo['capabilities'], report);
    }
    each([...path, 'calls'], test['calls'], (callPath, call) => checkCall(callPath, call, report));

    const resources = test['resources'];
    checkOverlap([...path, 'resources'], resources, 'resource', report);
    if (isRecord(resources)) {
        each([...path, 'resources', 'read'], resources['read'], (readPath, read) => {
            const expect = checkRequest(readPath, read, 'read', report);
            for (const key of ['mimeType', 'text', 'blobSize']) checkMatcher([...readPath, 'expect', key], expect[key], report);
        });
    }

    const prompts = test['prompts'];
    checkOverlap([...path, 'prompts'], prompts, 'prompt', report);
    if (isRecord(prompts)) {
        each([...path, 'prompts', 'get'], prompts['get'], (getPath, get) => {
            const expect = checkRequest(getPath, get, 'get', report);
            for (const key of ['messages', 'text']) checkMatcher([...getPath, 'expect', key], expect[key], report);
        });
    }
}

/** `client.sampling[].when` are matchers (on a server or a test entry). */
export function checkClient(path: SpecPath, client: unknown, report: Report): void {
    if (!isRecord(client)) return;
    each([...path, 'sampling'], client['sampling'], (rulePath, rule) => checkMatcher([...rulePath, 'when'], rule['when'], report));
}

function checkCall(path: SpecPath, call: Record<string, unknown>, report: Report): void {
    checkDuration([...path, 'timeout'], call['timeout'], report);
    const expect = checkRequest(path, call, 'call', report);
    const at = [...path, 'expect'];
    checkMatcher([...at, 'text'], expect['text'], report);
    checkPartialMatch([...at, 'structuredContent'], expect['structuredContent'], report);
    const content = expect['content'];
    const items = isRecord(content) ? content['items'] : content;
    each(isRecord(content) ? [...at, 'content', 'items'] : [...at, 'content'], items, (itemPath, item) => {
        for (const key of ['text', 'mimeType', 'uri', 'name', 'dataSize']) checkMatcher([...itemPath, key], item[key], report);
        for (const key of ['resource', 'annotations']) checkPartialMatch([...itemPath, key], item[key], report);
    });
}

// What calls, reads and gets share: selection, retry, budget, `json`/`result`, and `rejects`
// against checks on a result. Returns the `expect:` mapping (empty when there is none).
function checkRequest(path: SpecPath, check: Record<string, unknown>, noun: string, report: Report): Record<string, unknown> {
    checkSelection(path, check, report);
    if (isRecord(check['retry'])) checkDuration([...path, 'retry', 'interval'], check['retry']['interval'], report);
    const expect = check['expect'];
    if (!isRecord(expect)) return {};
    const at = [...path, 'expect'];
    checkDuration([...at, 'maxDuration'], expect['maxDuration'], report);
    checkJson([...at, 'json'], expect['json'], report);
    checkJson([...at, 'result'], expect['result'], report);
    const notifications = expect['notifications'];
    if (isRecord(notifications)) {
        const progress = notifications['progress'];
        if (isRecord(progress)) checkMatcher([...at, 'notifications', 'progress', 'count'], progress['count'], report);
        each([...at, 'notifications', 'logs'], notifications['logs'], (logPath, log) => {
            for (const key of ['level', 'logger', 'text']) checkMatcher([...logPath, key], log[key], report);
        });
    }
    if (expect['rejects'] === true) {
        for (const key of RESULT_KEYS.filter((k) => expect[k] !== undefined)) {
            report(at, `"${key}" cannot be combined with "rejects: true" (a rejected ${noun} has no result to check)`, [...at, key]);
        }
    }
    return expect;
}

// Focusing on an item and skipping it contradict each other; usually one is a leftover.
function checkSelection(path: SpecPath, item: Record<string, unknown>, report: Report): void {
    const skip = item['skip'];
    const skips = skip === true || (typeof skip === 'string' && skip.trim() !== '');
    if (item['only'] === true && skips) report(path, '"only: true" and "skip" cannot be combined (remove one)', [...path, 'skip']);
}

// `json:` — every value is a matcher. Keys are the schema's to judge (they must start with `$`).
function checkJson(path: SpecPath, json: unknown, report: Report): void {
    if (!isRecord(json)) return;
    for (const [jsonPath, raw] of Object.entries(json)) checkMatcher([...path, jsonPath], raw, report);
}

function checkMatcher(path: SpecPath, raw: unknown, report: Report): void {
    if (raw === undefined) return;
    const parsed = parseMatcher(raw, path);
    if ('errors' in parsed) for (const problem of parsed.errors) report(problem.path, problem.message);
}

function checkPartialMatch(path: SpecPath, raw: unknown, report: Report): void {
    for (const problem of partialMatchProblems(raw, path)) report(problem.path, problem.message);
}

// A name both required and forbidden is a contradiction no server can satisfy.
function checkOverlap(path: SpecPath, contract: unknown, noun: string, report: Report): void {
    if (!isRecord(contract) || !Array.isArray(contract['include']) || !Array.isArray(contract['exclude'])) return;
    const included = new Set(contract['include']);
    const listName = `${String(path[path.length - 1])}.include`;
    contract['exclude'].forEach((name, index) => {
        if (typeof name === 'string' && included.has(name)) {
            report([...path, 'exclude', index], `${noun} ${quote(name)} is also listed in ${listName}`);
        }
    });
}

// Calls `visit` for each object item of the list at `path`; other items are the schema's to report.
function each(path: SpecPath, list: unknown, visit: (itemPath: SpecPath, item: Record<string, unknown>) => void): void {
    if (!Array.isArray(list)) return;
    list.forEach((item, index) => {
        if (isRecord(item)) visit([...path, index], item);
    });
}
