/**
 * Splits a byte stream into lines in linear time. The SDK's ReadBuffer re-concatenates its
 * whole buffer on every chunk and refuses messages over 10 MB; a checker must survive a
 * server that answers with a 10 MB text, so it frames stdout itself.
 */

/** Bytes kept of each end of a line too long to keep, so the request it answers can be named. */
const EDGE_BYTES = 256;

/** A line longer than the limit: dropped, with its length and its ends. */
export interface OversizedLine {
    /** Its length so far, or in all once `ended`. */
    bytes: number;
    head: string;
    tail: string;
    /** Whether its newline arrived; the first report of a line comes as soon as it passes the limit. */
    ended: boolean;
}

export class LineSplitter {
    private pending: Buffer[] = [];
    private pendingBytes = 0;
    /** The line being dropped, while its newline has not arrived. */
    private skipping?: { bytes: number; head: string; tail: Buffer };

    constructor(
        private readonly maxLineBytes: number,
        private readonly onOversized: (line: OversizedLine) => void = () => undefined,
    ) {}

    /** Feeds a chunk and returns the complete lines it finished, without their newline. */
    push(chunk: Buffer): string[] {
        const lines: string[] = [];
        let start = 0;
        for (let nl = chunk.indexOf(0x0a); nl !== -1; nl = chunk.indexOf(0x0a, start)) {
            const piece = chunk.subarray(start, nl);
            start = nl + 1;
            if (this.skipping) {
                this.endSkipping(piece);
                continue;
            }
            if (this.pendingBytes + piece.length > this.maxLineBytes) {
                this.startSkipping(piece);
                this.endSkipping(Buffer.alloc(0));
                continue;
            }
            this.pending.push(piece);
            lines.push(Buffer.concat(this.pending).toString('utf8').replace(/\r$/, ''));
            this.clear();
        }
        const rest = chunk.subarray(start);
        if (rest.length === 0) return lines;
        if (this.skipping) {
            this.skipping.bytes += rest.length;
            this.skipping.tail = lastBytes(Buffer.concat([this.skipping.tail, rest]));
        } else if (this.pendingBytes + rest.length > this.maxLineBytes) {
            this.startSkipping(rest);
        } else {
            this.pending.push(rest);
            this.pendingBytes += rest.length;
        }
        return lines;
    }

    clear(): void {
        this.pending = [];
        this.pendingBytes = 0;
    }

    private startSkipping(piece: Buffer): void {
        const bytes = this.pendingBytes + piece.length;
        const head = Buffer.concat([...this.pending, piece.subarray(0, EDGE_BYTES)]).subarray(0, EDGE_BYTES).toString('utf8');
        this.clear();
        this.skipping = { bytes, head, tail: lastBytes(piece) };
        this.onOversized({ bytes, head, tail: '', ended: false });
    }

    private endSkipping(piece: Buffer): void {
        const skipped = this.skipping!;
        this.skipping = undefined;
        const tail = lastBytes(Buffer.concat([skipped.tail, piece])).toString('utf8');
        this.onOversized({ bytes: skipped.bytes + piece.length, head: skipped.head, tail, ended: true });
    }
}

function lastBytes(buffer: Buffer): Buffer {
    return buffer.length > EDGE_BYTES ? buffer.subarray(buffer.length - EDGE_BYTES) : buffer;
}
