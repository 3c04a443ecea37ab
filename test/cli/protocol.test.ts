/** `protocol:` and `--protocol` as a user meets them: one spec, servers of both eras, every report naming the revision. */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { ROOT, runCli, type CliRun } from '../helpers/cli.js';
import { parseJUnit, type JUnitDocument } from '../helpers/junit-xml.js';
import { WEATHER } from '../helpers/servers.js';
import { Workspace, q } from '../helpers/workspace.js';

const CALC = join(ROOT, 'fixtures/calc-server.js');

const BOTH_ERAS = [
    'name: both eras',
    'servers:',
    '  dual:',
    `    command: ${q(process.execPath)}`,
    `    args: [${q(CALC)}]`,
    '    protocol: [2026-07-28, 2025-11-25]',
    '  modern:',
    `    command: ${q(process.execPath)}`,
    `    args: [${q(CALC)}, --modern-only]`,
    '  legacy:',
    `    command: ${q(process.execPath)}`,
    `    args: [${q(WEATHER)}]`,
    'tests:',
    '  - server: dual',
    '    protocol: false',
    '    lint: false',
    '    calls:',
    '      - name: add',
    '        tool: add',
    '        args: { a: 2, b: 3 }',
    '        expect: { structuredContent: { sum: 5 } }',
    '      - name: reset with an answer',
    '        tool: reset',
    '        args: { memory: m1 }',
    '        inputs:',
    '          confirm: { action: accept, content: { confirm: true } }',
    '        expect: { text: cleared m1 }',
    '  - server: modern',
    '    protocol: false',
    '    lint: false',
    '    calls:',
    '      - { name: divide, tool: divide, args: { a: 6, b: 3 }, expect: { text: "2" } }',
    '  - server: legacy',
    '    protocol: false',
    '    lint: false',
    '    calls:',
    '      - { name: echo, tool: echo, args: { text: hi }, expect: { text: hi } }',
].join('\n');

describe('one spec, three kinds of server, both eras', () => {
    let workspace: Workspace;
    let run: CliRun;
    let junit: JUnitDocument;
    let json: { suites: { server: string; serverInfo?: { protocolVersion: string } }[]; matrices: { servers: string[] }[] };

    before(async () => {
        workspace = await Workspace.create();
        const spec = await workspace.write('both.yaml', BOTH_ERAS);
        run = await runCli([spec, '--reporter', 'console', '--junit', workspace.path('out.xml'), '--reporter', `json:${workspace.path('out.json')}`, '--reporter', `html:${workspace.path('out.html')}`]);
        junit = parseJUnit(await workspace.read('out.xml'));
        json = JSON.parse(await workspace.read('out.json'));
    });

    after(() => workspace.remove());

    it('passes, each server in the revision it speaks', () => {
        assert.equal(run.code, 0, run.stdout + run.stderr);
        assert.match(run.stdout, /› modern \(stdio: .*, protocol 2026-07-28\)/);
        assert.match(run.stdout, /› legacy \(stdio: .*, protocol 2025-11-25\)/);
    });

    it('a list of revisions runs every check once per revision, named server@revision', () => {
        assert.match(run.stdout, /› dual@2026-07-28 \(stdio: .*, protocol 2026-07-28\)/);
        assert.match(run.stdout, /› dual@2025-11-25 \(stdio: .*, protocol 2025-11-25\)/);
    });

    it('the consistency matrix has one column per revision', () => {
        assert.match(run.stdout, /Consistency across dual@2026-07-28, dual@2025-11-25/);
        assert.deepEqual(json.matrices[0]?.servers, ['dual@2026-07-28', 'dual@2025-11-25']);
    });

    it('JUnit names the revision in classnames and properties', () => {
        const classnames = junit.suites.flatMap((s) => s.cases.map((c) => c.attrs.classname));
        assert.ok(classnames.includes('dual@2026-07-28.add'), classnames.join(' '));
        assert.ok(classnames.includes('dual@2025-11-25.reset'), classnames.join(' '));
        const versions = Object.fromEntries(junit.suites.map((s) => [s.properties['server.name'] + ' ' + s.attrs.name, s.properties['server.protocolVersion']]));
        assert.deepEqual(Object.values(versions).sort(), ['2025-11-25', '2025-11-25', '2026-07-28', '2026-07-28']);
    });

    it('the JSON report carries the revision of every server', () => {
        const spoken = Object.fromEntries(json.suites.map((s) => [s.server, s.serverInfo?.protocolVersion]));
        assert.deepEqual(spoken, { 'dual@2026-07-28': '2026-07-28', 'dual@2025-11-25': '2025-11-25', modern: '2026-07-28', legacy: '2025-11-25' });
    });

    it('the HTML report shows the revision', async () => {
        const html = await workspace.read('out.html');
        assert.match(html, /2026-07-28/);
        assert.match(html, /dual@2025-11-25/);
    });
});

