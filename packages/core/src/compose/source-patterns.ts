// What each name given to a MultiLogStream means: one file (followed even while missing), a
// folder (the files directly in it) or a glob.
import { stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { compileGlob, hasGlobChars, type GlobPattern } from './glob-pattern.js';

/** One name given to a MultiLogStream, resolved. */
export type SourcePattern = { readonly kind: 'file'; readonly path: string } | { readonly kind: 'folder' | 'glob'; readonly glob: GlobPattern };

/**
 * Rotated generations and compressed files (`app.log.1`, `app.log.2.gz`, `app-20240101.log.gz`,
 * `app.log-20240101`, `app.log.old`): a folder or glob skips them, because their lines were read
 * while they were the live file (and a compressed file is not text).
 */
export const DEFAULT_EXCLUDED_NAMES = /(?:\.\d+|\.(?:gz|bz2|xz|zst|zip|lz4|z|tgz|old|bak|swp|tmp)|-\d{8}(?:\d{2})?|~)$/i;

/** Sorts out `names`: globs by their wildcards, folders by a stat, anything else is a file. */
export async function resolveSourcePatterns(names: readonly string[], cwd = process.cwd()): Promise<SourcePattern[]> {
  return Promise.all(
    names.map(async (name): Promise<SourcePattern> => {
      if (hasGlobChars(name)) return { kind: 'glob', glob: compileGlob(name, cwd) };
      const path = resolve(cwd, name);
      const st = await stat(path).catch(() => undefined);
      if (st?.isDirectory()) return { kind: 'folder', glob: compileGlob(join(path, '*'), cwd) };
      return { kind: 'file', path };
    }),
  );
}
