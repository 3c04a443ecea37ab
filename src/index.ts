/** The programmatic API: load specs, run them, report, or use the connector on its own. */
export { UniversalMCPClient, type CallOptions, type ListedTool, type ServerNotice, type ServerStatus } from './connect/client.js';
export type { AskAnswerer, ClientRoot, ServerAsk } from './connect/server-requests.js';
export type { NamedServerEntry, ServerEntry, ServerInput } from './connect/server-config.js';
export type { ServerConfig, StdioServerConfig, HttpServerConfig, StartCommand, ServerInfo, TransportKind } from './connect/types.js';
export { loadSpec, loadSpecs } from './load/load.js';
export { loadServerConfigFile } from './load/import.js';
export type { Suite, TestSpec, CallSpec, Expectations, Matcher } from './load/types.js';
export { runSuite, runSuites, type RunOptions, type RunListener } from './run/runner.js';
export type { RunResult, SuiteResult, CaseResult, CaseStatus, Problem, ProblemKind, Totals } from './run/result.js';
export type { LintFinding } from './assert/lint/types.js';
export type { ClientId, BlastRadius } from './assert/lint/portability/clients.js';
export type { PortabilityMatrix, PortabilityRow } from './assert/lint/portability/index.js';
export {
    ConsoleReporter,
    JUnitReporter,
    JsonReporter,
    GitHubReporter,
    HtmlReporter,
    renderJUnit,
    renderJsonReport,
    renderHtml,
    readReport,
    REPORTERS,
    prepareForReport,
    type Reporter,
} from './report/index.js';
export { SpecError, SpecErrors, UsageError, ConnectError, ServerGoneError, InvalidResultError, ExitCode, type SourceLocation } from './errors.js';
