/** The canonical surface: only contract fields, sorted keys, the same bytes for the same server. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { surfaceFromListings, toSurface, type RawListings } from '../../src/surface/capture.js';
import { parseSurface, serializeSurface } from '../../src/surface/file.js';

function listings(order: 'forward' | 'reverse' = 'forward'): RawListings {
    const tools = [
        {
            name: 'b_tool',
            description: 'B.',
            inputSchema: { type: 'object', properties: { y: { type: 'string' }, x: { type: 'number' } } },
            _meta: { requestId: 42 },
            icons: [{ src: 'https://example.com/b.png' }],
        },
        { name: 'a_tool', title: 'A', inputSchema: { type: 'object' }, annotations: { readOnlyHint: true }, outputSchema: { type: 'object' } },
    ];
    const resources = [{ uri: 'r://one', name: 'one', mimeType: 'text/plain', size: 1234, annotations: { lastModified: '2025-01-01T00:00:00Z', priority: 1 } }];
    const prompts = [{ name: 'p', arguments: [{ name: 'style', required: true }, { name: 'length' }] }];
    const flip = <T>(items: T[]) => (order === 'forward' ? items : [...items].reverse());
    return {
        info: { name: 'fixture', version: '1.0.0', capabilities: { tools: {}, resources: {}, prompts: {} }, instructions: 'Hi.' },
        tools: flip(tools),
        resources,
        resourceTemplates: [{ uriTemplate: 'r://{id}', name: 'by id' }],
        prompts,
    };
}

test('only the contract fields are kept: no _meta, icons, size or lastModified', () => {
    const s = surfaceFromListings(listings());
    assert.deepEqual(s.tools.b_tool, { description: 'B.', inputSchema: { properties: { x: { type: 'number' }, y: { type: 'string' } }, type: 'object' } });
    assert.deepEqual(s.resources['r://one'], { annotations: { priority: 1 }, mimeType: 'text/plain', name: 'one' });
    assert.deepEqual(s.prompts.p, { arguments: { length: { required: false }, style: { required: true } } });
    assert.deepEqual(s.server, { instructions: 'Hi.', name: 'fixture', version: '1.0.0' });
});

test('the same server listed in another order gives the same bytes', () => {
    const a = serializeSurface(toSurface({ s: surfaceFromListings(listings('forward')) }));
    const b = serializeSurface(toSurface({ s: surfaceFromListings(listings('reverse')) }));
    assert.equal(a, b);
    assert.ok(a.endsWith('}\n'));
});

test('keys are sorted at every depth', () => {
    const text = serializeSurface(toSurface({ s: surfaceFromListings(listings()) }));
    assert.ok(text.indexOf('"a_tool"') < text.indexOf('"b_tool"'));
    assert.ok(text.indexOf('"x"') < text.indexOf('"y"'));
    assert.ok(text.indexOf('"format"') < text.indexOf('"servers"'));
});

test('a written snapshot reads back to the same surface', () => {
    const original = toSurface({ s: surfaceFromListings(listings()) });
    assert.deepEqual(parseSurface(JSON.parse(serializeSurface(original)), 'x.json'), original);
});

test('a file without the format marker is refused', () => {
    assert.throws(() => parseSurface({ servers: {} }, 'x.json'), /x\.json: not a surface snapshot/);
    assert.throws(() => parseSurface({ format: 'mcp-check/surface@9', servers: {} }, 'x.json'), /unsupported snapshot format/);
    assert.throws(() => parseSurface({ format: 'mcp-check/surface@1', servers: { a: { tools: {} } } }, 'x.json'), /servers\.a needs "server"/);
});
