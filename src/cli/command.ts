/** What every command is to the program: how it is added, and how its action reports its exit code. */
import type { Command } from 'commander';

/** What a command's action reports back to `main`: its exit code. */
export type SetExitCode = (code: number) => void;

/** Adds one command to the program. */
export type RegisterCommand = (program: Command, setExitCode: SetExitCode) => void;
