// Finds where to start reading: the start of the last N lines, scanning backwards from the end.
import { readAt } from './fs-ops.js';
import { NEWLINE } from '../framing/byte-ranges.js';

const BLOCK = 64 * 1024;

/**
 * Offset of the first of the last `count` lines of a file of `size` bytes. An unfinished last
 * line counts as a line; `count` 0 gives the start of the unfinished last line (or `size`).
 * Scans at most `limit` bytes back for the lines it still needs before giving up at that point.
 */
export async function offsetOfLastLines(fd: number, size: number, count: number, limit = Number.MAX_SAFE_INTEGER): Promise<number> {
  if (size === 0) return 0;
  let end = size;
  const last = await readAt(fd, 1, size - 1);
  // A trailing newline ends the last line rather than starting an empty one; an unfinished
  // last line is itself one of the lines counted (and the one that `count` 0 starts at).
  const endsWithNewline = last[0] === NEWLINE;
  let needed = endsWithNewline ? count : Math.max(count, 1);
  if (needed === 0) return size;
  if (endsWithNewline) end = size - 1;
  const floor = Math.max(0, size - limit);
  while (end > floor) {
    const from = Math.max(floor, end - BLOCK);
    const block = await readAt(fd, end - from, from);
    for (let i = block.length - 1; i >= 0; i--) {
      if (block[i] === NEWLINE && --needed === 0) return from + i + 1;
    }
    end = from;
  }
  return floor;
}
