/** Reporters for programmatic use. The CLI picks them by name through `registry.ts`. */
export type { Reporter } from './reporter.js';
export { ConsoleReporter, type ConsoleReporterOptions } from './console.js';
export { JUnitReporter, renderJUnit, type JUnitReporterOptions } from './junit.js';
export { JsonReporter, renderJsonReport } from './json.js';
export { readReport } from './read-report.js';
export { GitHubReporter } from './github.js';
export { HtmlReporter, renderHtml } from './html.js';
export { prepareForReport } from './prepare.js';
export { ReportDispatcher } from './dispatch.js';
export { REPORTERS } from './registry.js';
