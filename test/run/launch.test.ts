/** Which servers the CLI starts before the runner has loaded. */
import { it } from 'node:test';
import assert from 'node:assert/strict';
import { launchServers } from '../../src/run/launch.js';
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
        assert.deepEqual([...launched.keys()], ['a']);
        assert.equal(await launched.get('a')!.started, undefined);
    } finally {
        await Promise.all([...launched.values()].map((proc) => proc.stop()));
    }
});

it('a server that cannot even be spawned is left to its connection, which reports it', () => {
    const spec = ['servers:', '  s: { command: node, args: ["a\\0b"] }', 'tests:', '  - server: s', '    calls: [{ tool: echo, args: { text: a } }]'].join('\n');
    const launched = launchServers(planRun([parseSpec(spec, 'nul.yaml', {})]));
    assert.equal(launched.size, 0);
});
