/**
 * JUnit XML through junit-report-builder, shaped for the strict Jenkins schema (junit-10.xsd):
 * a `<testsuite>` per spec file × server, a `<testcase>` per check named exactly as the spec
 * names it, `<failure>` when an assertion did not hold, `<error>` when the check could not
 * run, `<skipped/>` (with its reason in `<system-out>`), and the server's stderr in `<system-err>`.
 *
 *   <testsuite name="specs/weather.yaml › weather" tests="3" failures="1" errors="0" skipped="0" …>
 *     <properties><property name="server.transport" value="stdio"/>…</properties>
 *     <testcase classname="weather.get_alerts" name="alerts for California" time="0.012">
 *       <failure message="expected text to contain &quot;Heat Advisory&quot;" type="assert.text"><![CDATA[…]]></failure>
 *     </testcase>
 *   </testsuite>
 */
import junitModule, { type Builder, type TestCase, type TestSuite } from 'junit-report-builder';
import type { CaseResult, RunResult, SuiteResult } from '../run/result.js';
import { describeAuth, problemLines, problemsOf } from './describe.js';
import { FileReporter, type FileReporterOptions } from './file-reporter.js';
import { xmlSafeText } from './safe-text.js';

// The package is CommonJS with its builder on `default`; NodeNext sees the module object.
const junitBuilder = ((junitModule as unknown as { default?: Builder }).default ?? junitModule) as Builder;

export type JUnitReporterOptions = FileReporterOptions;

/** Writes the report to `outputFile` when the run ends. */
export class JUnitReporter extends FileReporter {
    constructor(options: JUnitReporterOptions) {
        super(options, (result) => renderJUnit(result));
    }
}

/** Renders the whole run as a JUnit XML document. */
export function renderJUnit(result: RunResult): string {
    const builder = junitBuilder.newBuilder().name('mcp-check');
    for (const suite of result.suites) addSuite(builder.testSuite(), suite);
    return fitStrictSchema(builder.build());
}

/**
 * junit-report-builder puts a `skipped` count on `<testsuites>`, which the strict Jenkins
 * schema rejects there (it allows it on `<testsuite>` only). The per-suite counts stay.
 */
function fitStrictSchema(xml: string): string {
    return xml.replace(/^(<testsuites\b[^>]*?) skipped="\d+"/m, '$1');
}

function addSuite(ts: TestSuite, suite: SuiteResult): void {
    ts.name(xmlSafeText(`${suite.file} › ${suite.server}`))
        .timestamp(suite.startedAt)
        .time(secondsNumber(suite.durationMs))
        .property('spec.name', xmlSafeText(suite.name))
        .property('server.transport', suite.transport)
        .property('server.target', xmlSafeText(suite.target));
    if (suite.serverInfo) {
        ts.property('server.name', xmlSafeText(suite.serverInfo.name))
            .property('server.version', xmlSafeText(suite.serverInfo.version))
            .property('server.protocolVersion', xmlSafeText(suite.serverInfo.protocolVersion));
    }
    if (suite.auth) ts.property('server.auth', xmlSafeText(describeAuth(suite.auth)));
    for (const [i, note] of suite.diagnostics.entries()) ts.property(`diagnostic.${i + 1}`, xmlSafeText(note));
    // The stderr tail goes where a reader looks first: the first case that did not pass.
    const stderrCase = suite.cases.find((c) => c.status === 'failed' || c.status === 'errored') ?? suite.cases[0];
    for (const result of suite.cases) {
        const tc = ts.testCase();
        addCase(tc, result);
        if (result === stderrCase && suite.stderr) tc.standardError(xmlSafeText(suite.stderr));
    }
}

function addCase(tc: TestCase, result: CaseResult): void {
    tc.className(xmlSafeText(result.classname)).name(xmlSafeText(result.name)).time(secondsNumber(result.durationMs));
    const problems = problemsOf(result);
    const body = xmlSafeText(problems.flatMap((p) => problemLines(p, result.loc)).join('\n'));
    const first = problems[0];
    if (result.status === 'failed' && first) {
        tc.failure(xmlSafeText(headline(problems.map((p) => p.message))), first.kind).stacktrace(body);
    } else if (result.status === 'errored' && first) {
        tc.error(xmlSafeText(headline([first.message])), first.kind, body);
    } else if (result.status === 'skipped') {
        tc.skipped().standardOutput(xmlSafeText(`skipped: ${result.reason}`));
    }
    const notes = [
        ...(result.attempts ? [`attempts: ${result.attempts}`] : []),
        ...(result.status === 'passed' ? (result.warnings ?? []).map((w) => `warning: ${w}`) : []),
        ...(result.status === 'passed' ? (result.notes ?? []) : []),
    ];
    if (notes.length) tc.standardOutput(xmlSafeText(notes.join('\n')));
}

/** A one-line message attribute: the first line of each problem, joined. */
function headline(messages: string[]): string {
    const line = messages.map((m) => m.replace(/\s*\n\s*/g, ' | ')).join('; ');
    return line.length > 500 ? `${line.slice(0, 500)}…` : line;
}

/** JUnit's schema wants plain decimals with at most three places (no exponent). */
function secondsNumber(ms: number): number {
    return Number((ms / 1000).toFixed(3));
}
