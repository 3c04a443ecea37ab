/**
 * Keeps the last bytes of a stream that may be huge (a server flooding stderr), so the
 * report can show the end of it without the runner holding megabytes in memory.
 */

/** Default number of bytes of server stderr kept for reports. */
export const DEFAULT_TAIL_BYTES = 8 * 1024;

/** A bounded buffer that remembers only the last `limit` bytes written to it. */
export class OutputTail {
    private chunks: Buffer[] = [];
    private kept = 0;
    /** Total bytes ever written, so a report can say how much was dropped. */
    total = 0;

    constructor(private readonly limit = DEFAULT_TAIL_BYTES) {}

    /** Appends a chunk, dropping the oldest bytes beyond the limit. */
    write(chunk: Buffer | string): void {
        const buf = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
        this.total += buf.length;
        this.chunks.push(buf.length > this.limit ? buf.subarray(buf.length - this.limit) : buf);
        this.kept += Math.min(buf.length, this.limit);
        while (this.kept - this.chunks[0]!.length >= this.limit) {
            this.kept -= this.chunks.shift()!.length;
        }
    }

    /** The kept text, prefixed with a note when earlier output was dropped. */
    text(): string {
        let buf = Buffer.concat(this.chunks);
        if (buf.length > this.limit) buf = buf.subarray(buf.length - this.limit);
        const dropped = this.total - buf.length;
        const body = buf.toString('utf8');
        return dropped > 0 ? `[… ${dropped} earlier bytes omitted]\n${body}` : body;
    }

    /** The last `n` non-empty lines, for one-line error messages. */
    lastLines(n: number): string[] {
        return this.text().split(/\r?\n/).filter((l) => l.trim() !== '').slice(-n);
    }
}
