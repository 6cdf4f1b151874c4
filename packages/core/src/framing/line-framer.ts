// Turns a file's bytes into whole lines: splits on \n, strips \r, keeps an unfinished tail,
// decodes UTF-8 per whole line and cuts lines longer than the cap into pieces.
import { isAscii, isUtf8 } from 'node:buffer';
import { NEWLINE, rawBytes, toBatch, utf8Boundary } from './byte-ranges.js';
import { countNewlines } from './count-newlines.js';
import type { BatchWants, LogBatch } from './log-batch.js';
import type { LogLine } from './log-line.js';
import { ownTextLines, slicedLines, type SegmentTarget } from './segment-lines.js';

/** Default cap on one line's length in bytes; longer lines are split into pieces of this size. */
export const DEFAULT_MAX_LINE_BYTES = 1024 * 1024;

/** Counters a framer keeps about what it had to repair. */
export interface FramerStats {
  /** Lines that held invalid UTF-8 (the bad bytes were replaced by U+FFFD). */
  invalidUtf8Lines: number;
  /** Cuts made at the length cap (a line cut twice counts 2). */
  splitLines: number;
}

/** A shared, increasing sequence number (several framers feed one stream across rotation). */
export interface SequenceCounter {
  next: number;
}

/** Bytes decoded at once: below V8's large-object threshold (128 KiB). */
const SEGMENT_BYTES = 64 * 1024;
const CR = 0x0d;

/** Frames one file's bytes into {@link LogLine}s. Feed it consecutive chunks with `push`. */
export class LineFramer {
  private pending: Buffer[] = [];
  private pendingBytes = 0;
  /** Where held bytes and the next chunk's lines are joined in bytes-only framing (lent out). */
  private scratch: Buffer = Buffer.alloc(0);
  /** Offset of the first pending byte (the start of the unfinished line). */
  private pendingStart: number;
  /** Decode each line into a string of its own (see BatchWants.ownText); set by frameBatch. */
  private ownText = false;
  private readonly target: SegmentTarget;

  constructor(
    private readonly path: string,
    private readonly seq: SequenceCounter,
    startOffset: number,
    private readonly maxLineBytes: number = DEFAULT_MAX_LINE_BYTES,
    /** Counters to add to (shared by every framer of a stream). */
    readonly stats: FramerStats = { invalidUtf8Lines: 0, splitLines: 0 },
  ) {
    this.pendingStart = startOffset;
    this.target = { path, seq, maxLineBytes, emitLong: (bytes, offset, out) => this.emitBytes(bytes, offset, 1, out) };
  }

  /** Bytes held for an unfinished line. */
  get heldBytes(): number {
    return this.pendingBytes;
  }

  /** Offset of the start of the unfinished line: every byte before it has been framed. */
  get committedOffset(): number {
    return this.pendingStart;
  }

  /**
   * Frames `chunk`, which starts right after the previously framed bytes, into a batch of the
   * lines it completes: as `LogLine`s, as the file's raw bytes, or both, as `want` asks. Without
   * `want.lines` no line is decoded or allocated. Copies whatever it keeps.
   *
   * The batch's `bytes` are lent, not given: without `want.lines` they are a view of `chunk` or of
   * a scratch buffer the next call reuses, so they are valid until the next call on this framer.
   */
  frameBatch(chunk: Buffer, want: BatchWants): LogBatch | undefined {
    if (!want.lines) return this.frameBytesOnly(chunk);
    this.ownText = want.ownText === true;
    const heldBytes = this.pendingBytes;
    const heldStart = this.pendingStart;
    // The held bytes are joined only when this chunk completes the line they begin (with a
    // newline, or at the cap): a long line arriving over many chunks is not copied each time.
    const completes = heldBytes > 0 && (heldBytes + chunk.length > this.maxLineBytes || chunk.indexOf(NEWLINE) !== -1);
    const held = want.bytes && completes ? Buffer.concat(this.pending, heldBytes) : undefined;
    const lines = this.push(chunk);
    return toBatch(lines, want.bytes ? rawBytes(lines, held, heldStart, chunk, heldStart + heldBytes) : undefined);
  }

