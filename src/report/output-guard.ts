/**
 * The GitHub Actions runner reads workflow commands from a step's stdout and stderr: a line
 * whose first non-blank characters are `::` (`::error::…`, `::add-mask::…`,
 * `::stop-commands::…`), and the legacy `##[command]…` anywhere in a line. Server and spec
 * text reaches both streams through every reporter and command, so the CLI passes all of its
 * output through this guard, which breaks that syntax with visible `\uXXXX` escapes (valid in
 * JSON strings, so `--json` output keeps its meaning). Only the GitHub reporter's own
 * annotations bypass it, through `writeWorkflowCommands`.
 */

/** Characters the runner's line reader treats as line ends (plus Unicode's, to be safe). */
const LINE_BREAKS = ['\n', '\r', '\u0085', '\u2028', '\u2029'];
const BLANK = /\s/;

/**
 * Neutralises command syntax in a stream of text written in pieces: it remembers where the
 * current line stands, so a command split across two writes is caught too.
 */
export class CommandNeutraliser {
    /** Only blanks so far on the current line. */
    private blank = true;
    /** Only blanks and then one `:` so far on the current line. */
    private colon = false;
    /** How many `#` end the text so far. */
    private hashes = 0;

    /** Returns `text` with the second `:` of a line-leading `::` and the `[` of `##[` escaped. */
    transform(text: string): string {
        // A `:` or `[` to escape follows a `:` or `#` in this text, or opens it after the last write's.
        if (!/::|#\[/.test(text) && text[0] !== ':' && text[0] !== '[') {
            this.track(text);
            return text;
        }
        let out = '';
        for (const ch of text) {
            if ((ch === ':' && this.colon) || (ch === '[' && this.hashes >= 2)) {
                out += `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`;
                this.blank = this.colon = false;
                this.hashes = 0;
                continue;
            }
            out += ch;
            this.step(ch);
        }
        return out;
    }

    /** Marks the start of a fresh line (after a command line the guard did not see). */
    lineStart(): void {
        this.blank = true;
        this.colon = false;
        this.hashes = 0;
    }

    /** The state after `text`, which needs no escape, without a walk over every character. */
    private track(text: string): void {
        if (text === '') return;
        const lastBreak = Math.max(...LINE_BREAKS.map((b) => text.lastIndexOf(b)));
        const lastLine = text.slice(lastBreak + 1);
        const blankBefore = lastBreak >= 0 || this.blank;
        this.blank = blankBefore && lastLine.trim() === '';
        this.colon = blankBefore && /^\s*:$/.test(lastLine);
        let trailing = 0;
        while (trailing < text.length && text[text.length - 1 - trailing] === '#') trailing++;
        this.hashes = trailing === text.length ? this.hashes + trailing : trailing;
    }

    private step(ch: string): void {
        this.hashes = ch === '#' ? this.hashes + 1 : 0;
        if (LINE_BREAKS.includes(ch)) {
            this.blank = true;
            this.colon = false;
        } else if (BLANK.test(ch)) {
            this.colon = false;
        } else {
            this.colon = this.blank && ch === ':';
            this.blank = false;
        }
    }
}

interface Guarded {
    original: NodeJS.WritableStream['write'];
    neutraliser: CommandNeutraliser;
}

const guarded = new WeakMap<NodeJS.WritableStream, Guarded>();

/** Routes every string written to `stream` through a `CommandNeutraliser` (once per stream). */
export function guardOutput(stream: NodeJS.WritableStream): void {
    if (guarded.has(stream)) return;
    const original = stream.write;
    const neutraliser = new CommandNeutraliser();
    guarded.set(stream, { original, neutraliser });
    stream.write = function (this: NodeJS.WritableStream, chunk: unknown, ...rest: unknown[]): boolean {
        const text = typeof chunk === 'string' ? neutraliser.transform(chunk) : chunk;
        return (original as (...args: unknown[]) => boolean).call(this, text, ...rest);
    } as NodeJS.WritableStream['write'];
}

/** Writes genuine workflow command lines, past the guard when `stream` has one. */
export function writeWorkflowCommands(stream: NodeJS.WritableStream, lines: readonly string[]): void {
    const guard = guarded.get(stream);
    const text = `${lines.join('\n')}\n`;
    if (!guard) {
        stream.write(text);
        return;
    }
    guard.neutraliser.lineStart();
    guard.original.call(stream, text);
}
