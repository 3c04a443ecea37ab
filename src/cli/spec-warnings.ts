/** Warnings that do not stop a run: about the spec, and about servers that left processes behind. */
import { takeEscapees } from '../connect/process.js';
import { redactor } from '../report/redact.js';
import { visibleText } from '../report/safe-text.js';

/** Prints each distinct warning once on stderr. */
export function printSpecWarnings(warnings: readonly string[]): void {
    for (const warning of new Set(warnings)) process.stderr.write(`mcp-check: warning: ${warning}\n`);
}

/** Names each process that outlived its server's process group (and was stopped), once the servers are stopped. */
export function printEscapees(secrets: readonly string[]): void {
    const redact = redactor(secrets);
    for (const { pid, command, server } of takeEscapees()) {
        const line = `mcp-check: warning: process ${pid} (${command}) of the server \`${server}\` left the server's process group and outlived it (setsid or a daemon); mcp-check stopped it\n`;
        process.stderr.write(visibleText(redact(line)));
    }
}