  /** Delivers the unfinished line, if there is one, as a batch of one `partial` line. */
  flushBatch(want: BatchWants): LogBatch | undefined {
    const bytes = want.bytes && this.pendingBytes > 0 ? Buffer.concat(this.pending, this.pendingBytes) : undefined;
    if (want.lines) return toBatch(this.flush(), bytes);
    if (!bytes) return undefined;
    const offset = this.pendingStart;
    this.reset(offset + bytes.length);
    this.seq.next++;
    return { bytes, lineCount: 1, offset, end: offset + bytes.length, partial: true };
  }

  /** Frames `chunk`, which starts right after the previously pushed bytes. Copies what it keeps. */
  push(chunk: Buffer, out: LogLine[] = []): LogLine[] {
    this.frame(chunk, out);
    return out;
  }

  private frameBytesOnly(chunk: Buffer): LogBatch | undefined {
    const lastNl = chunk.lastIndexOf(NEWLINE);
    const offset = this.pendingStart;
    let bytes: Buffer | undefined;
    let lineCount = 0;
    if (lastNl !== -1) {
      const body = chunk.subarray(0, lastNl + 1);
      bytes = this.pendingBytes > 0 ? this.joinPending(body) : body;
      lineCount = countNewlines(body);
      this.seq.next += lineCount;
      this.reset(offset + bytes.length);
    }
    const pieces = this.holdBytes(chunk.subarray(lastNl + 1));
    if (pieces) {
      bytes = bytes ? Buffer.concat([bytes, pieces.bytes]) : pieces.bytes;
      lineCount += pieces.count;
    }
    return bytes ? { bytes, lineCount, offset, end: offset + bytes.length, partial: false } : undefined;
  }

  /** The held bytes followed by `body`, in a scratch buffer reused by the next batch. */
  private joinPending(body: Buffer): Buffer {
    const length = this.pendingBytes + body.length;
    if (this.scratch.length < length) this.scratch = Buffer.allocUnsafeSlow(2 ** Math.ceil(Math.log2(length)));
    let at = 0;
    for (const piece of this.pending) at += piece.copy(this.scratch, at);
    body.copy(this.scratch, at);
    return this.scratch.subarray(0, length);
  }

  /** Holds bytes of an unfinished line; past the cap, gives back pieces of it (each counted as a line). */
  private holdBytes(bytes: Buffer): { bytes: Buffer; count: number } | undefined {
    if (bytes.length === 0) return undefined;
    this.pending.push(Buffer.from(bytes));
    this.pendingBytes += bytes.length;
    if (this.pendingBytes <= this.maxLineBytes) return undefined;
    const all = Buffer.concat(this.pending, this.pendingBytes);
    let cut = 0;
    let count = 0;
    while (all.length - cut > this.maxLineBytes) {
      cut += utf8Boundary(all.subarray(cut), this.maxLineBytes);
      count++;
    }
    this.stats.splitLines += count;
    this.seq.next += count;
    this.pending = cut < all.length ? [Buffer.from(all.subarray(cut))] : [];
    this.pendingBytes = all.length - cut;
    this.pendingStart += cut;
    return { bytes: all.subarray(0, cut), count };
  }

  private frame(chunk: Buffer, out: LogLine[]): void {
    let start = 0;
    if (this.pendingBytes > 0) {
      const nl = chunk.indexOf(NEWLINE);
      if (nl === -1) {
        this.hold(chunk, out);
        return;
      }
      this.pending.push(chunk.subarray(0, nl));
      const line = Buffer.concat(this.pending, this.pendingBytes + nl);
      this.pending = [];
      this.pendingBytes = 0;
      this.emitBytes(line, this.pendingStart, 1, out);
      start = nl + 1;
    }
    const lastNl = chunk.lastIndexOf(NEWLINE);
    if (lastNl >= start) {
      this.frameWhole(chunk, start, lastNl + 1, out);
      start = lastNl + 1;
    }
    if (start < chunk.length) this.hold(chunk.subarray(start), out);
  }

