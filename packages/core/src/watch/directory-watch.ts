// One fs.watch per directory, shared by every file followed in it; events are routed by file name.
import { watch, type FSWatcher } from 'node:fs';

/** What a directory watch reports to one listener. */
export interface DirectoryWatchListener {
  /** A change or rename event for the listener's file name (or an event without a name). */
  onEvent(kind: 'change' | 'rename'): void;
  /** The watch failed after it started (the listener should fall back to polling). */
  onError(error: Error): void;
}

interface SharedWatch {
  watcher: FSWatcher;
  byName: Map<string, Set<DirectoryWatchListener>>;
  count: number;
}

const shared = new Map<string, SharedWatch>();

/**
 * Starts listening for events on `name` in `dir`. Throws the fs.watch error (ENOENT, ENOSPC,
 * EMFILE, EPERM…) when the directory cannot be watched. Returns the function that stops.
 */
export function watchInDirectory(dir: string, name: string, listener: DirectoryWatchListener): () => void {
  let entry = shared.get(dir);
  if (!entry) entry = openWatch(dir);
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

function openWatch(dir: string): SharedWatch {
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
  });
  const entry: SharedWatch = { watcher, byName, count: 0 };
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
