/**
 * Seeds. One probe seed decides everything; each check gets its own seed derived from it and
 * the tool and check names, so probing fewer tools (`--tool`) replays the same arguments.
 */
import { randomInt } from 'node:crypto';

/** A fresh seed for a probe that was given none. */
export function randomSeed(): number {
    return randomInt(0, 2 ** 31 - 1);
}

/** The fast-check seed of one check: FNV-1a over the probe seed, tool and check names. */
export function checkSeed(seed: number, tool: string, check: string): number {
    let hash = 0x811c9dc5;
    for (const ch of `${seed}\u0000${tool}\u0000${check}`) {
        hash ^= ch.codePointAt(0)!;
        hash = Math.imul(hash, 0x01000193);
    }
    return hash | 0;
}
