// What the browser scrolls over: the lines of its view (filtered), by index, whatever holds them
// (records in memory for a merged set of files, a line index for one file of any size).
import type { LogRecord } from '@logstream/core';

/** How a long scan (search, jump to a level, filtering) reports and stops. */
export interface ScanControl {
  readonly signal: AbortSignal;
  onProgress(fraction: number): void;
}

export interface ViewSource {
  /** Lines in the view (those the filters let through). */
  readonly count: number;
  /** The record at view index `i`, or undefined while it is being read (drawn as a blank line). */
  get(i: number): LogRecord | undefined;
  /** The line's number in its file (from 1), for `:N`; undefined when not known yet. */
  lineNumber(i: number): number | undefined;
  /** The view index of the first line at or after line number `n` (from 1). */
  indexOfLine(n: number): number;
  /** The filters changed: recompute the view (possibly in the background). */
  refilter(): void;
  /** The next (dir 1) or previous (dir -1) view index from `from` (excluded) whose record passes `test`. */
  find(from: number, dir: 1 | -1, test: (record: LogRecord) => boolean, control: ScanControl): Promise<number | undefined>;
  /** The next or previous view index whose text matches `pattern` (a worker may do it). */
  search(pattern: RegExp, from: number, dir: 1 | -1, control: ScanControl): Promise<number | undefined>;
  /** Background work to show in the status bar (`indexing 40%`), if any. */
  readonly progress: string | undefined;
  /** The number of view lines at the end that are a fast first look (the tail before the index reached it). */
  readonly gapBefore?: number | undefined;
}
