// The search worker's inner loop: cuts a chunk of the file into lines numbered as the index
// numbers them, tests each against the pattern, and hands on the lines that match.
import { isAscii } from 'node:buffer';
import { countNewlines } from '../framing/count-newlines.js';
import { decodeLine } from './decode-line.js';
import type { LineMatcher, MatchRange } from './line-matcher.js';
import { NEWLINE } from '../framing/byte-ranges.js';

const CR = 0x0d;

/** A line that matched: where it is, its text (capped as the index caps it) and the ranges. */
export interface FileMatch {
  /** 0-based line number, the same as the LineIndex gives. */
  readonly number: number;
  readonly offset: number;
  readonly end: number;
  readonly text: string;
  readonly ranges: readonly MatchRange[];
  readonly cut?: true;
  readonly partial?: true;
}

/**
 * Whole lines of about this many bytes are decoded at once: below V8's large-object threshold
 * (128 KiB), so the strings die young instead of piling up until a full collection.
 */
const SEGMENT_BYTES = 64 * 1024;

/** The end of the segment from `at`: just after the last `\n` before `at + SEGMENT_BYTES`, or after the line there. */
function segmentEnd(lines: Buffer, at: number): number {
  if (lines.length - at <= SEGMENT_BYTES) return lines.length;
  const newline = lines.lastIndexOf(NEWLINE, at + SEGMENT_BYTES - 1);
  return newline >= at ? newline + 1 : lines.indexOf(NEWLINE, at + SEGMENT_BYTES) + 1;
}

export class MatchScanner {
  private readonly needle: Buffer | undefined;

  constructor(
    private readonly matcher: LineMatcher,
    private readonly cap: number,
    private readonly found: (match: FileMatch) => void,
    /** Number of the next line. */
    public line: number,
  ) {
    this.needle = matcher.literal ? Buffer.from(matcher.literal) : undefined;
  }

  /**
   * Tests the complete lines of `chunk`, the file's bytes from `offset` on (a line start).
   * Returns the bytes consumed: up to just after its last `\n` (0 if it has none).
   */
  scan(chunk: Buffer, offset: number): number {
    const end = chunk.lastIndexOf(NEWLINE) + 1;
    if (end === 0) return 0;
    const lines = chunk.subarray(0, end);
    if (this.needle) {
      this.scanLiteral(lines, offset, this.needle);
      return end;
    }
    for (let at = 0; at < end; ) {
      const stop = segmentEnd(lines, at);
      const segment = lines.subarray(at, stop);
      // ASCII (most logs): one decode per segment, lines are cheap slices of it.
      if (isAscii(segment)) this.scanAscii(segment.toString('latin1'), offset + at);
      else this.scanBytes(segment, offset + at);
      at = stop;
    }
    return end;
  }

  /** Tests one line given by its first bytes (`head`, at least cap + 1 of them) and its length. */
  test(head: Buffer, length: number, offset: number, end: number, partial: boolean): void {
    const { text, cut } = decodeLine(head, length, this.cap);
    this.report(text, offset, end, cut, partial);
    if (!partial) this.line++;
  }

  /**
   * A literal is looked for in the bytes (UTF-8 never matches inside another character): only the
   * lines holding it are decoded, the others only counted.
   */
  private scanLiteral(chunk: Buffer, offset: number, needle: Buffer): void {
    let start = 0;
    for (let hit = chunk.indexOf(needle); hit !== -1; hit = chunk.indexOf(needle, start)) {
      let newline = chunk.indexOf(NEWLINE, start);
      for (; newline < hit; newline = chunk.indexOf(NEWLINE, start)) {
        this.line++;
        start = newline + 1;
      }
      this.testBytes(chunk, start, newline, offset);
      start = newline + 1;
    }
    this.line += countNewlines(chunk.subarray(start));
  }

  private scanAscii(chunk: string, offset: number): void {
    for (let start = 0; start < chunk.length; ) {
      const newline = chunk.indexOf('\n', start);
      let stop = newline > start && chunk.charCodeAt(newline - 1) === CR ? newline - 1 : newline;
      const cut = stop - start > this.cap;
      if (cut) stop = start + this.cap;
      this.report(chunk.slice(start, stop), offset + start, offset + newline + 1, cut, false);
      this.line++;
      start = newline + 1;
    }
  }

  private scanBytes(chunk: Buffer, offset: number): void {
    for (let start = 0; start < chunk.length; ) {
      const newline = chunk.indexOf(NEWLINE, start);
      this.testBytes(chunk, start, newline, offset);
      start = newline + 1;
    }
  }

  private testBytes(chunk: Buffer, start: number, newline: number, offset: number): void {
    const { text, cut } = decodeLine(chunk.subarray(start, newline), newline - start, this.cap);
    this.report(text, offset + start, offset + newline + 1, cut, false);
    this.line++;
  }

  private report(text: string, offset: number, end: number, cut: boolean, partial: boolean): void {
    const ranges = this.matcher.match(text);
    if (!ranges) return;
    const match: { -readonly [K in keyof FileMatch]: FileMatch[K] } = { number: this.line, offset, end, text, ranges };
    if (cut) match.cut = true;
    if (partial) match.partial = true;
    this.found(match);
  }
}
