/**
 * Typed errors. Every error a user can cause carries where it came from, so the CLI can
 * print `file:line:col` and map it to a documented exit code without string matching.
 */

/** A position in a spec file, 1-based like editors show it. */
export interface SourceLocation {
    file: string;
    line: number;
    col: number;
}

/**
 * A location whose line and column are worked out when one of them is first read (a spec
 * parsed without positions indexes them only then, see load/positions.ts). Its getters are own
 * and enumerable, so copies, JSON and deep comparisons see a plain `{ file, line, col }`.
 */
export function deferredLocation(file: string, find: () => SourceLocation): SourceLocation {
    let found: SourceLocation | undefined;
    const get = (): SourceLocation => (found ??= find());
    const loc = {
        file,
        get line() {
            return get().line;
        },
        get col() {
            return get().col;
        },
    };
    deferred.add(loc);
    return loc;
}

const deferred = new WeakSet<SourceLocation>();

/** Whether reading `loc`'s line or column may still have to index its file (see `deferredLocation`). */
export function isDeferredLocation(loc: object): boolean {
    return deferred.has(loc as SourceLocation);
}

/**
 * Renders a location the way editors and CI annotations link it: `file:line:col`. Line 0 means
 * no place in a file (a server named on the command line): then the name alone.
 */
export function formatLocation(loc: SourceLocation): string {
    return loc.line === 0 ? loc.file : `${loc.file}:${loc.line}:${loc.col}`;
}

/** Exit codes of the CLI; documented in the README. */
export const ExitCode = {
    passed: 0,
    failed: 1,
    invalidInput: 2,
    sigint: 130,
    sigterm: 143,
} as const;

/** A problem in a spec file: bad YAML, wrong shape, unknown server, missing variable. */
export class SpecError extends Error {
    override readonly name = 'SpecError';
    constructor(
        message: string,
        readonly loc?: SourceLocation,
        /** The spec key the problem is about, e.g. `tests[0].server`. */
        readonly key?: string,
    ) {
        super(message);
    }

    /** `file:line:col: message`, or just the message when there is no location. */
    describe(): string {
        return this.loc ? `${formatLocation(this.loc)}: ${this.message}` : this.message;
    }
}

/** One or more spec problems found while loading; the CLI lists them all and exits 2. */
export class SpecErrors extends Error {
    override readonly name = 'SpecErrors';
    constructor(
        readonly errors: SpecError[],
        /** What holds the problems, for the CLI's heading: `the spec`, or `the config .vscode/mcp.json`. */
        readonly subject = 'the spec',
    ) {
        super(errors.map((e) => e.describe()).join('\n'));
    }
}

/** The command line itself is wrong (bad flag value, no spec files). Exit 2. */
export class UsageError extends Error {
    override readonly name = 'UsageError';
}

/** A server could not be started or reached; names the server, transport, target and cause. */
export class ConnectError extends Error {
    override readonly name = 'ConnectError';
    constructor(
        readonly server: string,
        readonly transport: string,
        readonly target: string,
        readonly reason: string,
        options?: { cause?: unknown },
    ) {
        super(`cannot connect to server "${server}" (${transport} ${target}): ${reason}`, options);
    }
}

/** A request could not be sent or answered because the server is gone (exited, connection closed). */
export class ServerGoneError extends Error {
    override readonly name = 'ServerGoneError';
    constructor(
        readonly server: string,
        readonly reason: string,
    ) {
        super(`server "${server}" is gone: ${reason}`);
    }
}

/** A server answered a request with something that is not a valid MCP result for it. */
export class InvalidResultError extends Error {
    override readonly name = 'InvalidResultError';
}

/** The server asked for input (an elicitation, a sampling reply) that the call declares no answer to. */
export class InputRequiredError extends Error {
    override readonly name = 'InputRequiredError';
    constructor(
        /** One line per question: the input's name, the request it stands for and its message. */
        readonly questions: string[],
    ) {
        // A sampling request is answered by `client.sampling`, every other question by `inputs:`.
        const where = questions.every((q) => q.includes('sampling/createMessage')) ? 'no `client.sampling` entry answers' : 'the call does not answer under `inputs:`';
        super(`the server asked for input ${where}: ${questions.join('; ')}`);
    }
}
