/** `mcp-check diff`: load both sides, diff them, render, and decide the exit code. */
import { writeOutputFile } from '../../output-file.js';
import { orderClients } from '../../assert/lint/portability/clients.js';
import { ExitCode } from '../../errors.js';
import { shouldColor } from '../../report/console.js';
import { diffSurfaces } from '../../surface/diff.js';
import { renderConsole } from '../../surface/render-console.js';
import { renderMarkdown } from '../../surface/render-markdown.js';
import { buildDiffReport, renderJson, type DiffReport } from '../../surface/report.js';
import { loadSide, type LoadedSide } from '../../surface/source.js';
import type { DiffCliOptions } from './command.js';
import { isServerError } from '../surface-errors.js';

/** Runs the diff and returns the exit code. A side that cannot be read or reached is exit 2. */
export async function diffCommand(options: DiffCliOptions): Promise<number> {
    const sourceOptions = { server: options.server, timeoutMs: options.timeoutMs };
    // Both sides load together; settled, so a failing side never leaves the other's servers running.
    const results = await Promise.allSettled([loadSide(options.old, sourceOptions), loadSide(options.new, sourceOptions)]);
    const failure = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
    if (failure) {
        if (!isServerError(failure.reason)) throw failure.reason;
        process.stderr.write(`mcp-check: ${failure.reason.message}\n`);
        return ExitCode.invalidInput;
    }
    const [before, after] = results.map((r) => (r as PromiseFulfilledResult<LoadedSide>).value) as [LoadedSide, LoadedSide];
    // The clients the tools must load in: --clients, else those the spec sides name.
    const clients = options.clients ?? orderClients([...before.clients, ...after.clients]);
    const report = buildDiffReport({ old: before.label, new: after.label }, diffSurfaces(before.surface, after.surface, { clients }), {
        failOn: options.failOn,
        semver: options.semver,
    });
    const color = options.color ?? shouldColor(process.stdout);
    if (options.output) {
        await writeOutputFile(options.output, render(report, options.format, false));
        process.stdout.write(renderConsole(report, color));
    } else {
        process.stdout.write(render(report, options.format, color));
    }
    return report.failed ? ExitCode.failed : ExitCode.passed;
}

function render(report: DiffReport, format: DiffCliOptions['format'], color: boolean): string {
    if (format === 'json') return renderJson(report);
    if (format === 'markdown') return renderMarkdown(report);
    return renderConsole(report, color);
}
