/** `--semver`: the announced version must match what the changes did. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkSemver } from '../../src/surface/semver.js';

const BREAKING = { breaking: 1, nonBreaking: 2, info: 1 };
const ADDITIVE = { breaking: 0, nonBreaking: 1, info: 0 };
const INFO_ONLY = { breaking: 0, nonBreaking: 0, info: 3 };

test('a breaking change with a major bump passes', () => {
    assert.equal(checkSemver('1.4.2', '2.0.0', BREAKING).ok, true);
});

test('a breaking change without a major bump fails and suggests the next major', () => {
    const verdict = checkSemver('1.4.2', '1.5.0', BREAKING);
    assert.deepEqual([verdict.ok, verdict.required, verdict.suggested], [false, 'major', '2.0.0']);
    assert.match(verdict.message, /breaking changes need a major bump; suggested next version 2\.0\.0/);
});

test('a non-breaking addition without a minor bump fails and suggests the next minor', () => {
    const verdict = checkSemver('1.4.2', '1.4.3', ADDITIVE);
    assert.deepEqual([verdict.ok, verdict.required, verdict.suggested], [false, 'minor', '1.5.0']);
});

test('a non-breaking addition with a minor (or major) bump passes', () => {
    assert.equal(checkSemver('1.4.2', '1.5.0', ADDITIVE).ok, true);
    assert.equal(checkSemver('1.4.2', '2.0.0', ADDITIVE).ok, true);
});

test('info changes need no bump', () => {
    assert.equal(checkSemver('1.4.2', '1.4.2', INFO_ONLY).ok, true);
});

test('below 1.0.0 a breaking change needs a minor bump', () => {
    assert.equal(checkSemver('0.3.1', '0.4.0', BREAKING).ok, true);
    assert.deepEqual(checkSemver('0.3.1', '0.3.2', BREAKING).suggested, '0.4.0');
});

test('a pre-release of the required version counts', () => {
    assert.equal(checkSemver('1.4.2', '2.0.0-rc.1', BREAKING).ok, true);
});

test('a version that is not semver fails with a message', () => {
    const verdict = checkSemver('1.0.0', 'dev', ADDITIVE);
    assert.equal(verdict.ok, false);
    assert.match(verdict.message, /"dev" is not a semantic version/);
});

test('a version that goes backwards fails', () => {
    assert.match(checkSemver('2.0.0', '1.9.0', INFO_ONLY).message, /went backwards/);
});
