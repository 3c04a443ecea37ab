/** `probe:` in a spec, run against the probe fixture with its two planted bugs and its destructive `wipe`. */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { CaseResult, Problem, RunResult } from '../../src/run/result.js';
import { runSuites } from '../../src/run/runner.js';
import { loadSpecs } from '../../src/load/load.js';
import { ROOT } from '../helpers/cli.js';
import { Workspace, q } from '../helpers/workspace.js';
import { caseNamed, statuses } from './helpers.js';

const PROBE_SERVER = join(ROOT, 'fixtures/probe-server.js');
const CASE = 'probe read-only tools';

let workspace: Workspace;
let n = 0;

before(async () => {
    workspace = await Workspace.create();
});
after(() => workspace.remove());

/** Runs a spec whose one entry has `probe: <probe>`; the fixture logs every `tools/call` to `log`. */
async function runProbe(probe: string, fixtureArgs: string[] = []): Promise<{ result: RunResult; probeCase: CaseResult; log: string }> {
    const id = ++n;
    const log = workspace.path(`calls-${id}.log`);
    const spec = await workspace.write(
        `probe-${id}.yaml`,
        [
            'servers:',
            '  fixture:',
            `    command: ${q(process.execPath)}`,
            `    args: [${[PROBE_SERVER, '--log-file', log, ...fixtureArgs].map(q).join(', ')}]`,
            'tests:',
            '  - server: fixture',
            '    protocol: false',
            '    lint: false',
            `    probe: ${probe}`,
        ].join('\n'),
    );
    const result = await runSuites(await loadSpecs([spec]));
    return { result, probeCase: caseNamed(result, CASE), log };
}

function problemsOf(c: CaseResult): Problem[] {
    assert.equal(c.status, 'failed', JSON.stringify(c));
    return c.status === 'failed' ? c.problems : [];
}

/** The logged `tools/call` lines: `tools/call <tool> <arguments as JSON>`. */
async function calls(log: string): Promise<string[]> {
    return (await readFile(log, 'utf8')).split('\n').filter((l) => l !== '');
}

test('`probe: true` fails on a planted bug, naming the tool, the smallest arguments and the seed', async () => {
    const { result, probeCase } = await runProbe('true');
    const messages = problemsOf(probeCase).map((p) => p.message);
    assert.ok(
        messages.includes('lenient: without required "name": accepted: no JSON-RPC error and no isError result; smallest failing arguments: {} (replay with seed 1)'),
        `${messages.join('\n')}\n${statuses(result)}`,
    );
});

test('with a seed in the spec, both planted bugs are found with their smallest arguments', async () => {
    const { probeCase } = await runProbe('{ seed: 42 }');
    const problems = problemsOf(probeCase);
    assert.deepEqual(
        problems.map((p) => [p.kind, p.message, p.actual]),
        [
            ['contract.probe', 'ratio: valid arguments: answered with JSON-RPC error -32603: division by zero; smallest failing arguments: {"a":0,"b":0} (replay with seed 42)', { a: 0, b: 0 }],
            ['contract.probe', 'lenient: without required "name": accepted: no JSON-RPC error and no isError result; smallest failing arguments: {} (replay with seed 42)', {}],
        ],
    );
});

test('the tool that is not read-only (`wipe`) is never called', async () => {
    const { log } = await runProbe('true');
    const tools = new Set((await calls(log)).map((l) => l.split(' ')[1]));
    assert.equal(tools.has('wipe'), false);
    // The log works: the read-only tools were called through it.
    assert.deepEqual([...tools].sort(), ['echo_number', 'lenient', 'ratio', 'stats']);
});

test('`probe: { tools }` naming a tool the server does not list fails, naming it', async () => {
    const { probeCase } = await runProbe('{ tools: [launch_rockets], seed: 42 }');
    const problem = problemsOf(probeCase).find((p) => p.message.includes('launch_rockets'));
    assert.deepEqual(problem && [problem.kind, problem.message], ['contract.probe', 'probe: tool "launch_rockets" is named in the spec but the server does not list it']);
    assert.equal(problem!.loc?.line, 9, 'located at the `probe` key');
});

test('the same seed gives the same report twice', async () => {
    const first = await runProbe('{ seed: 7 }');
    const second = await runProbe('{ seed: 7 }');
    const outcome = (c: CaseResult) => (c.status === 'failed' ? c.problems : c.status === 'passed' ? c.notes : c.status === 'errored' ? c.error : c.reason);
    assert.equal(second.probeCase.status, first.probeCase.status);
    assert.deepEqual(outcome(second.probeCase), outcome(first.probeCase));
    assert.deepEqual(await calls(second.log), await calls(first.log), 'the same arguments were sent');
});

test('`probe: { acceptCoercion, exclude }`: a coercing server passes, the excluded tool is named and never called', async () => {
    const coerced = await runProbe('{ acceptCoercion: true, seed: 3, runs: 50 }', ['--coercing']);
    assert.equal(coerced.probeCase.status, 'passed', JSON.stringify(coerced.probeCase));
    const strict = await runProbe('{ seed: 3, runs: 50 }', ['--coercing']);
    assert.match(problemsOf(strict.probeCase)[0]?.message ?? '', /^scale: wrong type for "count" \(not integer\): accepted/);

    const { probeCase, log } = await runProbe('{ exclude: [ratio, lenient] }');
    assert.equal(probeCase.status, 'passed', JSON.stringify(probeCase));
    assert.ok(probeCase.status === 'passed' && probeCase.notes?.includes('not probed (excluded): ratio, lenient'), JSON.stringify(probeCase));
    assert.deepEqual((await calls(log)).filter((line) => /^tools\/call (ratio|lenient) /.test(line)), []);
});