  /** Delivers the unfinished line as a `partial` line, if there is one. */
  flush(out: LogLine[] = []): LogLine[] {
    if (this.pendingBytes === 0) return out;
    const bytes = Buffer.concat(this.pending, this.pendingBytes);
    this.pending = [];
    this.pendingBytes = 0;
    this.emitBytes(bytes, this.pendingStart, 0, out, true);
    return out;
  }

  /** Forgets any unfinished line and continues at `offset`. */
  reset(offset: number): void {
    this.pending = [];
    this.pendingBytes = 0;
    this.pendingStart = offset;
  }

  private hold(bytes: Buffer, out: LogLine[]): void {
    this.pending.push(Buffer.from(bytes));
    this.pendingBytes += bytes.length;
    while (this.pendingBytes > this.maxLineBytes) {
      const all = Buffer.concat(this.pending, this.pendingBytes);
      const cut = utf8Boundary(all, this.maxLineBytes);
      this.emitPiece(all.subarray(0, cut), this.pendingStart, cut, out);
      const rest = all.subarray(cut);
      this.pending = rest.length > 0 ? [Buffer.from(rest)] : [];
      this.pendingBytes = rest.length;
    }
  }

  /**
   * Frames chunk[from, to), which ends with a newline, one segment of whole lines at a time:
   * segments stay under V8's large-object size, so their strings die young and cheaply.
   */
  private frameWhole(chunk: Buffer, from: number, to: number, out: LogLine[]): void {
    for (let start = from; start < to; ) {
      let end = to;
      if (to - start > SEGMENT_BYTES) {
        end = chunk.lastIndexOf(NEWLINE, start + SEGMENT_BYTES - 1) + 1;
        if (end <= start) end = chunk.indexOf(NEWLINE, start + SEGMENT_BYTES) + 1;
      }
      this.frameSegment(chunk, start, end, out);
      start = end;
    }
  }

  /**
   * Frames chunk[from, to), which ends with a newline: valid text with one decode where possible
   * (see segment-lines.ts), anything else line by line.
   */
  private frameSegment(chunk: Buffer, from: number, to: number, out: LogLine[]): void {
    const base = this.pendingStart - from;
    const region = chunk.subarray(from, to);
    const ascii = isAscii(region);
    if (!ascii && !isUtf8(region)) this.frameByteWise(chunk, from, to, out);
    else if (this.ownText) ownTextLines(chunk, from, to, ascii, base, this.target, out);
    else slicedLines(chunk, from, to, ascii, base, this.target, out);
    this.pendingStart = to + base;
  }

  private frameByteWise(chunk: Buffer, from: number, to: number, out: LogLine[]): void {
    const base = this.pendingStart - from;
    for (let i = from; i < to; ) {
      const nl = chunk.indexOf(NEWLINE, i);
      this.emitBytes(chunk.subarray(i, nl), i + base, 1, out);
      i = nl + 1;
    }
    this.pendingStart = to + base;
  }

  /** Emits one line given as bytes (without its \n), cutting it at the cap if needed. */
  private emitBytes(bytes: Buffer, offset: number, terminator: number, out: LogLine[], partial = false): void {
    let rest = bytes;
    let at = offset;
    while (rest.length > this.maxLineBytes) {
      const cut = utf8Boundary(rest, this.maxLineBytes);
      this.emitPiece(rest.subarray(0, cut), at, cut, out);
      at += cut;
      rest = rest.subarray(cut);
    }
    const body = !partial && rest.length > 0 && rest[rest.length - 1] === CR ? rest.subarray(0, -1) : rest;
    const line: { -readonly [K in keyof LogLine]: LogLine[K] } = { text: this.decode(body), path: this.path, offset: at, end: at + rest.length + terminator, seq: this.seq.next++ };
    if (partial) line.partial = true;
    out.push(line);
    this.pendingStart = at + rest.length + terminator;
  }

  private emitPiece(bytes: Buffer, offset: number, length: number, out: LogLine[]): void {
    this.stats.splitLines++;
    out.push({ text: this.decode(bytes), path: this.path, offset, end: offset + length, seq: this.seq.next++, split: true });
    this.pendingStart = offset + length;
  }

  private decode(bytes: Buffer): string {
    if (!isUtf8(bytes)) this.stats.invalidUtf8Lines++;
    return bytes.toString('utf8');
  }
}
