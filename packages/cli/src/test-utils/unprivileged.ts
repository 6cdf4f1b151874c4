// Running a test's child as `nobody`, so that file permissions bind (root reads everything).
import { existsSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { CLI_BIN } from './cli-process.js';

const NOBODY = 65534;

/** True when `nobody` can read `file`: every folder above it searchable by others, the file readable. */
function nobodyCanRead(file: string): boolean {
  try {
    if ((statSync(file).mode & 0o004) === 0) return false;
    for (let dir = dirname(file); ; dir = dirname(dir)) {
      const st = statSync(dir);
      if (st.uid !== NOBODY && (st.mode & 0o001) === 0) return false;
      if (dirname(dir) === dir) return true;
    }
  } catch {
    return false;
  }
}

/**
 * The command prefix that runs a child as `nobody` (setpriv execs in place, so the child killed
 * after a test is the program itself), or undefined where that cannot be done: not root, no
 * setpriv, or a repository `nobody` cannot read (CI may clone it anywhere).
 */
export const AS_NOBODY: string[] | undefined =
  process.getuid?.() === 0 && existsSync('/usr/bin/setpriv') && nobodyCanRead(CLI_BIN)
    ? ['/usr/bin/setpriv', `--reuid=${NOBODY}`, `--regid=${NOBODY}`, '--clear-groups', '--']
    : undefined;
