/**
 * Writing a file that mcp-check produces (a report, a snapshot, a spec), folders included.
 * Node's recursive `mkdir` never returns for some paths (under `/proc` on Node 20) and says
 * `EEXIST` when a file stands where a folder should be; each folder is made here one at a
 * time instead, and a path that cannot hold a file fails at once, saying why.
 */
import { mkdir, stat, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';

/** Creates the folders above `file` that are missing, then writes `data` to it (`wx`: only if it is new). */
export async function writeOutputFile(file: string, data: string, flag: 'w' | 'wx' = 'w'): Promise<void> {
    await makeFolders(dirname(resolve(file)), file);
    await writeFile(file, data, { flag });
}

async function makeFolders(folder: string, file: string): Promise<void> {
    const missing: string[] = [];
    for (let at = folder; ; at = dirname(at)) {
        const kind = await stat(at).then(
            (s) => (s.isDirectory() ? 'folder' : 'other'),
            (error: NodeJS.ErrnoException) => (error.code === 'ENOENT' ? 'missing' : error),
        );
        if (kind === 'folder') break;
        if (kind === 'other') throw new Error(`cannot write ${file}: ${at} is a file, not a folder`);
        if (kind !== 'missing') throw new Error(`cannot write ${file}: ${kind.message}`);
        if (dirname(at) === at) break;
        missing.unshift(at);
    }
    for (const at of missing) {
        try {
            await mkdir(at);
        } catch (error) {
            const code = (error as NodeJS.ErrnoException).code;
            if (code === 'EEXIST' && (await stat(at).then((s) => s.isDirectory(), () => false))) continue;
            throw new Error(`cannot write ${file}: cannot create the folder ${at} (${code ?? (error as Error).message})`);
        }
    }
}
