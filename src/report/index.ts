/** The reporter registry. */
import { ConsoleReporter } from './console.js';
import { JUnitReporter } from './junit.js';

export type { Reporter } from './reporter.js';
export { ConsoleReporter, type ConsoleReporterOptions } from './console.js';
export { JUnitReporter, renderJUnit, type JUnitReporterOptions } from './junit.js';
export { prepareForReport } from './prepare.js';
export { ReportDispatcher } from './dispatch.js';

/** Reporters by the name users pick them with. */
export const reporters = {
    console: ConsoleReporter,
    junit: JUnitReporter,
} as const;

