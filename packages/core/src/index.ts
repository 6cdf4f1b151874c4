// The public surface of @logstream/core.
export { LogStream } from './stream/log-stream.js';
export type {
  LinesOptions,
  LogStreamEvent,
  LogStreamOptions,
  LogStreamStats,
  LogStreamStatus,
  LogStreamSubscriber,
  ReadMemory,
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
export { sharedReadBuffers } from './framing/count-newlines.js';

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

export { MultiLogStream, DEFAULT_RESCAN_INTERVAL_MS, DEFAULT_FOUND_FILE_RECONCILE_MS } from './compose/multi-log-stream.js';
export type { MultiLogStreamEvent, MultiLogStreamOptions, MultiLogStreamSubscriber } from './compose/multi-stream-types.js';
export { DEFAULT_EXCLUDED_NAMES, resolveSourcePatterns } from './compose/source-patterns.js';
export type { SourcePattern } from './compose/source-patterns.js';
export { compileGlob, hasGlobChars } from './compose/glob-pattern.js';
export type { GlobPattern } from './compose/glob-pattern.js';
export { RecordStream } from './compose/record-stream.js';
export type { LineSource, RecordSubscriber } from './compose/record-types.js';
export { parseRecords } from './compose/parse-records.js';
export { mergeByTimestamp, DEFAULT_MERGE_MAX_WAIT_MS } from './compose/merge-by-timestamp.js';
export type { MergeOptions } from './compose/merge-by-timestamp.js';
export { allOf, byLine, filterRecords, levelAtLeast, matchingLines, notMatchingLines, toRegExp } from './compose/record-filters.js';
export type { RecordPredicate } from './compose/record-filters.js';
export { LogSearchStream, findMatches } from './compose/log-search-stream.js';
export type { SearchMatch, SearchSubscriber } from './compose/log-search-stream.js';
export { ExecutionMonitor } from './compose/execution-monitor.js';
export type { ExecutionMonitorOptions, ExecutionSnapshot } from './compose/execution-monitor.js';

export { LOG_LEVELS, LogParser, createFormat, detectFormat, levelRank, parseLevel, parseTimestamp } from './parse/index.js';
export type { FormatName, LogFormat, LogLevel, LogRecord, ParseOptions, ParsedLine } from './parse/index.js';

export {
  LineIndex,
  searchFile,
  DEFAULT_INDEX_EVERY,
  DEFAULT_INDEX_STRIDE_BYTES,
  DEFAULT_INDEX_MAX_LINE_BYTES,
  DEFAULT_INDEX_CHUNK_BYTES,
  DEFAULT_INDEX_BLOCK_BYTES,
  DEFAULT_SEARCH_CHUNK_BYTES,
  DEFAULT_SEARCH_BATCH_SIZE,
} from './index/index.js';
export type { BuildOptions, IndexedLine, IndexProgress, IndexTruncation, LineIndexOptions, NumberedLine, RefreshResult, SearchFileOptions, SearchProgress, SearchResult, FileMatch, MatchRange } from './index/index.js';
