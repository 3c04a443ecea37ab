/** 2026-07-28 caching hints are part of a server's surface: kept in snapshots, and a change of them is info. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { captureSurface } from '../../src/surface/capture.js';
import { diffServerSurfaces } from '../../src/surface/diff-server.js';
import { ROOT } from '../helpers/cli.js';

const CALC = join(ROOT, 'fixtures/calc-server.js');

function calc(protocol: '2026-07-28' | '2025-11-25') {
    return { transport: 'stdio' as const, command: process.execPath, args: [CALC], protocol };
}

test('a 2026-07-28 surface keeps each list\'s ttlMs and cacheScope; a 2025 one has none', async () => {
    const surface = await captureSurface({ modern: calc('2026-07-28'), legacy: calc('2025-11-25') });
    assert.deepEqual(surface.servers.modern?.cache?.tools, { ttlMs: 0, cacheScope: 'private' });
    assert.deepEqual(Object.keys(surface.servers.modern?.cache ?? {}).sort(), ['prompts', 'resourceTemplates', 'resources', 'tools']);
    assert.equal(surface.servers.legacy?.cache, undefined);
});

test('a change of caching hints is reported as info, never as breaking', async () => {
    const surface = await captureSurface({ modern: calc('2026-07-28') });
    const before = surface.servers.modern!;
    const after = { ...before, cache: { ...before.cache, tools: { ttlMs: 60_000, cacheScope: 'public' } } };
    const changes = diffServerSurfaces(before, after).filter((c) => c.pointer.startsWith('/cache'));
    assert.deepEqual(
        changes.map((c) => [c.pointer, c.level]),
        [
            ['/cache/tools/cacheScope', 'info'],
            ['/cache/tools/ttlMs', 'info'],
        ],
    );
});
