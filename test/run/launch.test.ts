/** Which servers the CLI starts before the runner has loaded. */
import { it } from 'node:test';
import assert from 'node:assert/strict';
import { launchedProcesses, launchServers } from '../../src/run/launch.js';
import { planRun } from '../../src/run/plan.js';
import { selectCases } from '../../src/run/select.js';
import { parseSpec } from '../../src/load/load.js';
import { WEATHER } from '../helpers/servers.js';

const SPEC = `
servers:
  a: { command: node, args: [${JSON.stringify(WEATHER)}] }
  b: { command: node, args: [${JSON.stringify(WEATHER)}] }
  remote: { url: "http://127.0.0.1:1/mcp" }
tests:
  - server: a
    calls: [{ name: echo a, tool: echo, args: { text: a } }]
  - server: b
    calls: [{ name: echo b, tool: echo, args: { text: b } }]
  - server: remote
    calls: [{ name: echo remote, tool: echo, args: { text: r } }]
`;

it('starts every stdio server with a selected check, and no other', async () => {
    const plan = selectCases(planRun([parseSpec(SPEC, 'launch.yaml', {})]), { grep: /echo a/ });
    const launched = launchServers(plan);
    try {
        assert.deepEqual([...launched.servers.keys()], ['a']);
        assert.equal(await launched.servers.get('a')!.started, undefined);
        assert.deepEqual([...launched.secondCopies.keys()], [], 'no protocol rule was selected');
    } finally {
        await Promise.all(launchedProcesses(launched).map((proc) => proc.stop()));
    }
});

it('starts a second copy of a stdio server whose protocol rules are judged on one, and none with protocol: false', async () => {
    const spec = SPEC.replace('  - server: b\n', '  - server: b\n    protocol: false\n');
    const launched = launchServers(planRun([parseSpec(spec, 'copies.yaml', {})]));
    try {
        assert.deepEqual([...launched.servers.keys()], ['a', 'b']);
        assert.deepEqual([...launched.secondCopies.keys()], ['a']);
        assert.notEqual(launched.secondCopies.get('a')!.pid, launched.servers.get('a')!.pid);
    } finally {
        await Promise.all(launchedProcesses(launched).map((proc) => proc.stop()));
    }
});

it('a server that cannot even be spawned is left to its connection, which reports it', () => {
    const spec = ['servers:', '  s: { command: node, args: ["a\\0b"] }', 'tests:', '  - server: s', '    calls: [{ tool: echo, args: { text: a } }]'].join('\n');
    const launched = launchServers(planRun([parseSpec(spec, 'nul.yaml', {})]));
    assert.equal(launched.servers.size, 0);
});