describe('--protocol and protocol: as a user sets them', () => {
    let workspace: Workspace;

    before(async () => {
        workspace = await Workspace.create();
    });

    after(() => workspace.remove());

    const dualSpec = (extra: string[] = []) =>
        ['servers:', '  dual:', `    command: ${q(process.execPath)}`, `    args: [${q(CALC)}]`, ...extra, 'tests:', '  - server: dual', '    lint: false', '    protocol: false', '    calls:', '      - { tool: add, args: { a: 1, b: 1 } }'].join('\n');

    it('--protocol applies to servers whose spec names none', async () => {
        const spec = await workspace.write('default.yaml', dualSpec());
        const run = await runCli([spec, '--protocol', '2025-06-18']);
        assert.equal(run.code, 0, run.stdout + run.stderr);
        assert.match(run.stdout, /protocol 2025-06-18\)/);
    });

    it('a protocol: in the spec wins over --protocol', async () => {
        const spec = await workspace.write('pinned.yaml', dualSpec(['    protocol: 2026-07-28']));
        const run = await runCli([spec, '--protocol', '2025-06-18']);
        assert.match(run.stdout, /protocol 2026-07-28\)/);
    });

    it('--protocol with several revisions runs each', async () => {
        const spec = await workspace.write('several.yaml', dualSpec());
        const run = await runCli([spec, '--protocol', '2026-07-28,2025-03-26']);
        assert.equal(run.code, 0, run.stdout + run.stderr);
        assert.match(run.stdout, /dual@2026-07-28/);
        assert.match(run.stdout, /dual@2025-03-26 \(.*protocol 2025-03-26\)/);
    });

    it('an unknown revision in the spec is an error at its line and column', async () => {
        const spec = await workspace.write('unknown.yaml', dualSpec(['    protocol: 2024-01-01']));
        const run = await runCli([spec]);
        assert.equal(run.code, 2);
        assert.match(run.stderr, /unknown\.yaml:5:15: .*protocol/);
    });

    it('an unknown --protocol is a usage error', async () => {
        const spec = await workspace.write('flag.yaml', dualSpec());
        const run = await runCli([spec, '--protocol', 'latest']);
        assert.equal(run.code, 2);
        assert.match(run.stderr, /--protocol.*expected auto or a revision/);
    });

    it('a pinned revision the server does not offer fails every check with one message naming what it offers', async () => {
        const spec = await workspace.write(
            'mismatch.yaml',
            ['servers:', '  modern:', `    command: ${q(process.execPath)}`, `    args: [${q(CALC)}, --modern-only]`, '    protocol: 2025-11-25', 'tests:', '  - server: modern', '    calls:', '      - { tool: add, args: { a: 1, b: 1 } }'].join('\n'),
        );
        const run = await runCli([spec]);
        assert.equal(run.code, 1);
        assert.match(run.stdout, /refused initialize 2025-11-25 with -32022 \(unsupported protocol version\); the server offers 2026-07-28/);
        assert.doesNotMatch(run.stdout, /exited/);
    });

    it('a call the server asks a question, with no inputs, fails naming the question', async () => {
        const spec = await workspace.write(
            'question.yaml',
            ['servers:', '  modern:', `    command: ${q(process.execPath)}`, `    args: [${q(CALC)}, --modern-only]`, 'tests:', '  - server: modern', '    lint: false', '    calls:', '      - { tool: reset, args: { memory: m1 }, inputs: {} }'].join('\n'),
        );
        const run = await runCli([spec]);
        assert.equal(run.code, 1);
        assert.match(run.stdout, /the server asked for input the call does not answer under `inputs:`: confirm \(elicitation\/create "Really clear m1\?"\)/);
    });

    it('list names the revision, and init writes it into the spec', async () => {
        const list = await runCli(['list', '--config', await workspace.write('cfg.yaml', dualSpec()), '--protocol', '2025-11-25']);
        assert.match(list.stdout, /protocol 2025-11-25/);
        const out = workspace.path('init.yaml');
        const init = await runCli(['init', '-o', out, '--', process.execPath, CALC, '--modern-only']);
        assert.equal(init.code, 0, init.stderr);
        assert.match(await workspace.read('init.yaml'), /^ {4}protocol: 2026-07-28$/m);
    });
});
