// The shapes a LineIndex hands out and takes, with the defaults named where they are defined.

/** Every this many lines, the index keeps the byte offset of a line start. @default 64 */
export const DEFAULT_INDEX_EVERY = 64;
/** …and at least every this many bytes, so a lookup never re-scans more than about this much. @default 65536 */
export const DEFAULT_INDEX_STRIDE_BYTES = 64 * 1024;
/** Lines longer than this (in bytes, without `\r\n`) are returned cut, with `cut: true`. @default 65536 */
export const DEFAULT_INDEX_MAX_LINE_BYTES = 64 * 1024;
/**
 * Bytes read at once while building the index. Scanning one chunk holds the event loop for about
 * a millisecond; 4 MiB chunks built no faster here and stalled the loop four times longer.
 * @default 1048576
 */
export const DEFAULT_INDEX_CHUNK_BYTES = 1024 * 1024;
/** Bytes read at once by lookups and by `tail()`. @default 65536 */
export const DEFAULT_INDEX_BLOCK_BYTES = 64 * 1024;

/** One line read through the index. */
export interface IndexedLine {
  /**
   * 0-based line number, or `undefined` while the forward index has not reached the line yet
   * (`tail()` and `linesAt()` before `build()` got there). A line is numbered by the count of
   * `\n` before it, so the numbers never change once known (until a truncation resets them).
   */
  readonly number: number | undefined;
  /** Byte offset of the line's first byte. Stable: use it to find the line again later. */
  readonly offset: number;
  /** Byte offset just past the line's `\n` (or the end of the file for an unfinished line). */
  readonly end: number;
  /** UTF-8 text without `\n` / `\r\n`; invalid bytes become U+FFFD. At most `maxLineBytes` bytes of it. */
  readonly text: string;
  /** Set when the line was longer than `maxLineBytes` and `text` holds only its beginning. */
  readonly cut?: true;
  /** Set on the unfinished last line (no `\n` yet), only returned when asked for. */
  readonly partial?: true;
}

/** A line whose number the index knows (what `lines()` returns). */
export interface NumberedLine extends IndexedLine {
  readonly number: number;
}

/** Where forward indexing stands. */
export interface IndexProgress {
  /** Bytes indexed. */
  readonly bytes: number;
  /** File size seen (the goal). */
  readonly total: number;
  /** Complete lines found so far. */
  readonly lines: number;
}

/** Reported when the file turned out shorter than what was indexed, or rewritten under it. */
export interface IndexTruncation {
  /** Bytes that had been indexed. */
  readonly previousSize: number;
  /** The file's size now; the index restarts empty from byte 0. */
  readonly size: number;
  readonly reason: 'shrunk' | 'rewritten';
}

export interface LineIndexOptions {
  /** Cancels opening. */
  signal?: AbortSignal;
  /** Keep one line start in this many. @default 64 ({@link DEFAULT_INDEX_EVERY}) */
  every?: number;
  /** Keep a line start at least every this many bytes. @default 65536 ({@link DEFAULT_INDEX_STRIDE_BYTES}) */
  strideBytes?: number;
  /** Cap on a returned line's text. @default 65536 ({@link DEFAULT_INDEX_MAX_LINE_BYTES}) */
  maxLineBytes?: number;
  /** Read size while building. @default 1 MiB ({@link DEFAULT_INDEX_CHUNK_BYTES}) */
  chunkBytes?: number;
  /** Read size of lookups and `tail()`. @default 64 KiB ({@link DEFAULT_INDEX_BLOCK_BYTES}) */
  blockBytes?: number;
  /** Called when a truncation or rewrite is found (by `refresh()` or while building); the index was reset. */
  onTruncated?: (event: IndexTruncation) => void;
}

export interface BuildOptions {
  /** Stops waiting; indexing pauses once no `build()` waits any more, and a later `build()` resumes it. */
  signal?: AbortSignal;
  /** Called after every chunk indexed. */
  onProgress?: (progress: IndexProgress) => void;
}

/** What `refresh()` found. */
export type RefreshResult = 'grew' | 'unchanged' | 'truncated';
