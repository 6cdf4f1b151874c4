// The two ways a segment of whole, valid lines becomes LogLines: slices of one decoded string,
// or (for subscribers that parse) a string of its own per line.
import { NEWLINE } from './byte-ranges.js';
import type { LogLine } from './log-line.js';
import type { SequenceCounter } from './line-framer.js';

const CR = 0x0d;

/**
 * Buffer's own decoders, which `toString(encoding, start, end)` calls after normalizing its
 * arguments (here: once per line). Undocumented, but present in Node 20 and 22 (checked).
 */
type DecodingBuffer = Buffer & { latin1Slice(start: number, end: number): string; utf8Slice(start: number, end: number): string };

/** What a segment's lines need from their framer. */
export interface SegmentTarget {
  readonly path: string;
  readonly seq: SequenceCounter;
  readonly maxLineBytes: number;
  /** Takes a line longer than the cap, as bytes without its newline, to cut it into pieces. */
  emitLong(bytes: Buffer, offset: number, out: LogLine[]): void;
}

/**
 * Lines of chunk[from, to) (whole lines, ASCII or valid UTF-8; `base` turns chunk positions into
 * file offsets), decoded once: each line's text is a slice of the segment's string.
 */
export function slicedLines(chunk: Buffer, from: number, to: number, ascii: boolean, base: number, target: SegmentTarget, out: LogLine[]): void {
  const text = chunk.toString(ascii ? 'latin1' : 'utf8', from, to);
  const { path, seq, maxLineBytes } = target;
  let i = 0;
  let byteAt = from;
  for (let j = text.indexOf('\n'); j !== -1; j = text.indexOf('\n', i)) {
    const byteLength = ascii ? j - i : Buffer.byteLength(text.slice(i, j));
    if (byteLength > maxLineBytes) {
      target.emitLong(chunk.subarray(byteAt, byteAt + byteLength), byteAt + base, out);
    } else {
      const cr = text.charCodeAt(j - 1) === CR && j > i;
      const end = byteAt + byteLength + 1;
      out.push({ text: text.slice(i, cr ? j - 1 : j), path, offset: byteAt + base, end: end + base, seq: seq.next++ });
    }
    byteAt += byteLength + 1;
    i = j + 1;
  }
}

/**
 * The same lines as {@link slicedLines}, each decoded into a string of its own: about 0.1 µs a
 * line more to make, and faster for a parser to read.
 */
export function ownTextLines(chunk: Buffer, from: number, to: number, ascii: boolean, base: number, target: SegmentTarget, out: LogLine[]): void {
  const bytes = chunk as DecodingBuffer;
  // ASCII: string positions are byte positions, and the native string search is the fastest way to the newlines.
  const newlines = ascii ? bytes.latin1Slice(from, to) : undefined;
  const { path, seq, maxLineBytes } = target;
  for (let i = from; i < to; ) {
    const nl = newlines === undefined ? chunk.indexOf(NEWLINE, i) : newlines.indexOf('\n', i - from) + from;
    if (nl - i > maxLineBytes) {
      target.emitLong(chunk.subarray(i, nl), i + base, out);
    } else {
      const textEnd = nl > i && chunk[nl - 1] === CR ? nl - 1 : nl;
      const text = ascii ? bytes.latin1Slice(i, textEnd) : bytes.utf8Slice(i, textEnd);
      out.push({ text, path, offset: i + base, end: nl + 1 + base, seq: seq.next++ });
    }
    i = nl + 1;
  }
}
