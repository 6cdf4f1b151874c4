// Options, hints and events of FileWatcher.

/** Which backend to use: OS events with a polling fallback (`auto`), events only, or polling only. */
export type WatcherMode = 'auto' | 'native' | 'poll';

/** The backend a watcher is running on now. */
export type WatcherBackend = 'native' | 'poll';

/** "This path may have changed": a hint to look, never a count of writes. */
export interface WatchHint {
  readonly path: string;
  /** What produced the hint: an OS event, a poll or reconcile stat that saw a change, or a re-created directory. */
  readonly reason: 'change' | 'rename' | 'poll' | 'reconcile' | 'directory';
}

/** Something the watcher wants its owner to know (it keeps working). */
export type WatcherEvent =
  | { readonly type: 'fallback-to-poll'; readonly path: string; readonly reason: string; readonly error?: Error }
  | { readonly type: 'directory-missing'; readonly path: string; readonly directory: string }
  | { readonly type: 'directory-restored'; readonly path: string; readonly directory: string };

/** Callbacks of a {@link FileWatcher}. */
export interface FileWatcherHandlers {
  onHint(hint: WatchHint): void;
  onEvent?(event: WatcherEvent): void;
  onError?(error: Error): void;
}

/** Options of a {@link FileWatcher}. */
export interface FileWatcherOptions {
  /** @default 'auto' */
  mode?: WatcherMode;
  /** Poll period in `poll` mode, and while waiting for a missing folder. @default 500 */
  pollIntervalMs?: number;
  /**
   * Period of the safety-net stat in `native` and `auto` mode that catches lost events. A stat
   * costs tens of microseconds here, so following hundreds of idle files often would cost more
   * CPU than the events save. @default 10000
   */
  reconcileIntervalMs?: number;
  /**
   * Testing and diagnosis only: receive OS events but drop them all, as a kernel that
   * overflowed its queue would, so that only the reconcile stat finds changes. @default false
   */
  simulateEventLoss?: boolean;
}

/** @default 500 */
export const DEFAULT_POLL_INTERVAL_MS = 500;
/** @default 10000 */
export const DEFAULT_RECONCILE_INTERVAL_MS = 10_000;
