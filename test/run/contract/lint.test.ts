/**
 * Lint as test cases: each rule is its own case `lint: <rule>` (classname `<server>.lint`),
 * run against the sloppy fixture, which breaks every rule once. Error rules fail, warnings
 * pass with a `warning:` line, `lint.rules` changes levels, `off` and `lint: false` remove cases.
 */
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { JUnitCase } from '../../helpers/junit-xml.js';
import type { CliRun } from '../../helpers/cli.js';
import { runCli } from '../../helpers/cli.js';
import { consoleBlock, junitCase, nodeServer, runSpecCli, SLOPPY, suiteOutput, where, writeSpec, type CliOutcome, type WrittenSpec } from './support.js';

/** Every rule, in the order the README lists them (and the plan runs them). */
const RULES = [
    'input-schema-compiles',
    'input-schema-object',
    'output-schema-valid',
    'tool-name',
    'unique-tool-names',
    'tool-description',
    'required-declared',
    'annotations-boolean',
];

/** The sloppy tool(s) each error rule must name. */
const OFFENDERS: Record<string, string[]> = {
    'input-schema-compiles': ['bad_input_schema'],
    'input-schema-object': ['array_root'],
    'output-schema-valid': ['bad_output_schema', 'string_output'],
    'tool-name': ['bad name!', `long_name_${'x'.repeat(119)}`],
    'unique-tool-names': ['dup'],
    'required-declared': ['missing_required'],
    'annotations-boolean': ['non_boolean_hint'],
};

