/** A temporary directory for one test file's specs and reports, removed afterwards. */
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { tempDir } from './files.js';

export class Workspace {
    private constructor(readonly dir: string) {}

    static async create(): Promise<Workspace> {
        return new Workspace(await tempDir());
    }

    /** Absolute path of `name` inside the workspace. */
    path(name: string): string {
        return join(this.dir, name);
    }

    /** Writes `text` to `name` (creating folders) and returns its absolute path. */
    async write(name: string, text: string): Promise<string> {
        const file = this.path(name);
        await mkdir(dirname(file), { recursive: true });
        await writeFile(file, text);
        return file;
    }

    read(name: string): Promise<string> {
        return readFile(this.path(name), 'utf8');
    }

    remove(): Promise<void> {
        return rm(this.dir, { recursive: true, force: true });
    }
}

/** Quotes a value for a YAML spec (JSON strings are valid YAML flow scalars). */
export function q(value: string): string {
    return JSON.stringify(value);
}
