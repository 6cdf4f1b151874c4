// The background half of the index: reads the file forward in big chunks with async positional
// reads and counts newlines, reading the next chunk while the current one is scanned.
import { readInto } from '../stream/fs-ops.js';
import type { LineCounter } from './line-counter.js';

/** What a forward scan reads, feeds and asks. */
export interface ScanJob {
  readonly fd: number;
  readonly counter: LineCounter;
  readonly chunkBytes: number;
  /** The file size to reach (it may grow while the scan runs). */
  size(): number;
  /** True once the scan must end: stop requested, index closed, or reset by a truncation. */
  stopped(): boolean;
  /** After each chunk, with the chunk just scanned (lent: valid during the call). */
  scanned(chunk: Buffer): void;
  /** A read found the end of the file before `size()`: the file shrank. */
  shrank(): Promise<void>;
}

/**
 * Scans from `counter.scanned` to `size()`. Returns when there, when stopped, or after a short
 * read was reported; the caller decides whether to go on.
 */
export async function scanForward(job: ScanJob): Promise<void> {
  let current = Buffer.allocUnsafe(job.chunkBytes);
  let spare = Buffer.allocUnsafe(job.chunkBytes);
  let at = job.counter.scanned;
  let pending = readChunk(job, current, at);
  try {
    while (pending) {
      const read = await pending;
      pending = undefined;
      if (job.stopped()) return;
      if (read === 0) return await job.shrank();
      const chunk = current.subarray(0, read);
      at += read;
      [current, spare] = [spare, current];
      // Read ahead into the other buffer while this chunk is scanned: the read runs on libuv's pool.
      pending = readChunk(job, current, at);
      job.counter.scan(chunk);
      job.scanned(chunk);
    }
  } finally {
    // An abandoned read-ahead must not turn into an unhandled rejection.
    pending?.catch(() => undefined);
  }
}

function readChunk(job: ScanJob, buffer: Buffer, at: number): Promise<number> | undefined {
  const length = Math.min(buffer.length, job.size() - at);
  return length > 0 ? readInto(job.fd, buffer, length, at) : undefined;
}
