/** The shape every file-writing reporter shares: render the finished run, write it once. */
import { writeOutputFile } from '../output-file.js';
import type { RunResult } from '../run/result.js';
import type { Reporter } from './reporter.js';

export interface FileReporterOptions {
    /** File to write; parent directories are created. */
    outputFile: string;
}

/** Writes `render(result)` to the output file when the run ends. */
export class FileReporter implements Reporter {
    constructor(
        private readonly options: FileReporterOptions,
        private readonly render: (result: RunResult) => string,
    ) {}

    async onRunEnd(result: RunResult): Promise<void> {
        await writeOutputFile(this.options.outputFile, this.render(result));
    }
}
