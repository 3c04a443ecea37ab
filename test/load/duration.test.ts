import { test } from 'node:test';
import assert from 'node:assert/strict';
import { MAX_DURATION_MS, parseDuration } from '../../src/load/duration.js';

test('parseDuration reads each unit', () => {
    assert.equal(parseDuration('500ms'), 500);
    assert.equal(parseDuration('30s'), 30_000);
    assert.equal(parseDuration('5m'), 300_000);
    assert.equal(parseDuration('1h'), 3_600_000);
});

test('parseDuration reads numbers and unitless strings as seconds, fractions included', () => {
    assert.equal(parseDuration(30), 30_000);
    assert.equal(parseDuration(0.25), 250);
    assert.equal(parseDuration('1.5'), 1500);
    assert.equal(parseDuration('1.5s'), 1500);
    assert.equal(parseDuration(' 2 m '), 120_000);
});

test('parseDuration rejects malformed, zero, negative and too-long values', () => {
    for (const bad of ['', 'abc', '5 minutes', '10d', '-1s', '1e3', '0', '0s', '0.0001s', '1000h']) {
        assert.equal(parseDuration(bad), undefined, JSON.stringify(bad));
    }
    for (const bad of [0, -1, Number.NaN, Number.POSITIVE_INFINITY]) {
        assert.equal(parseDuration(bad), undefined, String(bad));
    }
    assert.equal(parseDuration((MAX_DURATION_MS + 1) / 1000), undefined);
    assert.equal(parseDuration(MAX_DURATION_MS / 1000), MAX_DURATION_MS);
    assert.equal(parseDuration(`${MAX_DURATION_MS}ms`), MAX_DURATION_MS);
});
