/**
 * Validates JUnit reports against Jenkins' strict schema with xmllint (installed by .ci/run).
 * The schema lives in shared/ beside the clone, which a fresh clone does not have: there, and
 * where xmllint is missing, the validation is reported as a skipped subtest with the reason.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { TestContext } from 'node:test';
import { ROOT } from './cli.js';

/** The JUnit schema from shared/ beside the clone. */
export const JUNIT_XSD = join(ROOT, '../shared/junit/junit-10.xsd');

/** Why reports cannot be validated on this machine, or undefined when they can. */
export function junitSchemaUnavailable(xsd = JUNIT_XSD): string | undefined {
    if (!existsSync(xsd)) return `JUnit schema not found at ${xsd} (it is in ../shared beside the clone, as on CI)`;
    try {
        execFileSync('xmllint', ['--version'], { stdio: 'ignore' });
    } catch {
        return 'xmllint is not installed (.ci/run installs libxml2-utils)';
    }
    return undefined;
}

/** Runs `xmllint --schema`; returns its output, throwing with it when the file does not validate. */
export function validateJUnit(file: string, xsd = JUNIT_XSD): string {
    return execFileSync('xmllint', ['--noout', '--schema', xsd, file], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

/** A subtest of `t` that validates `file`; skipped with the reason when the schema or xmllint is missing. */
export async function expectValidJUnit(t: TestContext, file: string, xsd = JUNIT_XSD): Promise<void> {
    await t.test('the JUnit report validates against junit-10.xsd', { skip: junitSchemaUnavailable(xsd) ?? false }, () => {
        try {
            validateJUnit(file, xsd);
        } catch (e) {
            throw new Error(`JUnit does not validate: ${(e as { stderr?: string }).stderr ?? e}`);
        }
    });
}
