// Decides where reading starts in a newly opened file: the configured start position the first
// time, the saved offset when resuming the same file, byte 0 for any other file.
import type { Stats } from 'node:fs';
import { readAt } from './fs-ops.js';
import { HEAD_BYTES, sharesPrefix, type FileState } from './open-file.js';
import type { ResolvedStreamOptions } from './resolve-options.js';
import { offsetOfLastLines } from './start-offset.js';
import type { LogStreamEvent } from './stream-types.js';

/** True when the file's first bytes match `head` over the shorter of the two (and that is not empty). */
export async function headMatches(fd: number, head: Buffer): Promise<boolean> {
  const now = await readAt(fd, HEAD_BYTES, 0);
  return now.length > 0 && head.length > 0 && sharesPrefix(now, head);
}

export async function initialOffset(
  fd: number,
  st: Stats,
  start: FileState | 'first' | 'new',
  options: ResolvedStreamOptions,
  emit: (event: LogStreamEvent) => void,
): Promise<number> {
  if (start === 'new') return 0;
  if (start !== 'first') {
    const same = st.dev === start.dev && st.ino === start.ino && start.offset <= st.size;
    return same && (start.offset === 0 || (await headMatches(fd, start.head))) ? start.offset : 0;
  }
  const wanted = options.start;
  if (wanted === 'beginning') return 0;
  if (wanted === 'end') return offsetOfLastLines(fd, st.size, 0, options.maxLineBytes);
  if ('lines' in wanted) return offsetOfLastLines(fd, st.size, wanted.lines);
  if (wanted.offset <= st.size) return wanted.offset;
  emit({ type: 'start-offset-beyond-end', path: options.path, offset: wanted.offset, size: st.size });
  return 0;
}
