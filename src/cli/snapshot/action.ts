/** `mcp-check snapshot`: capture a spec's servers and write the canonical surface JSON. */
import { ExitCode } from '../../errors.js';
import { serializeSurface, writeSurfaceFile } from '../../surface/file.js';
import { loadSide } from '../../surface/source.js';
import type { Surface } from '../../surface/types.js';
import type { SnapshotCliOptions } from './command.js';
import { isServerError } from '../surface-errors.js';

/** Writes the snapshot and returns the exit code; spec and usage errors are thrown (exit 2 upstream). */
export async function snapshotCommand(options: SnapshotCliOptions): Promise<number> {
    let surface: Surface;
    try {
        ({ surface } = await loadSide(options.spec, { server: options.server, timeoutMs: options.timeoutMs }));
    } catch (error) {
        if (!isServerError(error)) throw error;
        process.stderr.write(`mcp-check: ${error.message}\n`);
        return ExitCode.failed;
    }
    if (!options.output) {
        process.stdout.write(serializeSurface(surface));
        return ExitCode.passed;
    }
    await writeSurfaceFile(options.output, surface);
    process.stderr.write(`mcp-check: wrote ${options.output}: ${summarize(surface)}\n`);
    return ExitCode.passed;
}

/** `notes (notes-fixture 1.0.0): 6 tools, 3 resources, 1 resource template, 2 prompts`, per server. */
function summarize(surface: Surface): string {
    const count = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;
    return Object.entries(surface.servers)
        .map(([name, s]) => {
            const parts = [
                count(Object.keys(s.tools).length, 'tool'),
                count(Object.keys(s.resources).length, 'resource'),
                count(Object.keys(s.resourceTemplates).length, 'resource template'),
                count(Object.keys(s.prompts).length, 'prompt'),
            ];
            return `${name} (${s.server.name} ${s.server.version}): ${parts.join(', ')}`;
        })
        .join('; ');
}
