/** When a token expires, as mcp-check reads it from a JWT (without verifying it). */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { jwtExpiry } from '../../../src/connect/auth/expiry.js';

/** An unsigned JWT with these claims: the signature is not read, so any will do. */
function jwt(claims: Record<string, unknown>): string {
    const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
    return `${part({ alg: 'RS256', typ: 'at+jwt' })}.${part(claims)}.c2lnbmF0dXJl`;
}

test("a JWT's exp is its expiry, in ms", () => {
    assert.equal(jwtExpiry(jwt({ sub: 'ci', exp: 1_900_000_000 })), 1_900_000_000_000);
});

test('a token that is not a JWT, or a JWT without a numeric exp, has no known expiry', () => {
    assert.equal(jwtExpiry('opaque-token-value'), undefined);
    assert.equal(jwtExpiry('a.b.c'), undefined);
    assert.equal(jwtExpiry(jwt({ sub: 'ci' })), undefined);
    assert.equal(jwtExpiry(jwt({ exp: '1900000000' })), undefined);
});
