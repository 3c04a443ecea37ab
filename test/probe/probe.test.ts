import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { UniversalMCPClient } from '../../src/connect/client.js';
import { probeCaseName, probeProblems } from '../../src/probe/cases.js';
import { probeServer } from '../../src/probe/probe.js';
import type { ProbeCheck, ProbeReport, ToolProbe } from '../../src/probe/types.js';
import { ROOT } from '../helpers/cli.js';
import { FAULTY } from '../helpers/servers.js';
import { Workspace } from '../helpers/workspace.js';

const PROBE_FIXTURE = join(ROOT, 'fixtures/probe-server.js');

/** A client with the probe fixture registered as `fx`, logging its calls to `log`. */
function fixtureClient(log: string): UniversalMCPClient {
    const mcp = new UniversalMCPClient();
    mcp.addServer('fx', { transport: 'stdio', command: process.execPath, args: [PROBE_FIXTURE, '--log-file', log], timeoutMs: 10_000 });
    return mcp;
}

function tool(report: ProbeReport, name: string): ToolProbe {
    const found = report.tools.find((t) => t.tool === name);
    assert.ok(found, `${name} was not probed; probed: ${report.tools.map((t) => t.tool).join(', ')}`);
    return found;
}

function check(probe: ToolProbe, name: string): ProbeCheck {
    const found = probe.checks.find((c) => c.name === name);
    assert.ok(found, `${probe.tool} has no check "${name}"; it has ${probe.checks.map((c) => c.name).join(', ')}`);
    return found;
}

async function callsIn(log: string): Promise<string[]> {
    return (await readFile(log, 'utf8').catch(() => '')).split('\n').filter(Boolean);
}

describe('probeServer against the probe fixture', () => {
    let workspace: Workspace;
    let report: ProbeReport;
    let wipeCallsAfter: unknown;
    let log: string;
    const seen: string[] = [];

    before(async () => {
        workspace = await Workspace.create();
        log = workspace.path('calls.log');
        await using mcp = fixtureClient(log);
        report = await probeServer(mcp, 'fx', { seed: 42, runs: 50, onTool: (t) => seen.push(t.tool) });
        wipeCallsAfter = (await mcp.callTool('fx', 'stats', {})).structuredContent;
    });

    after(() => workspace.remove());

    it('probes the read-only tools in listing order and skips the others, saying why', () => {
        assert.deepEqual(report.tools.map((t) => t.tool), ['echo_number', 'ratio', 'lenient', 'stats']);
        assert.deepEqual(seen, ['echo_number', 'ratio', 'lenient', 'stats']);
        assert.deepEqual(report.skipped, [{ tool: 'wipe', reason: 'not marked readOnlyHint: true (calls might have side effects)' }]);
        assert.equal(report.seed, 42);
        assert.equal(report.status, 'failed');
    });

    it('never calls a tool that is not read-only', async () => {
        assert.deepEqual(wipeCallsAfter, { wipeCalls: 0 });
        const calls = await callsIn(log);
        assert.ok(calls.length > 100, `only ${calls.length} calls`);
        assert.equal(calls.filter((line) => line.startsWith('tools/call wipe ')).length, 0);
    });

    it('passes a correct tool: valid arguments accepted, every invalid variant rejected', () => {
        const echo = tool(report, 'echo_number');
        assert.equal(echo.status, 'passed');
        assert.deepEqual(
            echo.checks.map((c) => [c.name, c.status]),
            [
                ['valid arguments', 'passed'],
                ['without required "n"', 'passed'],
                ['wrong type for "n" (not integer)', 'passed'],
            ],
        );
        assert.equal(check(echo, 'valid arguments').runs, 50);
    });

    it('finds the planted b = 0 bug with the smallest arguments and the seed to replay', () => {
        const ratio = tool(report, 'ratio');
        assert.equal(ratio.status, 'failed');
        const valid = check(ratio, 'valid arguments');
        assert.equal(valid.status, 'failed');
        assert.deepEqual(valid.failure?.counterexample, { a: 0, b: 0 });
        assert.equal(valid.failure?.message, 'answered with JSON-RPC error -32603: division by zero');
        assert.equal(valid.failure?.seed, 42);
        assert.equal(typeof valid.failure?.path, 'string');
        // Its invalid variants are rejected properly: only the planted bug is reported.
        assert.deepEqual(ratio.checks.filter((c) => c.status !== 'passed').map((c) => c.name), ['valid arguments']);
    });

    it('finds the planted missing-property bug with {} as the smallest arguments', () => {
        const lenient = tool(report, 'lenient');
        assert.equal(lenient.status, 'failed');
        const missing = check(lenient, 'without required "name"');
        assert.equal(missing.status, 'failed');
        assert.deepEqual(missing.failure?.counterexample, {});
        assert.equal(missing.failure?.message, 'accepted: no JSON-RPC error and no isError result');
        assert.equal(missing.failure?.actual, 'hello, stranger');
        // A wrong type is rejected (-32602), so that variant passes.
        assert.equal(check(lenient, 'wrong type for "name" (not string)').status, 'passed');
        assert.equal(check(lenient, 'valid arguments').status, 'passed');
    });

    it('maps each tool to a test case with one problem per failed check', () => {
        assert.equal(probeCaseName('ratio'), 'probe: ratio');
        assert.deepEqual(probeProblems(tool(report, 'echo_number')), []);
        const [problem, ...rest] = probeProblems(tool(report, 'lenient'));
        assert.equal(rest.length, 0);
        assert.equal(problem?.status, 'failed');
        assert.match(problem?.message ?? '', /^without required "name": accepted: .*; smallest failing arguments: \{\} \(replay with seed 42\)$/);
        assert.deepEqual(problem?.actual, {});
    });
});

