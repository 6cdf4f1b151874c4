// Options, events and subscribers of a MultiLogStream.
import type { LogStreamError } from '../errors/log-stream-error.js';
import type { LogBytesInfo } from '../framing/log-batch.js';
import type { LogLine } from '../framing/log-line.js';
import type { LogStreamEvent, LogStreamOptions, ReadMemory } from '../stream/stream-types.js';

/** Options of a {@link MultiLogStream}: those of each file's LogStream, and how files are found. */
export interface MultiLogStreamOptions extends Omit<LogStreamOptions, 'signal'> {
  /**
   * Where to start in the files found when watching begins (see LogStreamOptions.start). Files
   * that appear later are read from their first byte.
   * @default 'end'
   */
  start?: LogStreamOptions['start'];
  /** How often folders are looked at again in case an OS event was lost. @default 1000 */
  rescanIntervalMs?: number;
  /** File names a folder or glob never picks up; `null` picks up everything. @default DEFAULT_EXCLUDED_NAMES */
  exclude?: RegExp | null;
  /** The folder relative names are resolved against. @default process.cwd() */
  cwd?: string;
  /** Aborting closes the stream. */
  signal?: AbortSignal;
}

/** What happened to the set of files, or to one of them (each event names its path). */
export type MultiLogStreamEvent =
  | LogStreamEvent
  /** A file joined the set (found at the start, or appeared later). */
  | { readonly type: 'file-added'; readonly path: string }
  /** A file found by a folder or glob is gone, was read to its end, and has been released. */
  | { readonly type: 'file-removed'; readonly path: string };

/** Any subset of these callbacks; the data callbacks may return a promise (that file's reading waits for it). */
export interface MultiLogStreamSubscriber {
  /** Whole lines of one file, in order (`line.path` says which). */
  onLines?(lines: readonly LogLine[]): void | Promise<void>;
  /** The same lines joined, each ending in "\n" (one file per call). */
  onLogContent?(content: string, path: string): void | Promise<void>;
  /** The lines' bytes, lent as in LogStream (`info.path` says which file). */
  onLogBytes?(bytes: Buffer, info: LogBytesInfo): void | Promise<void>;
  onEvent?(event: MultiLogStreamEvent): void;
  onError?(error: LogStreamError): void;
  /** As in LogStream: this subscriber reads every character of every line (a parser). */
  readonly readsAllText?: boolean;
  /** As in LogStream: memory to read files into, shared by every file of the set. */
  readonly readMemory?: ReadMemory;
}
