// Options, events, subscribers and statistics of a LogStream.
import type { LogStreamError } from '../errors/log-stream-error.js';
import type { LogBytesInfo } from '../framing/log-batch.js';
import type { LogLine } from '../framing/log-line.js';
import type { WatcherEvent, WatcherMode } from '../watch/watch-types.js';

/** Where reading starts when the stream first opens a file that already exists. */
export type StartPosition = 'end' | 'beginning' | { readonly lines: number } | { readonly offset: number };

/** Options of a {@link LogStream}. */
export interface LogStreamOptions {
  /**
   * Where to start in a file that exists when watching begins. `'end'` starts after the last
   * complete line (an unfinished last line is delivered whole once it ends). A file that appears
   * later, or replaces the followed one, is always read from byte 0.
   * @default 'end'
   */
  start?: StartPosition;
  /** @default 'auto' */
  watcher?: WatcherMode;
  /** Stat period when polling (and while a folder is missing); also how often a rotated-away file is re-read. @default 500 */
  pollIntervalMs?: number;
  /** Period of the safety-net stat that catches lost OS events. @default 10000 */
  reconcileIntervalMs?: number;
  /** Testing only: drop every OS event so only the reconcile stat finds changes. @default false */
  simulateEventLoss?: boolean;
  /** `false`: deliver what the file holds now (an unfinished last line included), emit `end`, stop. @default true */
  follow?: boolean;
  /** Lines longer than this many bytes are delivered as pieces marked `split`. @default 1048576 */
  maxLineBytes?: number;
  /** Deliver an unfinished line (marked `partial`) once it has waited this long; off when undefined. */
  partialLineFlushMs?: number;
  /** How long a rotated-away or deleted file is kept open and re-read after it last grew. @default 10000 */
  rotationGraceMs?: number;
  /** Aborting closes the stream. */
  signal?: AbortSignal;
}

/** Why a stream waits: nothing at the path, something that is not a regular file, or a file it cannot open. */
export type WaitingReason = 'missing' | 'not-a-file' | 'unreadable';

/** Where the stream stands: no subscribers, waiting for the file, following it, or closed. */
export type LogStreamStatus = 'idle' | 'waiting' | 'following' | 'closed';

/** What happened to the followed file; delivered to every subscriber's `onEvent`. */
export type LogStreamEvent =
  | WatcherEvent
  | { readonly type: 'waiting'; readonly path: string; readonly reason: WaitingReason }
  | { readonly type: 'following'; readonly path: string; readonly offset: number }
  | { readonly type: 'rotated'; readonly path: string }
  | { readonly type: 'replaced'; readonly path: string }
  | {
      readonly type: 'truncated';
      readonly path: string;
      /** How far the stream had read before it noticed. */
      readonly previousOffset: number;
      /** The file's size when noticed. */
      readonly size: number;
      /** Where reading resumed: 0 (new content) or `size` (the old content was cut, nothing new). */
      readonly resumedAt: number;
      /** Bytes the file had beyond what was read when last seen: they may have been cut unread. */
      readonly unreadBytesLost: number;
    }
  /** A file rotated away (or deleted) was read to its end and released; `offset` is where reading ended. */
  | { readonly type: 'drained'; readonly path: string; readonly offset: number }
  | { readonly type: 'start-offset-beyond-end'; readonly path: string; readonly offset: number; readonly size: number }
  | { readonly type: 'end'; readonly path: string }
  | { readonly type: 'closed'; readonly path: string };

/** Any subset of these callbacks. `onLines`, `onLogContent` and `onLogBytes` may return a promise: reading waits for it. */
export interface LogStreamSubscriber {
  /** Whole lines, in order, each exactly once. */
  onLines?(lines: readonly LogLine[]): void | Promise<void>;
  /** The same lines joined, each ending in "\n". */
  onLogContent?(content: string): void | Promise<void>;
  /**
   * The same lines' bytes exactly as in the file: terminators (`\r\n`) kept, nothing decoded.
   * The fastest way to pass lines on unchanged: when no subscriber wants `onLines` or
   * `onLogContent`, lines are never decoded or allocated at all.
   *
   * `bytes` is lent, not given: it stays valid until the callback returns or, if it returns a
   * promise, until that promise settles; after that the stream reuses the memory. Copy it
   * (`Buffer.from(bytes)`) to keep it longer. A writer that hands it to a stream should return a
   * promise that settles once the stream has written it.
   */
  onLogBytes?(bytes: Buffer, info: LogBytesInfo): void | Promise<void>;
  onEvent?(event: LogStreamEvent): void;
  onError?(error: LogStreamError): void;
  /**
   * A hint from a subscriber that reads every character of every line, as a parser does: its
   * lines' texts are then strings of their own, not slices of one string decoded per batch.
   * Slices cost less to make but are slower to read; `parseRecords` and `mergeByTimestamp` set it.
   */
  readonly readsAllText?: boolean;
  /**
   * Memory to read the file into, for a subscriber that passes `onLogBytes` bytes on without
   * copying them (the CLI's output thread). The stream then reads into buffers it takes from
   * here and gives each back once it refers to it no more; `onLogBytes` gets views of them,
   * which the subscriber may keep until it reuses the buffer. The first subscriber with
   * `onLogBytes` that offers memory is used.
   */
  readonly readMemory?: ReadMemory;
}

/** Buffers a subscriber lends a stream to read into (see `LogStreamSubscriber.readMemory`). */
export interface ReadMemory {
  /**
   * A buffer of at least `size` bytes to read into, or undefined when none is free (the stream
   * then uses its own), or a promise of either: reading waits for it (a writer whose buffers are
   * all waiting to be written makes the stream wait, rather than read into memory it would copy).
   */
  take(size: number): Buffer | undefined | Promise<Buffer | undefined>;
  /** The stream refers to `buffer` no more (it may still be in use by the subscriber that got views of it). */
  giveBack(buffer: Buffer): void;
}

/** Returned by `subscribe`; `unsubscribe()` is safe to call twice and `using` calls it. */
export interface Subscription<S = LogStreamSubscriber> extends Disposable {
  readonly subscriber: S;
  unsubscribe(): void;
}

/** Counters of one stream since it was created. */
export interface LogStreamStats {
  lines: number;
  bytes: number;
  invalidUtf8Lines: number;
  splitLines: number;
  rotations: number;
  truncations: number;
}

/** Options of `LogStream.lines()`. */
export interface LinesOptions {
  signal?: AbortSignal;
  /** Lines queued before reading pauses. @default 10000 */
  highWaterMark?: number;
  /** Errors while iterating; without it they reach other subscribers or a process warning. */
  onError?(error: LogStreamError): void;
  onEvent?(event: LogStreamEvent): void;
}