describe('probeServer is deterministic', () => {
    let workspace: Workspace;

    before(async () => {
        workspace = await Workspace.create();
    });

    after(() => workspace.remove());

    async function probeOnce(name: string, seed: number, only?: string[]): Promise<{ report: ProbeReport; calls: string[] }> {
        const log = workspace.path(name);
        await using mcp = fixtureClient(log);
        const report = await probeServer(mcp, 'fx', { seed, runs: 20, ...(only ? { only } : {}) });
        return { report, calls: await callsIn(log) };
    }

    /** The report without timings. */
    function stable(report: unknown): unknown {
        return JSON.parse(JSON.stringify(report, (key, value) => (key === 'durationMs' ? undefined : value)));
    }

    it('sends the same arguments and reports the same results for the same seed', async () => {
        const first = await probeOnce('a.log', 7);
        const second = await probeOnce('b.log', 7);
        assert.deepEqual(second.calls, first.calls);
        assert.deepEqual(stable(second.report), stable(first.report));
        const other = await probeOnce('c.log', 8);
        assert.notDeepEqual(other.calls, first.calls);
    });

    it('replays one tool’s arguments exactly when only that tool is probed', async () => {
        const all = await probeOnce('all.log', 7);
        const one = await probeOnce('one.log', 7, ['ratio']);
        assert.deepEqual(one.report.tools.map((t) => t.tool), ['ratio']);
        assert.deepEqual(one.calls, all.calls.filter((line) => line.startsWith('tools/call ratio ')));
        assert.deepEqual(stable(one.report.tools[0]), stable(tool(all.report, 'ratio')));
    });
});

describe('probeServer options', () => {
    let workspace: Workspace;

    before(async () => {
        workspace = await Workspace.create();
    });

    after(() => workspace.remove());

    it('probes a tool that is not read-only only when it is listed explicitly', async () => {
        const log = workspace.path('optin.log');
        await using mcp = fixtureClient(log);
        const report = await probeServer(mcp, 'fx', { seed: 1, runs: 3, tools: ['wipe', 'nope'], only: ['wipe', 'stats'] });
        assert.deepEqual(report.tools.map((t) => [t.tool, t.selectedBy, t.status]), [
            ['wipe', 'listed', 'passed'],
            ['stats', 'readOnlyHint', 'passed'],
        ]);
        assert.deepEqual(report.skipped, []);
        assert.deepEqual(report.notListed, ['nope']);
        assert.ok((await callsIn(log)).some((line) => line.startsWith('tools/call wipe ')));
    });

    it('rejects runs that are not positive integers', async () => {
        await using mcp = fixtureClient(workspace.path('unused.log'));
        await assert.rejects(probeServer(mcp, 'fx', { runs: 0 }), /runs must be a positive integer/);
    });
});

describe('probeServer when calls cannot be judged', () => {
    it('reports a timeout as errored with the arguments and goes on with the next tool', async () => {
        await using mcp = new UniversalMCPClient();
        mcp.addServer('faulty', { transport: 'stdio', command: process.execPath, args: [FAULTY, '--mode', 'hang-on-call'] });
        const report = await probeServer(mcp, 'faulty', { seed: 1, runs: 2, timeoutMs: 300, tools: ['hang', 'ok'] });
        assert.deepEqual(report.tools.map((t) => [t.tool, t.status]), [
            ['ok', 'passed'],
            ['hang', 'errored'],
        ]);
        const [hang] = report.tools.filter((t) => t.tool === 'hang');
        assert.match(hang?.checks[0]?.reason ?? '', /^no answer within 300 ms \(arguments: \{\}\)$/);
    });

    it('stops at a server that died and reports the tools after it as not probed', async () => {
        await using mcp = new UniversalMCPClient();
        mcp.addServer('faulty', { transport: 'stdio', command: process.execPath, args: [FAULTY, '--mode', 'crash-on-call'] });
        const report = await probeServer(mcp, 'faulty', { seed: 1, runs: 2, tools: ['crash', 'hang'] });
        assert.deepEqual(report.tools.map((t) => [t.tool, t.status]), [
            ['crash', 'errored'],
            ['hang', 'errored'],
        ]);
        assert.match(report.tools[0]?.checks[0]?.reason ?? '', /the server is gone: server exited \(exit code 7\)/);
        assert.match(report.tools[1]?.reason ?? '', /^not probed: the server is gone/);
        assert.equal(report.status, 'errored');
    });
});
