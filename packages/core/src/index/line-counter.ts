// Counts newlines in consecutive chunks of a file and records a checkpoint every N lines (or
// every stride of bytes): the in-memory state of the forward index, without any I/O.
import { CheckpointTable } from './checkpoint-table.js';
import { NEWLINE } from '../framing/byte-ranges.js';

/**
 * Line `k` starts just after the `k`-th `\n` (line 0 at byte 0). The bytes after the last `\n`
 * are the unfinished line: not counted until its `\n` arrives.
 */
export class LineCounter {
  readonly table = new CheckpointTable();
  /** Complete lines seen: the number of `\n` in [0, scanned). */
  lines = 0;
  /** Bytes scanned from the start of the file. */
  scanned = 0;
  /** Where the unfinished line starts (just after the last `\n` scanned). */
  lineStart = 0;
  private nextLine: number;
  private nextOffset: number;

  constructor(
    private readonly every: number,
    private readonly strideBytes: number,
  ) {
    this.nextLine = every;
    this.nextOffset = strideBytes;
  }

  /** Counts the newlines of `bytes`, which are the file's bytes from `scanned` on. */
  scan(view: Buffer): void {
    const base = this.scanned;
    let lines = this.lines;
    let nextLine = this.nextLine;
    let nextOffset = this.nextOffset;
    let last = -1;
    for (let i = view.indexOf(NEWLINE); i !== -1; i = view.indexOf(NEWLINE, i + 1)) {
      lines++;
      last = i;
      const start = base + i + 1;
      // A long line triggers the byte stride: lookups then re-scan at most one stride plus one line.
      if (lines >= nextLine || start >= nextOffset) {
        this.table.add(lines, start);
        nextLine = lines + this.every;
        nextOffset = start + this.strideBytes;
      }
    }
    this.lines = lines;
    this.nextLine = nextLine;
    this.nextOffset = nextOffset;
    if (last !== -1) this.lineStart = base + last + 1;
    this.scanned = base + view.length;
  }

  /** Back to an empty file. */
  reset(): void {
    this.table.clear();
    this.lines = 0;
    this.scanned = 0;
    this.lineStart = 0;
    this.nextLine = this.every;
    this.nextOffset = this.strideBytes;
  }
}
