// A cheap summary of a path's stat, compared between ticks to notice changes without events.
import { statSync } from 'node:fs';

/** Identity and size/time fields of one stat; `missing` when the path does not exist. */
export type FileSignature = string;

/** Stats `path` (following symlinks) and summarises it; never throws. */
export function signatureOf(path: string): FileSignature {
  try {
    const st = statSync(path, { throwIfNoEntry: false });
    if (!st) return 'missing';
    return `${st.dev}:${st.ino}:${st.size}:${st.mtimeMs}:${st.ctimeMs}:${st.mode}`;
  } catch (error) {
    return `error:${(error as NodeJS.ErrnoException).code ?? 'unknown'}`;
  }
}
