/**
 * Protocol rules as a spec configures them: on by default (none with `protocol: false`), `rules`
 * changes a level or turns a rule off, and the `protocol` tag selects or excludes them.
 */
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import type { RunResult } from '../../../src/run/result.js';
import { runSuites } from '../../../src/run/runner.js';
import { loadSpecs } from '../../../src/load/load.js';
import { ROOT } from '../../helpers/cli.js';
import { caseNamed, nodeServer, problemsOf, statuses, writeSpec, type WrittenSpec } from './support.js';

const VIOLATIONS = join(ROOT, 'fixtures/protocol-violations.js');

describe('protocol rules as a spec sets them', () => {
    let spec: WrittenSpec;
    let result: RunResult;

    before(async () => {
        spec = await writeSpec([
            'servers:',
            ...nodeServer('strict', VIOLATIONS, ['--mode', 'invalid-cursor']),
            '    protocol: 2025-11-25',
            ...nodeServer('quiet', VIOLATIONS, ['--mode', 'invalid-cursor']),
            '    protocol: 2025-11-25',
            ...nodeServer('plain', VIOLATIONS),
            'tests:',
            '  - server: strict',
            '    lint: false',
            '    protocol: { rules: { invalid-cursor: error, ping: off } }',
            '    calls: [{ name: echo, tool: echo, args: { text: hi }, expect: { text: hi } }]',
            '  - server: quiet',
            '    lint: false',
            '    protocol: false',
            '  - server: plain',
            '    lint: false',
        ]);
        result = await runSuites(await loadSpecs([spec.file]));
    });

    const namesOf = (r: RunResult, server: string) => r.suites.filter((s) => s.server === server).flatMap((s) => s.cases.map((c) => c.name));

    it('fails a warn rule raised to error, with classname <server>.protocol and kind protocol', () => {
        const c = caseNamed(result, 'protocol: invalid-cursor', 'strict');
        assert.equal(c.classname, 'strict.protocol');
        assert.equal(problemsOf(c)[0]!.kind, 'protocol');
    });

    it('runs every rule on a server whose entry says nothing about them', () => {
        const rules = result.suites.filter((s) => s.server === 'plain').flatMap((s) => s.cases);
        assert.ok(rules.length > 20 && rules.every((c) => c.kind === 'protocol'), statuses(result));
        assert.ok(rules.every((c) => c.status === 'passed' || c.status === 'skipped'), statuses(result));
    });

    it('plans no case for a rule that is off, and none at all with protocol: false', () => {
        assert.ok(!namesOf(result, 'strict').includes('protocol: ping'), statuses(result));
        assert.deepEqual(
            namesOf(result, 'quiet').filter((n) => n.startsWith('protocol: ')),
            [],
        );
    });

    it('selects the rules with --tag protocol, and leaves them out with --exclude-tag protocol', async () => {
        const suites = await loadSpecs([spec.file]);
        const [only, without] = await Promise.all([runSuites(suites, { selection: { tags: ['protocol'] } }), runSuites(await loadSpecs([spec.file]), { selection: { excludeTags: ['protocol'] } })]);
        const ran = (r: RunResult) => r.suites.flatMap((s) => s.cases).filter((c) => c.status !== 'skipped').map((c) => c.name);
        assert.ok(ran(only).length > 0 && ran(only).every((n) => n.startsWith('protocol: ')), ran(only).join(', '));
        assert.ok(ran(without).includes('echo') && !ran(without).some((n) => n.startsWith('protocol: ')), ran(without).join(', '));
        assert.equal(caseNamed(without, 'protocol: invalid-cursor', 'strict').status, 'skipped');
    });
});
