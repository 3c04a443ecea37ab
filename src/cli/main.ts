/**
 * The command line behind the executable: typed errors become the documented exit codes,
 * anything else is a bug and says so.
 */
import { CommanderError } from 'commander';
import { ExitCode, SpecErrors, UsageError } from '../errors.js';
import { buildProgram } from './program.js';

/** Runs mcp-check with `argv` (as in `process.argv`) and returns the exit code. */
export async function main(argv: string[]): Promise<number> {
    // Not an option of the default command, whose spec argument is required.
    if (argv.slice(2).join(' ') === '--list-rules') {
        process.stdout.write((await import('./list-rules.js')).formatRules());
        return ExitCode.passed;
    }
    let exitCode: number = ExitCode.passed;
    const program = buildProgram((code) => {
        exitCode = code;
    });
    try {
        await program.parseAsync(argv);
        return exitCode;
    } catch (error) {
        return exitCodeFor(error);
    }
}

function exitCodeFor(error: unknown): number {
    if (error instanceof CommanderError) {
        // Help and version are successful exits; commander has already printed its message.
        return error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help'
            ? ExitCode.passed
            : ExitCode.invalidInput;
    }
    if (error instanceof SpecErrors) {
        const count = error.errors.length;
        process.stderr.write(`mcp-check: ${count} problem${count === 1 ? '' : 's'} in ${error.subject}, nothing was run:\n`);
        for (const e of error.errors) process.stderr.write(`  ${e.describe()}\n`);
        return ExitCode.invalidInput;
    }
    if (error instanceof UsageError) {
        process.stderr.write(`mcp-check: ${error.message}\n`);
        return ExitCode.invalidInput;
    }
    process.stderr.write(`mcp-check: internal error, please report it with this output:\n${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    return ExitCode.failed;
}
