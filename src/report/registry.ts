/**
 * Reporters by the name users pick them with (`--reporter <name>[:<file>]`). Each entry loads
 * its module on demand, so a run pays only for the reporters it asked for.
 */
import type { Reporter } from './reporter.js';

export interface ReporterRequest {
    name: string;
    /** Where to write, for reporters that write files. */
    file?: string;
    color?: boolean;
}

interface ReporterEntry {
    /** Whether `:<file>` is required, optional or not accepted. */
    file: 'required' | 'optional' | 'none';
    description: string;
    load(request: ReporterRequest): Promise<Reporter>;
}

export const REPORTERS: Record<string, ReporterEntry> = {
    console: {
        file: 'none',
        description: 'readable output on stdout (the default)',
        load: async ({ color }) => new (await import('./console.js')).ConsoleReporter({ color }),
    },
    junit: {
        file: 'required',
        description: 'JUnit XML (validates against Jenkins junit-10.xsd)',
        load: async ({ file }) => new (await import('./junit.js')).JUnitReporter({ outputFile: file! }),
    },
    html: {
        file: 'required',
        description: 'a self-contained HTML page (inline CSS and JS; opens offline)',
        load: async ({ file }) => new (await import('./html.js')).HtmlReporter({ outputFile: file! }),
    },
    json: {
        file: 'required',
        description: 'the whole run as JSON (schema/report.schema.json); mcp-check merge-reports reads it',
        load: async ({ file }) => new (await import('./json.js')).JsonReporter({ outputFile: file! }),
    },
    github: {
        file: 'none',
        description: 'GitHub Actions annotations and job summary (added automatically when GITHUB_ACTIONS=true)',
        load: async () => new (await import('./github.js')).GitHubReporter(),
    },
};

/** Parses `name` or `name:file`; returns an error message for an unknown name or a misplaced file. */
export function parseReporterArg(arg: string): ReporterRequest | string {
    const colon = arg.indexOf(':');
    const name = colon === -1 ? arg : arg.slice(0, colon);
    const file = colon === -1 ? undefined : arg.slice(colon + 1);
    const entry = REPORTERS[name];
    if (!entry) return `unknown reporter "${name}" (available: ${Object.keys(REPORTERS).join(', ')})`;
    if (entry.file === 'required' && !file) return `reporter "${name}" needs a file: --reporter ${name}:<file>`;
    if (entry.file === 'none' && file !== undefined) return `reporter "${name}" does not write a file`;
    return { name, ...(file ? { file } : {}) };
}

/** Loads the requested reporters. */
export function loadReporters(requests: readonly ReporterRequest[]): Promise<Reporter[]> {
    return Promise.all(requests.map((r) => REPORTERS[r.name]!.load(r)));
}
