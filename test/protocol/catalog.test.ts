/** The protocol rule catalog: ids, levels, where each applies, its sections, and the spec schema that names them. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROTOCOL_CATALOG, PROTOCOL_RULES, findProtocolRule, sectionUrl } from '../../src/protocol/index.js';
import { ROOT } from '../helpers/cli.js';

/** Every rule with its default level: error for what the specification requires, warn for what it recommends. */
const LEVELS = [
    ['discover', 'error'],
    ['ping', 'error'],
    ['unknown-method', 'error'],
    ['cancellation', 'warn'],
    ['client-capabilities', 'error'],
    ['unsupported-version', 'error'],
    ['cache-hints', 'error'],
    ['pagination-terminates', 'error'],
    ['invalid-cursor', 'warn'],
    ['list-stable', 'warn'],
    ['unknown-tool', 'warn'],
    ['unknown-resource', 'error'],
    ['prompt-arguments', 'warn'],
    ['malformed-params', 'warn'],
    ['completion', 'error'],
    ['logging-level', 'error'],
    ['icons', 'warn'],
    ['output-schema', 'error'],
    ['initialize-version', 'error'],
    ['origin-check', 'error'],
    ['batch-refused', 'warn'],
    ['protocol-version-header', 'error'],
    ['header-mismatch', 'error'],
    ['session-id', 'error'],
    ['session-delete', 'error'],
    ['get-stream', 'error'],
    ['no-session', 'warn'],
    ['stdin-close-exit', 'warn'],
    ['stdout-clean', 'error'],
    ['result-type', 'error'],
    ['progress', 'error'],
    ['no-server-requests', 'error'],
    ['auth-challenge', 'error'],
    ['auth-resource-metadata', 'error'],
    ['auth-server-metadata', 'error'],
    ['auth-invalid-token', 'error'],
    ['auth-audience', 'error'],
    ['auth-query-token', 'error'],
    ['auth-expired-token', 'error'],
    ['auth-insufficient-scope', 'error'],
];

test('the catalog lists every rule with its default level, in report order', () => {
    assert.deepEqual(
        PROTOCOL_CATALOG.map((r) => [r.id, r.defaultLevel]),
        LEVELS,
    );
    assert.ok(Object.isFrozen(PROTOCOL_CATALOG));
});

test('every catalog entry has a check, in the same order', () => {
    assert.deepEqual(
        PROTOCOL_RULES.map((r) => r.id),
        PROTOCOL_CATALOG.map((r) => r.id),
    );
    assert.equal(findProtocolRule('no-such-rule'), undefined);
});

test('every rule names a specification section for each era it applies to, in the revision spoken', () => {
    for (const rule of PROTOCOL_CATALOG) {
        assert.ok(rule.description.length > 0, rule.id);
        for (const era of rule.eras) {
            const url = sectionUrl(rule, era);
            assert.match(url ?? '', /^https:\/\/modelcontextprotocol\.io\/specification\/(2026-07-28|2025-11-25)\/[a-z]/, `${rule.id} (${era})`);
        }
    }
    const ping = PROTOCOL_CATALOG.find((r) => r.id === 'ping')!;
    assert.equal(sectionUrl(ping, 'legacy', '2025-06-18'), 'https://modelcontextprotocol.io/specification/2025-06-18/basic/utilities/ping#behavior-requirements');
});

test('the spec schema offers exactly the catalog rules under protocol.rules', () => {
    const schema = JSON.parse(readFileSync(join(ROOT, 'schema/mcp-check.schema.json'), 'utf8')) as { $defs: Record<string, { properties?: object }> };
    assert.deepEqual(Object.keys(schema.$defs.protocolRules!.properties!), PROTOCOL_CATALOG.map((r) => r.id));
});

test('docs/protocol.md lists every rule with its default level, in catalog order', () => {
    const doc = readFileSync(join(ROOT, 'docs/protocol.md'), 'utf8');
    const rows = [...doc.matchAll(/^\| `([a-z-]+)` \| [^|]+ \| (error|warn) \|/gm)].map((m) => [m[1], m[2]]);
    assert.deepEqual(
        rows,
        PROTOCOL_CATALOG.map((r) => [r.id, r.defaultLevel]),
    );
});

test('the README lists every rule with its default level, in catalog order', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const rows = [...readme.matchAll(/^\| `([a-z-]+)` \| (error|warn) \|/gm)].map((m) => [m[1], m[2]]);
    assert.deepEqual(
        rows,
        PROTOCOL_CATALOG.map((r) => [r.id, r.defaultLevel]),
    );
});
