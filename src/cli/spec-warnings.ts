/** Warnings about a spec that do not stop it from running. */

/** Prints each distinct warning once on stderr. */
export function printSpecWarnings(warnings: readonly string[]): void {
    for (const warning of new Set(warnings)) process.stderr.write(`mcp-check: warning: ${warning}\n`);
}
