// A cheap summary of a path's stat, compared between ticks to notice changes without events.
import { statSync } from 'node:fs';

/** Identity, size, times and mode of one stat; all zero when the path is missing or unreadable. */
export interface FileSignature {
  ino: number;
  size: number;
  mtimeMs: number;
  ctimeMs: number;
  mode: number;
}

const MISSING: FileSignature = { ino: 0, size: 0, mtimeMs: 0, ctimeMs: 0, mode: 0 };

/** Stats `path` (following symlinks) and summarises it; never throws. */
export function signatureOf(path: string): FileSignature {
  try {
    const st = statSync(path, { throwIfNoEntry: false });
    return st ? { ino: st.ino, size: st.size, mtimeMs: st.mtimeMs, ctimeMs: st.ctimeMs, mode: st.mode } : MISSING;
  } catch {
    return MISSING;
  }
}

/** True when two signatures describe the same state. */
export function sameSignature(a: FileSignature | undefined, b: FileSignature): boolean {
  return a !== undefined && a.ino === b.ino && a.size === b.size && a.mtimeMs === b.mtimeMs && a.ctimeMs === b.ctimeMs && a.mode === b.mode;
}
