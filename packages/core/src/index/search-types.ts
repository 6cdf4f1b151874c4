// The options and results of a whole-file search, and the messages between it and its worker.
import type { PatternSpec } from './line-matcher.js';
import type { FileMatch } from './match-scanner.js';

/** Bytes the search worker reads at once (it has a thread of its own: no loop to keep responsive). @default 4194304 */
export const DEFAULT_SEARCH_CHUNK_BYTES = 4 * 1024 * 1024;
/** Matches sent per message at most. @default 256 */
export const DEFAULT_SEARCH_BATCH_SIZE = 256;

/** Where a search stands. */
export interface SearchProgress {
  /** Bytes searched so far… */
  readonly bytes: number;
  /** …of this many (from the start line to the file's size when the search began). */
  readonly total: number;
  /** Lines searched so far. */
  readonly lines: number;
  /** Matching lines found so far. */
  readonly matches: number;
}

export interface SearchFileOptions {
  /** Stops the search (the worker is terminated); the promise then resolves with `complete: false`. */
  signal?: AbortSignal;
  /** First line to search (0-based). @default 0 */
  fromLine?: number;
  /** Byte offset where `fromLine` starts, if known (`LineIndex.offsetOfLine`): saves counting lines up to it. */
  fromOffset?: number;
  /** For a string pattern: compare without case. (A RegExp brings its own flags.) @default false */
  ignoreCase?: boolean;
  /** Stop after this many matching lines. @default Infinity */
  maxMatches?: number;
  /** Same cap as the index's: longer lines are searched and returned cut. @default 65536 */
  maxLineBytes?: number;
  /** Read size of the worker. @default 4 MiB ({@link DEFAULT_SEARCH_CHUNK_BYTES}) */
  chunkBytes?: number;
  /** Matching lines, in file order, in batches. A returned promise is awaited before more are sent. */
  onMatches?: (matches: readonly FileMatch[]) => void | Promise<void>;
  /** After every chunk searched. */
  onProgress?: (progress: SearchProgress) => void;
  /**
   * The compiled worker script, for bundlers that move files around.
   * @default `search-worker.js` beside this module (see docs/line-index.md)
   */
  workerUrl?: URL;
}

/** How a search ended. */
export interface SearchResult extends SearchProgress {
  /** True when every line from `fromLine` to the end (as of the start) was searched. */
  readonly complete: boolean;
  /** Why it stopped early, when it did. */
  readonly stopped?: 'aborted' | 'limit';
}

/** What the worker is started with. */
export interface SearchJob {
  readonly path: string;
  readonly pattern: PatternSpec;
  readonly fromLine: number;
  readonly fromOffset: number | undefined;
  readonly maxMatches: number;
  readonly maxLineBytes: number;
  readonly chunkBytes: number;
  readonly batchSize: number;
  /** Int32[2]: at {@link CONTROL_ACKED}, batches the main thread has finished with (the worker waits when too far ahead); at {@link CONTROL_STOP}, 1 once the worker is to stop. */
  readonly control: SharedArrayBuffer;
}

/** Index in `SearchJob.control` of the count of batches taken. */
export const CONTROL_ACKED = 0;
/** Index in `SearchJob.control` of the stop request. */
export const CONTROL_STOP = 1;

/** What the worker sends back. */
export type WorkerMessage =
  | { readonly type: 'matches'; readonly matches: FileMatch[] }
  | ({ readonly type: 'progress' } & SearchProgress)
  | ({ readonly type: 'done'; readonly limited: boolean } & SearchProgress)
  | { readonly type: 'error'; readonly code: 'ERR_FILE_ACCESS' | 'ERR_NOT_A_FILE' | 'ERR_READ'; readonly errno: string | undefined; readonly message: string };
