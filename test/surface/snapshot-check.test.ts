/** The in-spec `snapshot:` check: missing files, CI, --update-snapshots and breaking changes. */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { serializeSurface } from '../../src/surface/file.js';
import { checkSnapshot, isCi } from '../../src/surface/snapshot-check.js';
import { Workspace } from '../helpers/workspace.js';
import { obj, server, surface, tool } from './helpers.js';

const V1 = surface({ notes: server({ tools: { add: tool({ inputSchema: obj({ title: { type: 'string', maxLength: 100 } }) }) } }) });
const BREAKING = surface({ notes: server({ tools: { add: tool({ inputSchema: obj({ title: { type: 'string', maxLength: 10 } }) }) } }) });
const ADDITIVE = surface({ notes: server({ tools: { ...V1.servers.notes!.tools, list: tool() } }) });

describe('checkSnapshot', () => {
    let workspace: Workspace;
    let n = 0;
    /** A fresh path in the workspace, holding V1 unless `stored` is false. */
    async function file(stored = true): Promise<string> {
        const path = workspace.path(`snap-${++n}/notes.json`);
        if (stored) await workspace.write(`snap-${n}/notes.json`, serializeSurface(V1));
        return path;
    }

    before(async () => {
        workspace = await Workspace.create();
    });
    after(() => workspace.remove());

    test('a missing snapshot is written and reported outside CI', async () => {
        const path = await file(false);
        const result = await checkSnapshot(V1, path, { ci: false });
        assert.deepEqual([result.status, result.file], ['passed', 'written']);
        assert.match(result.message, /did not exist and was written/);
        assert.equal(await readFile(path, 'utf8'), serializeSurface(V1));
    });

    test('a missing snapshot fails under CI and is not written', async () => {
        const path = await file(false);
        const result = await checkSnapshot(V1, path, { ci: true });
        assert.deepEqual([result.status, result.file], ['failed', 'missing']);
        assert.match(result.message, /--update-snapshots/);
        assert.equal(existsSync(path), false);
    });

    test('--update-snapshots writes a missing snapshot even under CI', async () => {
        const path = await file(false);
        const result = await checkSnapshot(V1, path, { ci: true, update: true });
        assert.deepEqual([result.status, result.file], ['passed', 'written']);
        assert.equal(existsSync(path), true);
    });

    test('an unchanged surface matches', async () => {
        const result = await checkSnapshot(V1, await file(), { ci: true });
        assert.deepEqual([result.status, result.message.startsWith('matches snapshot'), result.changes], ['passed', true, []]);
    });

    test('a breaking change fails, listing the changes', async () => {
        const path = await file();
        const result = await checkSnapshot(BREAKING, path, { ci: true });
        assert.equal(result.status, 'failed');
        assert.match(result.message, /^1 breaking change against snapshot/);
        assert.deepEqual(
            result.changes.map((c) => [c.pointer, c.level]),
            [['/tools/add/inputSchema/properties/title/maxLength', 'breaking']],
        );
        assert.equal(await readFile(path, 'utf8'), serializeSurface(V1), 'the stored file is left alone');
    });

    test('non-breaking changes pass, and the file is left alone', async () => {
        const path = await file();
        const result = await checkSnapshot(ADDITIVE, path, { ci: true });
        assert.equal(result.status, 'passed');
        assert.match(result.message, /no breaking change .*0 breaking, 1 non-breaking, 0 info/);
        assert.equal(await readFile(path, 'utf8'), serializeSurface(V1));
    });

    test('--update-snapshots rewrites the file and passes, even with breaking changes', async () => {
        const path = await file();
        const result = await checkSnapshot(BREAKING, path, { update: true, ci: true });
        assert.deepEqual([result.status, result.file], ['passed', 'updated']);
        assert.equal(await readFile(path, 'utf8'), serializeSurface(BREAKING));
    });

    test('a file that is not a snapshot errors', async () => {
        const path = await file();
        await writeFile(path, '{"not":"a snapshot"}');
        const result = await checkSnapshot(V1, path, { ci: false });
        assert.deepEqual([result.status, result.file], ['errored', 'unreadable']);
        assert.match(result.message, /not a surface snapshot/);
    });

    test('CI is recognised from CI=true', () => {
        assert.equal(isCi({ CI: 'true' }), true);
        assert.equal(isCi({ CI: 'false' }), false);
        assert.equal(isCi({}), false);
    });
});
