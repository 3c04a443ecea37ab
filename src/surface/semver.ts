/**
 * `--semver`: the version a server announces must say what its changes did. A breaking change
 * needs a major bump, a non-breaking one a minor bump; below 1.0.0 each moves down one place
 * (breaking → minor, non-breaking → patch), as npm's caret ranges and Cargo read 0.x versions.
 */
import semver from 'semver';
import type { ChangeCounts } from './types.js';

export type Bump = 'major' | 'minor' | 'patch' | 'none';

export interface SemverVerdict {
    ok: boolean;
    /** The bump the changes call for. */
    required: Bump;
    /** The smallest version that would be correct, when the given one is not. */
    suggested?: string;
    message: string;
}

/** Checks that `newVersion` is bumped enough over `oldVersion` for changes of these counts. */
export function checkSemver(oldVersion: string | undefined, newVersion: string | undefined, counts: ChangeCounts): SemverVerdict {
    const required: Bump = counts.breaking ? 'major' : counts.nonBreaking ? 'minor' : 'none';
    const what = counts.breaking ? 'breaking changes need' : counts.nonBreaking ? 'non-breaking additions need' : 'no contract change needs';
    const from = semver.parse(oldVersion ?? '');
    const to = semver.parse(newVersion ?? '');
    if (!from) return { ok: false, required, message: `old serverInfo.version ${JSON.stringify(oldVersion ?? '')} is not a semantic version` };
    if (!to) return { ok: false, required, message: `new serverInfo.version ${JSON.stringify(newVersion ?? '')} is not a semantic version` };
    // A pre-release of the right version (2.0.0-rc.1) counts as that version.
    const release = new semver.SemVer(`${to.major}.${to.minor}.${to.patch}`);
    if (semver.lt(to, from)) {
        return { ok: false, required, message: `version went backwards from ${from.version} to ${to.version}` };
    }
    if (required === 'none') return { ok: true, required, message: `${from.version} → ${to.version}: ${what} a bump` };
    const step = from.major === 0 ? (required === 'major' ? 'minor' : 'patch') : required;
    const minimum = semver.inc(`${from.major}.${from.minor}.${from.patch}`, step)!;
    const label = step === required ? required : `${step} (0.x)`;
    if (semver.gte(release, minimum)) return { ok: true, required, message: `${from.version} → ${to.version}: ${what} a ${label} bump, and got one` };
    return { ok: false, required, suggested: minimum, message: `${from.version} → ${to.version}: ${what} a ${label} bump; suggested next version ${minimum}` };
}
