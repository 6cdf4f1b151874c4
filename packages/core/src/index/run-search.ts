// The body of the search worker, as a plain function of its job and a way to post: reads the
// file with blocking positional reads (it has a thread of its own) and posts matches in batches.
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { errnoCode } from '../errors/log-stream-error.js';
import { lineMatcher } from './line-matcher.js';
import { MatchScanner, type FileMatch } from './match-scanner.js';
import { CONTROL_ACKED, CONTROL_STOP, type SearchJob, type WorkerMessage } from './search-types.js';
import { NEWLINE } from '../framing/byte-ranges.js';

/** Batches posted but not yet taken by the main thread, at most: bounds memory when it is slow. */
const MAX_BATCHES_IN_FLIGHT = 4;

/** Runs `job` to its end, or until the main thread asks it to stop, posting everything through `post`; never throws. */
export function runSearch(job: SearchJob, post: (message: WorkerMessage) => void): void {
  let fd: number;
  try {
    fd = openSync(job.path, 'r');
  } catch (error) {
    post({ type: 'error', code: 'ERR_FILE_ACCESS', errno: errnoCode(error), message: String(error) });
    return;
  }
  try {
    const stats = fstatSync(fd);
    if (stats.isFile()) search(job, fd, stats.size, post);
    else post({ type: 'error', code: 'ERR_NOT_A_FILE', errno: undefined, message: stats.isDirectory() ? 'directory' : 'special file' });
  } catch (error) {
    post({ type: 'error', code: 'ERR_READ', errno: errnoCode(error), message: String(error) });
  } finally {
    closeSync(fd);
  }
}

function search(job: SearchJob, fd: number, size: number, post: (message: WorkerMessage) => void): void {
  const control = new Int32Array(job.control);
  const stopped = () => Atomics.load(control, CONTROL_STOP) !== 0;
  const buffer = Buffer.allocUnsafe(job.chunkBytes);
  let batch: FileMatch[] = [];
  let sent = 0;
  let matches = 0;
  const flush = () => {
    if (batch.length === 0) return;
    // The main thread wakes this wait both when it takes a batch and when it asks the search to stop.
    for (let taken = Atomics.load(control, CONTROL_ACKED); sent - taken >= MAX_BATCHES_IN_FLIGHT && !stopped(); taken = Atomics.load(control, CONTROL_ACKED)) {
      Atomics.wait(control, CONTROL_ACKED, taken, 1000);
    }
    if (stopped()) return;
    post({ type: 'matches', matches: batch });
    sent++;
    batch = [];
  };
  const scanner = new MatchScanner(lineMatcher(job.pattern), job.maxLineBytes, (match) => {
    if (matches >= job.maxMatches) return;
    batch.push(match);
    matches++;
    if (batch.length >= job.batchSize) flush();
  }, job.fromLine);
  const start = job.fromOffset ?? skipLines(fd, buffer, job.fromLine, size, stopped);
  let position = start;
  const progress = () => ({ bytes: Math.max(0, position - start), total: Math.max(0, size - start), lines: scanner.line - job.fromLine, matches });
  post({ type: 'progress', ...progress() });
  while (position < size && matches < job.maxMatches && !stopped()) {
    const read = readSync(fd, buffer, 0, Math.min(buffer.length, size - position), position);
    if (read === 0) break;
    const used = scanner.scan(buffer.subarray(0, read), position);
    if (used > 0) {
      position += used;
    } else {
      // No `\n` in a whole chunk: one line longer than a chunk, or the unfinished last line.
      const line = readLongLine(fd, buffer, position, size, job.maxLineBytes, stopped);
      if (line.length > 0 || !line.partial) scanner.test(line.head, line.length, position, line.end, line.partial);
      position = line.end;
    }
    flush();
    post({ type: 'progress', ...progress() });
  }
  flush();
  if (!stopped()) post({ type: 'done', limited: matches >= job.maxMatches, ...progress() });
}

/** The line at `start` that no chunk holds whole: its first `cap + 1` bytes, its length, where it ends (or where reading stopped, when asked to). */
function readLongLine(fd: number, buffer: Buffer, start: number, size: number, cap: number, stopped: () => boolean) {
  const pieces: Buffer[] = [];
  let kept = 0;
  let at = start;
  while (at < size && !stopped()) {
    const read = readSync(fd, buffer, 0, Math.min(buffer.length, size - at), at);
    if (read === 0) break;
    const newline = buffer.subarray(0, read).indexOf(NEWLINE);
    const take = Math.min(newline === -1 ? read : newline, cap + 1 - kept);
    if (take > 0) pieces.push(Buffer.from(buffer.subarray(0, take)));
    kept += take;
    if (newline !== -1) return { head: Buffer.concat(pieces), length: at + newline - start, end: at + newline + 1, partial: false };
    at += read;
  }
  // The end of the file (or of what is left of it) came first: the unfinished last line.
  return { head: Buffer.concat(pieces), length: at - start, end: Math.max(at, size), partial: true };
}

/** Offset of line `count` (the start after `count` newlines), or `size` if the file has fewer (or the search was stopped). */
function skipLines(fd: number, buffer: Buffer, count: number, size: number, stopped: () => boolean): number {
  let left = count;
  for (let at = 0; left > 0 && at < size && !stopped(); ) {
    const read = readSync(fd, buffer, 0, Math.min(buffer.length, size - at), at);
    if (read === 0) break;
    const view = buffer.subarray(0, read);
    for (let i = view.indexOf(NEWLINE); i !== -1; i = view.indexOf(NEWLINE, i + 1)) {
      if (--left === 0) return at + i + 1;
    }
    at += read;
  }
  return left === 0 ? 0 : size;
}
