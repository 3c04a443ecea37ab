/**
 * Durations as users write them: `500ms`, `30s`, `5m`, `1h`, or a bare number of seconds.
 * Shared by the spec loader and the CLI's `--timeout`, so both accept the same spellings.
 */

/** Longest delay `setTimeout` honours; anything larger fires immediately (Node clamps it to 1 ms). */
export const MAX_DURATION_MS = 2 ** 31 - 1;

const UNIT_MS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

// A decimal number (no sign, no exponent) with an optional unit; no unit means seconds.
const DURATION_RE = /^\s*(\d+(?:\.\d+)?|\.\d+)\s*(ms|s|m|h)?\s*$/;

/** Explains the accepted spellings; used in error messages so they all say the same thing. */
export const DURATION_HINT = 'use e.g. 500ms, 30s, 5m, 1h, or a number of seconds; more than 0, at most 24 days';

/**
 * Parses a duration into whole milliseconds; `undefined` when malformed, not positive, or too long.
 *
 * Zero is rejected because a zero timeout would fail every request rather than disable the
 * timeout, and values above {@link MAX_DURATION_MS} because timers silently misbehave there.
 */
export function parseDuration(value: string | number): number | undefined {
    let ms: number;
    if (typeof value === 'number') {
        ms = value * 1000;
    } else if (typeof value === 'string') {
        const m = DURATION_RE.exec(value);
        if (!m) return undefined;
        ms = Number(m[1]) * UNIT_MS[m[2] ?? 's'];
    } else {
        return undefined;
    }
    if (!Number.isFinite(ms)) return undefined;
    const rounded = Math.round(ms);
    return rounded >= 1 && rounded <= MAX_DURATION_MS ? rounded : undefined;
}
