// What one batch delivers: the lines it completed, as LogLine objects, as the file's raw bytes, or both.
import type { LogLine } from './log-line.js';

/** Which forms of a batch somebody wants; only those are made. */
export interface BatchWants {
  lines: boolean;
  bytes: boolean;
  /**
   * Each line's text decoded into a string of its own rather than a slice of one string decoded
   * for up to 64 KiB of lines: slower to make (about 0.1 µs a line), faster to read character by
   * character, as parsers do. Asked for by subscribers with `readsAllText`.
   */
  ownText?: boolean;
}

/** The lines completed by one batch of a read (or by one flush). */
export interface LogBatch {
  /** The lines, when somebody wants them. */
  readonly lines?: LogLine[] | undefined;
  /**
   * Their bytes exactly as in the file, when somebody wants them: a copy when lines are made too;
   * without lines, a view lent until the next batch (see `LineFramer.frameBatch`).
   */
  readonly bytes?: Buffer | undefined;
  readonly lineCount: number;
  /** Byte offset of the first line's start. */
  readonly offset: number;
  /** Byte offset just past the last line. */
  readonly end: number;
  /** The last line was delivered without its newline. */
  readonly partial: boolean;
}

/** What `onLogBytes` receives beside the bytes. */
export interface LogBytesInfo {
  readonly path: string;
  readonly offset: number;
  readonly end: number;
  /** Lines in the bytes (a line cut at the length cap counts once per piece). */
  readonly lineCount: number;
  /** The bytes end with a line delivered without its newline (see `LogLine.partial`). */
  readonly partial: boolean;
}
