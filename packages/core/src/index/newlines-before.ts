// Finds the last newlines before an offset by reading blocks backwards: how tail() gets the last
// screen of a huge file without reading the rest of it.
import { readInto } from '../stream/fs-ops.js';
import { NEWLINE } from '../framing/byte-ranges.js';

/**
 * Offsets of up to `count` `\n` bytes in `[floor, end)`, nearest to `end` first. Reads blocks
 * of `blockBytes` backwards from `end`, and nothing before `floor`.
 */
export async function newlinesBefore(fd: number, end: number, count: number, blockBytes: number, floor = 0): Promise<number[]> {
  const found: number[] = [];
  if (count <= 0) return found;
  const block = Buffer.allocUnsafe(blockBytes);
  let blockEnd = end;
  while (blockEnd > floor) {
    const start = Math.max(floor, blockEnd - blockBytes);
    const read = await readInto(fd, block, blockEnd - start, start);
    // A short read means the file shrank under us: search what is there.
    const view = block.subarray(0, read);
    for (let i = view.lastIndexOf(NEWLINE); i !== -1; i = i === 0 ? -1 : view.lastIndexOf(NEWLINE, i - 1)) {
      found.push(start + i);
      if (found.length === count) return found;
    }
    blockEnd = start;
  }
  return found;
}
