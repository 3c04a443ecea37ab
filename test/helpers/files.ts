/** Temporary spec files and report paths for tests. */
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A fresh temporary directory. */
export async function tempDir(): Promise<string> {
    return mkdtemp(join(tmpdir(), 'mcp-check-test-'));
}

/** Writes `content` to `<fresh dir>/<name>` and returns the path. */
export async function writeTemp(content: string, name = 'spec.yaml'): Promise<string> {
    const file = join(await tempDir(), name);
    await writeFile(file, content);
    return file;
}
