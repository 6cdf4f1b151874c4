// Reads lines forward from a known line start with positional reads of one block at a time:
// skips lines by counting newlines, returns lines decoded and capped.
import { readInto } from '../stream/fs-ops.js';
import { decodeLine } from './decode-line.js';
import type { IndexedLine } from './index-types.js';
import { NEWLINE } from '../framing/byte-ranges.js';

/** A forward reader over `[start, limit)` of an open file. `position` is always a line start. */
export class LineCursor {
  private readonly block: Buffer;
  private view: Buffer;
  /** File offset of `view[0]`. */
  private viewStart: number;
  private pos = 0;

  constructor(
    private readonly fd: number,
    start: number,
    /** Nothing at or after this offset is read. */
    private readonly limit: number,
    blockBytes: number,
    private readonly cap: number,
    /** Number of the line at `start`, when known; counted up as lines are read or skipped. */
    public lineNumber: number | undefined = undefined,
  ) {
    this.block = Buffer.allocUnsafe(blockBytes);
    this.view = this.block.subarray(0, 0);
    this.viewStart = start;
  }

  /** Offset of the next line to read. */
  get position(): number {
    return this.viewStart + this.pos;
  }

  /**
   * Skips up to `maxLines` whole lines, stopping before any line whose `\n` is at or after
   * `before`. Returns the count skipped; `position` is then the start of the next line.
   */
  async skip(maxLines: number, before = Infinity): Promise<number> {
    let skipped = 0;
    let lineStart = this.position;
    while (skipped < maxLines) {
      if (this.pos === this.view.length && !(await this.fill())) break;
      const newline = this.view.indexOf(NEWLINE, this.pos);
      if (newline === -1 && this.viewStart + this.view.length < before) {
        this.pos = this.view.length;
        continue;
      }
      if (newline === -1 || this.viewStart + newline >= before) break;
      this.pos = newline + 1;
      lineStart = this.viewStart + this.pos;
      skipped++;
    }
    this.seek(lineStart);
    if (this.lineNumber !== undefined) this.lineNumber += skipped;
    return skipped;
  }

  /** The next complete line, or with `partial` the unfinished one before `limit`; undefined at the end. */
  async next(partial = false): Promise<IndexedLine | undefined> {
    const offset = this.position;
    const pieces: Buffer[] = [];
    let kept = 0;
    let length = 0;
    for (;;) {
      if (this.pos === this.view.length && !(await this.fill())) {
        if (!partial || length === 0) {
          this.seek(offset);
          return undefined;
        }
        return { ...this.line(offset, pieces, length), partial: true };
      }
      const newline = this.view.indexOf(NEWLINE, this.pos);
      const stop = newline === -1 ? this.view.length : newline;
      const take = Math.min(stop - this.pos, this.cap + 1 - kept);
      if (take > 0) {
        const bytes = this.view.subarray(this.pos, this.pos + take);
        // The block is about to be refilled: keep a copy unless the line ends in it.
        pieces.push(newline === -1 ? Buffer.from(bytes) : bytes);
        kept += take;
      }
      length += stop - this.pos;
      if (newline !== -1) {
        this.pos = newline + 1;
        const line = this.line(offset, pieces, length);
        if (this.lineNumber !== undefined) this.lineNumber++;
        return line;
      }
      this.pos = this.view.length;
    }
  }

  private line(offset: number, pieces: Buffer[], length: number): IndexedLine {
    const head = pieces.length === 1 ? (pieces[0] as Buffer) : Buffer.concat(pieces);
    const { text, cut } = decodeLine(head, length, this.cap);
    const base = { number: this.lineNumber, offset, end: this.position, text };
    return cut ? { ...base, cut: true } : base;
  }

  /** Reads the block after the current view; false at `limit` or at the end of the file. */
  private async fill(): Promise<boolean> {
    const at = this.viewStart + this.view.length;
    const length = Math.min(this.block.length, this.limit - at);
    if (length <= 0) return false;
    const read = await readInto(this.fd, this.block, length, at);
    this.viewStart = at;
    this.view = this.block.subarray(0, read);
    this.pos = 0;
    return read > 0;
  }

  /** Moves to `offset`, within the current block when it is there. */
  private seek(offset: number): void {
    if (offset >= this.viewStart && offset <= this.viewStart + this.view.length) {
      this.pos = offset - this.viewStart;
    } else {
      this.viewStart = offset;
      this.view = this.block.subarray(0, 0);
      this.pos = 0;
    }
  }
}
