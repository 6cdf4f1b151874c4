// After numbered rotation (app.log → app.log.1 → app.log.2 …), finds the files that were created
// at the path and rotated away again before the stream could open them, oldest first.
import { readdir, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/** A file's device and inode as one key. */
export function identityKey(dev: number, ino: number): string {
  return `${dev}:${ino}`;
}

/**
 * Where the file `rotated` now sits as `<name>.K`, the numbered siblings `<name>.K-1` … `<name>.1`
 * are the generations written after it; returns those not in `known`, oldest first. Names that
 * are not numbered this way (dates, compression) are not guessed at.
 */
export async function findSkippedGenerations(path: string, rotated: { dev: number; ino: number }, known: ReadonlySet<string>): Promise<string[]> {
  const dir = dirname(path);
  const prefix = `${basename(path)}.`;
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return [];
  }
  const numbered: { n: number; path: string; key: string }[] = [];
  for (const name of names) {
    if (!name.startsWith(prefix) || !/^\d+$/.test(name.slice(prefix.length))) continue;
    const st = await stat(join(dir, name)).catch(() => undefined);
    if (st?.isFile()) numbered.push({ n: Number(name.slice(prefix.length)), path: join(dir, name), key: identityKey(st.dev, st.ino) });
  }
  const rotatedKey = identityKey(rotated.dev, rotated.ino);
  const at = numbered.find((f) => f.key === rotatedKey)?.n;
  if (at === undefined) return [];
  return numbered
    .filter((f) => f.n < at && !known.has(f.key))
    .sort((a, b) => b.n - a.n)
    .map((f) => f.path);
}
