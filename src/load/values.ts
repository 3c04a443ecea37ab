/** Small conversions shared by normalisation: durations, string maps, dropping undefined keys. */
import { parseDuration } from './duration.js';
import type { Duration, Scalar } from './raw.js';

/** A duration as written to milliseconds (undefined stays undefined). */
export function ms(value: Duration | undefined): number | undefined {
    return value === undefined ? undefined : parseDuration(value);
}

/** String values for env and headers: YAML reads `PORT: 8080` as a number; processes and headers take strings. */
export function stringMap(map: Record<string, Scalar> | undefined): Record<string, string> | undefined {
    return map && Object.fromEntries(Object.entries(map).map(([k, v]) => [k, String(v)]));
}

/** Drops keys whose value is undefined, so configs compare and print cleanly. */
export function compact<T extends object>(value: { [K in keyof T]: T[K] | undefined }): T {
    return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
