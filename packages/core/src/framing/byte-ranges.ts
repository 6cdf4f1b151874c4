// Byte-level helpers of line framing: character-safe cuts, newline counts, and turning framed
// lines into batches with the file's raw bytes.
import type { LogBatch } from './log-batch.js';
import type { LogLine } from './log-line.js';

/** The byte that ends a line. */
export const NEWLINE = 0x0a;

/** The largest cut ≤ `limit` that does not split a UTF-8 character (falls back to `limit`). */
export function utf8Boundary(bytes: Buffer, limit: number): number {
  for (let cut = limit, back = 0; cut > 0 && back < 4; cut--, back++) {
    const byte = bytes[cut];
    if (byte === undefined || (byte & 0xc0) !== 0x80) return cut;
  }
  return limit;
}

/** A copy of the file bytes [first line's offset, last line's end) from what was held and the chunk. */
export function rawBytes(lines: LogLine[], held: Buffer | undefined, heldStart: number, chunk: Buffer, chunkStart: number): Buffer | undefined {
  const first = lines[0];
  const last = lines[lines.length - 1];
  if (!first || !last) return undefined;
  const fromChunk = chunk.subarray(Math.max(0, first.offset - chunkStart), Math.max(0, last.end - chunkStart));
  if (!held || first.offset >= chunkStart) return Buffer.from(fromChunk);
  return Buffer.concat([held.subarray(first.offset - heldStart, last.end - heldStart), fromChunk]);
}

export function toBatch(lines: LogLine[], bytes: Buffer | undefined): LogBatch | undefined {
  const first = lines[0];
  const last = lines[lines.length - 1];
  if (!first || !last) return undefined;
  return { lines, bytes, lineCount: lines.length, offset: first.offset, end: last.end, partial: last.partial === true };
}