describe('lint cases against the sloppy fixture, through the CLI', () => {
    let spec: WrittenSpec;
    let cli: CliOutcome;
    let onlyErrorRule: CliRun;
    let onlyWarning: CliRun;

    /** The JUnit cases of one server's suite. */
    const casesOf = (server: string): JUnitCase[] => cli.junit.suites.filter((s) => s.attrs.name?.endsWith(`› ${server}`)).flatMap((s) => s.cases);
    const lintCasesOf = (server: string) => casesOf(server).filter((c) => c.attrs.classname === `${server}.lint`);

    before(async () => {
        spec = await writeSpec([
            'servers:',
            ...nodeServer('sloppy', SLOPPY),
            ...nodeServer('strict', SLOPPY),
            ...nodeServer('relaxed', SLOPPY),
            ...nodeServer('quiet', SLOPPY),
            'tests:',
            '  - server: sloppy',
            '    protocol: false',
            '  - server: strict',
            '    protocol: false',
            '    lint: { rules: { tool-description: error, tool-name: off } }',
            '  - server: relaxed',
            '    protocol: false',
            '    lint: { rules: { tool-name: warn } }',
            '  - server: quiet',
            '    protocol: false',
            '    lint: false',
        ]);
        // --grep leaves one lint case to run, so the exit code is that case's alone.
        const single = await writeSpec(['servers:', ...nodeServer('sloppy', SLOPPY), 'tests:', '  - server: sloppy']);
        const grep = (pattern: string) => runCli([single.file, '--grep', pattern]);
        [cli, onlyErrorRule, onlyWarning] = await Promise.all([runSpecCli(spec), grep('^lint: annotations-boolean$'), grep('^lint: tool-description$')]);
    });

    it('plans one case per rule, named `lint: <rule>`, with classname `<server>.lint`', () => {
        assert.deepEqual(
            lintCasesOf('sloppy').map((c) => c.attrs.name),
            RULES.map((r) => `lint: ${r}`),
        );
    });

    for (const [rule, tools] of Object.entries(OFFENDERS)) {
        it(`fails the error rule ${rule}, naming ${tools.length === 1 ? 'the tool' : 'each tool'} that breaks it`, () => {
            const tc = junitCase(cli.junit, `lint: ${rule}`, 'sloppy.lint');
            assert.ok(tc.failure, `lint: ${rule} did not fail`);
            assert.equal(tc.failure.attrs.type, 'lint');
            const lines = tc.failure.body.split('\n');
            assert.equal(lines.length, tools.length, tc.failure.body);
            lines.forEach((line, i) => assert.ok(line.includes(`: ${rule}: tool ${JSON.stringify(tools[i])}: `), line));
        });
    }

    it('points a failing lint case at the test entry when the spec has no lint key', () => {
        const [, detail] = consoleBlock(suiteOutput(cli.run.stdout, 'sloppy'), 'lint: unique-tool-names');
        assert.equal(detail, `      ${where(spec, '- server: sloppy', 'server')}: unique-tool-names: tool "dup": name is listed 2 times`);
    });

    it('never names the clean tool', () => {
        assert.doesNotMatch(suiteOutput(cli.run.stdout, 'sloppy'), /clean_tool/);
    });

    it('passes tool-description, a warning by default, and shows `warning:` in the console', () => {
        assert.deepEqual(consoleBlock(suiteOutput(cli.run.stdout, 'sloppy'), 'lint: tool-description').map((l) => l.replace(/\(\d+ ms\)/, '(N ms)')), [
            '  ✓ lint: tool-description (N ms)',
            '      warning: tool-description: tool "no_description": description is missing',
        ]);
    });

    it('writes the warning to JUnit system-out without a failure', () => {
        const tc = junitCase(cli.junit, 'lint: tool-description', 'sloppy.lint');
        assert.equal(tc.failure, undefined);
        assert.equal(tc.systemOut, 'warning: tool-description: tool "no_description": description is missing');
    });

    it('exits 1 when an error-level lint rule fails, even with nothing else run', () => {
        assert.equal(onlyErrorRule.code, 1, onlyErrorRule.stdout);
        assert.match(onlyErrorRule.stdout, /✗ lint: annotations-boolean/);
    });

    it('exits 0 when the only finding is a warning', () => {
        assert.equal(onlyWarning.code, 0, onlyWarning.stdout);
        assert.match(onlyWarning.stdout, /✓ lint: tool-description/);
    });

    it('fails tool-description when the spec sets it to error, pointing at `lint:`', () => {
        const block = consoleBlock(suiteOutput(cli.run.stdout, 'strict'), 'lint: tool-description');
        assert.match(block[0]!, /^ {2}✗ lint: tool-description /);
        assert.equal(block[1], `      ${where(spec, 'lint: { rules: { tool-description: error', 'lint')}: tool-description: tool "no_description": description is missing`);
        assert.equal(junitCase(cli.junit, 'lint: tool-description', 'strict.lint').failure?.attrs.type, 'lint');
    });

    it('removes the case of a rule set to off, and keeps the others', () => {
        assert.deepEqual(
            lintCasesOf('strict').map((c) => c.attrs.name),
            RULES.filter((r) => r !== 'tool-name').map((r) => `lint: ${r}`),
        );
    });

    it('passes an error rule set to warn, listing each finding as a warning', () => {
        const block = consoleBlock(suiteOutput(cli.run.stdout, 'relaxed'), 'lint: tool-name');
        assert.match(block[0]!, /^ {2}✓ lint: tool-name /);
        assert.deepEqual(
            block.slice(1).map((l) => l.replace(/^ +warning: /, '')),
            OFFENDERS['tool-name']!.map((t) => `tool-name: tool ${JSON.stringify(t)}: name must be 1–128 characters of A-Z a-z 0-9 _ . -${t.length > 128 ? ' (it has 129)' : ''}`),
        );
    });

    it('removes every lint case with lint: false, the input-schema check included', () => {
        assert.deepEqual(lintCasesOf('quiet'), []);
        assert.doesNotMatch(suiteOutput(cli.run.stdout, 'quiet'), /lint:/);
        assert.deepEqual(casesOf('quiet'), []);
    });

    it('exits 1 for the sloppy server', () => {
        assert.equal(cli.run.code, 1);
    });
});
