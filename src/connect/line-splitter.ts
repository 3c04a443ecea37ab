/**
 * Splits a byte stream into lines in linear time. The SDK's ReadBuffer re-concatenates its
 * whole buffer on every chunk and refuses messages over 10 MB; a checker must survive a
 * server that answers with a 10 MB text, so it frames stdout itself.
 */

/** Largest line accepted before the stream counts as broken. */
export const MAX_LINE_BYTES = 256 * 1024 * 1024;

export class LineSplitter {
    private pending: Buffer[] = [];
    private pendingBytes = 0;

    constructor(private readonly maxLineBytes = MAX_LINE_BYTES) {}

    /** Feeds a chunk and returns the complete lines it finished, without their newline. */
    push(chunk: Buffer): string[] {
        const lines: string[] = [];
        let start = 0;
        for (let nl = chunk.indexOf(0x0a); nl !== -1; nl = chunk.indexOf(0x0a, start)) {
            this.pending.push(chunk.subarray(start, nl));
            lines.push(Buffer.concat(this.pending).toString('utf8').replace(/\r$/, ''));
            this.pending = [];
            this.pendingBytes = 0;
            start = nl + 1;
        }
        if (start < chunk.length) {
            this.pending.push(chunk.subarray(start));
            this.pendingBytes += chunk.length - start;
            if (this.pendingBytes > this.maxLineBytes) {
                this.clear();
                throw new Error(`a line on stdout exceeded ${this.maxLineBytes} bytes without a newline`);
            }
        }
        return lines;
    }

    clear(): void {
        this.pending = [];
        this.pendingBytes = 0;
    }
}
