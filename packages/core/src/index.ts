// The public surface of @logstream/core.
export { LogStream } from './stream/log-stream.js';
export type {
  LinesOptions,
  LogStreamEvent,
  LogStreamOptions,
  LogStreamStats,
  LogStreamStatus,
  LogStreamSubscriber,
  StartPosition,
  Subscription,
  WaitingReason,
} from './stream/stream-types.js';
export type { FileState } from './stream/open-file.js';
export { DEFAULT_ROTATION_GRACE_MS } from './stream/resolve-options.js';
export { DEFAULT_HIGH_WATER_MARK } from './stream/line-iterator.js';

export { FileWatcher } from './watch/file-watcher.js';
export type { FileWatcherHandlers, FileWatcherOptions, WatchHint, WatcherBackend, WatcherEvent, WatcherMode } from './watch/watch-types.js';
export { DEFAULT_POLL_INTERVAL_MS, DEFAULT_RECONCILE_INTERVAL_MS } from './watch/watch-types.js';

export { LineFramer, DEFAULT_MAX_LINE_BYTES } from './framing/line-framer.js';
export type { FramerStats, SequenceCounter } from './framing/line-framer.js';
export type { LogLine } from './framing/log-line.js';
export type { LogBatch, LogBytesInfo, BatchWants } from './framing/log-batch.js';

export {
  FileAccessError,
  InvalidOptionError,
  LogStreamError,
  NotAFileError,
  ReadError,
  StreamClosedError,
  SubscriberError,
  WatchError,
  isLogStreamError,
} from './errors/log-stream-error.js';
export type { LogStreamErrorCode } from './errors/log-stream-error.js';
