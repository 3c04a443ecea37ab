/** Validates JUnit reports against Jenkins' strict schema with xmllint (installed by .ci/run). */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './cli.js';

/** The JUnit schema from shared/ beside the clone. */
export const JUNIT_XSD = join(ROOT, '../shared/junit/junit-10.xsd');

/** Runs `xmllint --schema`; returns its output, throwing with it when the file does not validate. */
export function validateJUnit(file: string): string {
    if (!existsSync(JUNIT_XSD)) throw new Error(`JUnit schema not found at ${JUNIT_XSD}`);
    return execFileSync('xmllint', ['--noout', '--schema', JUNIT_XSD, file], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}
