// One fs.watch per directory, shared by every file followed in it; events are routed by file name.
import { watch, type FSWatcher } from 'node:fs';

/** What a directory watch reports to one listener. */
export interface DirectoryWatchListener {
  /** A change or rename event for the listener's file name (or an event without a name). */
  onEvent(kind: 'change' | 'rename'): void;
  /** The watch failed after it started (the listener should fall back to polling). */
  onError(error: Error): void;
  /** The folder was replaced by a new one at the same path, now watched anew: attach again. */
  onReplaced(): void;
}

interface SharedWatch {
  watcher: FSWatcher;
  /** The inode of the folder this watch sees: a folder recreated at the path is another one. */
  ino: number;
  byName: Map<string, Set<DirectoryWatchListener>>;
  count: number;
}

const shared = new Map<string, SharedWatch>();

/** Listens to events for every name in the folder (no file can have an empty name). */
export const ANY_NAME = '';

/**
 * Starts listening for events on `name` in `dir`. Throws the fs.watch error (ENOENT, ENOSPC,
 * EMFILE, EPERM…) when the directory cannot be watched. Returns the function that stops.
 */
export function watchInDirectory(dir: string, dirIno: number, name: string, listener: DirectoryWatchListener): () => void {
  let entry = shared.get(dir);
  const stale = entry && entry.ino !== dirIno ? entry : undefined;
  if (!entry || stale) entry = openWatch(dir, dirIno);
  // The old folder's watch hears nothing any more: move its other listeners to the new one.
  if (stale) for (const set of [...stale.byName.values()]) for (const l of [...set]) if (l !== listener) l.onReplaced();
  let set = entry.byName.get(name);
  if (!set) {
    set = new Set();
    entry.byName.set(name, set);
  }
  set.add(listener);
  entry.count++;
  const owner = entry;
  let stopped = false;
  return () => {
    if (stopped) return;
    stopped = true;
    const listeners = owner.byName.get(name);
    listeners?.delete(listener);
    if (listeners?.size === 0) owner.byName.delete(name);
    if (--owner.count === 0) {
      owner.watcher.close();
      if (shared.get(dir) === owner) shared.delete(dir);
    }
  };
}

function openWatch(dir: string, ino: number): SharedWatch {
  const byName = new Map<string, Set<DirectoryWatchListener>>();
  const watcher = watch(dir, { persistent: true }, (kind, filename) => {
    const name = filename === null ? null : String(filename);
    const event = kind === 'rename' ? 'rename' : 'change';
    if (name === null) {
      for (const set of byName.values()) for (const l of set) l.onEvent(event);
      return;
    }
    const set = byName.get(name);
    if (set) for (const l of set) l.onEvent(event);
    const all = byName.get(ANY_NAME);
    if (all) for (const l of all) l.onEvent(event);
  });
  const entry: SharedWatch = { watcher, ino, byName, count: 0 };
  watcher.on('error', (error) => {
    if (shared.get(dir) === entry) shared.delete(dir);
    watcher.close();
    for (const set of byName.values()) for (const l of set) l.onError(error);
  });
  shared.set(dir, entry);
  return entry;
}

/** How many directory watches are open (for leak checks in tests). */
export function activeDirectoryWatchCount(): number {
  return shared.size;
}
