/** Sizes in a spec: bytes as a number, or a number with a unit (`512KB`, `64MB`, `1GB`; binary multiples). */

const UNITS: Record<string, number> = { B: 1, KB: 1024, MB: 1024 ** 2, GB: 1024 ** 3 };

/** Bytes of `value`, or undefined when it is not a positive size. */
export function parseSize(value: string | number): number | undefined {
    if (typeof value === 'number') return Number.isSafeInteger(value) && value > 0 ? value : undefined;
    const match = /^\s*(\d+(?:\.\d+)?)\s*([KMG]?B)?\s*$/i.exec(value);
    if (!match) return undefined;
    const bytes = Math.floor(Number(match[1]) * UNITS[(match[2] ?? 'B').toUpperCase()]!);
    return bytes > 0 && Number.isSafeInteger(bytes) ? bytes : undefined;
}
