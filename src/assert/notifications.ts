/**
 * `expect.notifications`: what the server sent while a call ran. Progress is this call's own
 * (matched by its progress token); log messages and list changes are whatever arrived between
 * the request and its answer.
 */
import type { LogExpectation, Matcher, NotificationExpectations } from '../load/types.js';
import type { Problem } from '../run/result.js';
import type { AssertContext } from './context.js';
import { matchSubject, present } from './match.js';
import { evaluateMatcher } from './matchers/index.js';
import { textual } from './text.js';

/** A notification as it arrived: `notifications/progress`, `notifications/message`, … */
export interface ReceivedNotification {
    method: string;
    params: Record<string, unknown>;
}

interface LogMessage {
    level: unknown;
    logger: unknown;
    text: string;
}

/** Checks the notifications that arrived during a call against `expect.notifications`. */
export function checkNotifications(received: readonly ReceivedNotification[], expect: NotificationExpectations, ctx: AssertContext): Problem[] {
    const progress = received.filter((n) => n.method === 'notifications/progress').map((n) => n.params);
    const logs = received.filter((n) => n.method === 'notifications/message').map((n) => logMessage(n.params));
    const changed = received.map((n) => /^notifications\/(tools|resources|prompts)\/list_changed$/.exec(n.method)?.[1]).filter((l) => l !== undefined);
    return [
        ...(expect.progress ? checkProgress(progress, expect.progress, ctx) : []),
        ...(expect.logs ? checkLogs(logs, expect.logs, expect.path, ctx) : []),
        ...(expect.listChanged ? checkListChanged(changed, expect.listChanged, ctx) : []),
    ];
}

function checkProgress(progress: readonly Record<string, unknown>[], expect: NonNullable<NotificationExpectations['progress']>, ctx: AssertContext): Problem[] {
    const problems = expect.count ? matchSubject('notifications.progress.count', expect.count, present(progress.length), 'assert.notifications', ctx) : [];
    if (expect.complete !== true) return problems;
    const last = progress.at(-1);
    const label = 'notifications.progress: expected the last progress to equal its total';
    const fail = (why: string, actual?: unknown) =>
        problems.push({ kind: 'assert.notifications', message: `${label}, ${why}`, loc: ctx.locateSpec([...expect.path, 'complete']), ...(actual !== undefined ? { actual } : {}) });
    if (!last) fail('but no progress notification arrived');
    else if (typeof last.total !== 'number') fail(`but the last one (progress ${String(last.progress)}) has no total`, last);
    else if (last.progress !== last.total) fail(`got ${String(last.progress)} of ${last.total}`, last);
    return problems;
}

function checkLogs(logs: readonly LogMessage[], expected: readonly LogExpectation[], path: NotificationExpectations['path'], ctx: AssertContext): Problem[] {
    if (expected.length === 0) {
        return logs.length === 0 ? [] : [{ kind: 'assert.notifications', message: `notifications.logs: expected no log message, got ${logs.length}`, loc: ctx.locateSpec([...path, 'logs']), actual: logs.map(shown) }];
    }
    return expected.flatMap((want, i) => {
        if (logs.some((log) => matchesLog(log, want))) return [];
        const received = logs.length ? `; received: ${logs.map(shown).join(', ')}` : '; no log message arrived';
        return [{ kind: 'assert.notifications' as const, message: `notifications.logs[${i}]: no log message matched${received}`, loc: ctx.locateSpec(want.path) }];
    });
}

function checkListChanged(changed: readonly string[], expect: NonNullable<NotificationExpectations['listChanged']>, ctx: AssertContext): Problem[] {
    const loc = ctx.locateSpec(expect.path);
    if (expect.lists.length === 0) {
        return changed.length === 0 ? [] : [{ kind: 'assert.notifications', message: `notifications.listChanged: expected no list change, got ${[...new Set(changed)].join(', ')}`, loc }];
    }
    const missing = expect.lists.filter((list) => !changed.includes(list));
    if (missing.length === 0) return [];
    const got = changed.length ? `; received: ${[...new Set(changed)].join(', ')}` : '; none arrived';
    return [{ kind: 'assert.notifications', message: `notifications.listChanged: no notifications/<list>/list_changed for ${missing.join(', ')}${got}`, loc }];
}

// `data` may be any JSON value; a string is matched as it is.
function logMessage(params: Record<string, unknown>): LogMessage {
    const { level, logger, data } = params;
    return { level, logger, text: typeof data === 'string' ? data : JSON.stringify(data) ?? '' };
}

function matchesLog(log: LogMessage, want: LogExpectation): boolean {
    const holds = (matcher: Matcher | undefined, value: unknown) => matcher === undefined || evaluateMatcher(matcher, present(value)).length === 0;
    return holds(want.level, log.level) && holds(want.logger, log.logger) && holds(want.text && textual(want.text), log.text);
}

function shown(log: LogMessage): string {
    return `[${String(log.level)}] ${JSON.stringify(log.text.length > 80 ? `${log.text.slice(0, 79)}…` : log.text)}`;
}
