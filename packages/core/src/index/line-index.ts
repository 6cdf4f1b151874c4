// LineIndex: random access to the lines of a huge, growing log file through a sparse index of
// line starts, built in the background; the last screen is readable before the index is.
import { InvalidOptionError, LogStreamError, ReadError, errnoCode, isLogStreamError } from '../errors/log-stream-error.js';
import { closeDescriptor, statDescriptor, statPath } from '../stream/fs-ops.js';
import { lineStart, locate, readLines, readLinesAt, readTail, type ReadContext } from './index-reads.js';
import type { BuildOptions, IndexedLine, LineIndexOptions, NumberedLine, RefreshResult } from './index-types.js';
import { IndexScanner } from './index-scanner.js';
import { searchFile } from './search-file.js';
import type { SearchFileOptions, SearchResult } from './search-types.js';
import { indexSettings, openIndexedFile, type IndexSettings } from './open-indexed-file.js';

/**
 * A line index over one file, bound to the file it opened (after a rename rotation it keeps
 * indexing the renamed file: open a new one for the new file).
 *
 * @example
 * await using index = await LineIndex.open('/var/log/app.log');
 * show(await index.tail(50));                       // at once, numbers unknown yet
 * await index.build({ onProgress: (p) => bar(p.bytes / p.total) });
 * show(await index.lines(index.lineCount - 50, 50)); // numbered
 */
export class LineIndex implements AsyncDisposable {
  private readonly scanner: IndexScanner;
  private readonly pending = new Set<Promise<unknown>>();
  private closing: Promise<void> | undefined;

  private constructor(
    readonly path: string,
    private readonly fd: number,
    size: number,
    private readonly settings: IndexSettings,
  ) {
    this.scanner = new IndexScanner(fd, size, settings);
  }

  /** Opens `path` and reads its size; indexing starts with `build()`. */
  static async open(path: string, options: LineIndexOptions = {}): Promise<LineIndex> {
    const settings = indexSettings(options);
    const { fd, size } = await openIndexedFile(path, options.signal);
    return new LineIndex(path, fd, size, settings);
  }

  /** The file size last seen: at open, by `refresh()`, or when a build found the file shorter. */
  get size(): number {
    return this.scanner.size;
  }

  /** Complete lines indexed so far (an unfinished last line is not counted). */
  get lineCount(): number {
    return this.scanner.counter.lines;
  }

  /** True when every byte up to `size` is indexed. */
  get complete(): boolean {
    return this.scanner.complete;
  }

  /** Share of `size` indexed, 0…1. */
  get progress(): number {
    return this.scanner.progress.total === 0 ? 1 : this.scanner.progress.bytes / this.scanner.progress.total;
  }

  /** Bytes of memory the index itself holds (its typed arrays). */
  get indexBytes(): number {
    return this.scanner.counter.table.byteLength;
  }

  /**
   * Indexes the file up to its size, resuming where a previous build stopped. Resolves when
   * complete, or early when `signal` aborts (then `complete` is false).
   */
  build(options: BuildOptions = {}): Promise<void> {
    return this.track(() => this.scanner.build(options));
  }

  /** Looks at the file's size: indexes appended bytes (once a build completed), resets on truncation. */
  refresh(): Promise<RefreshResult> {
    return this.track(() => this.scanner.refresh());
  }

  /**
   * The last `count` complete lines, read backwards from the end: fast on any file size, before or
   * during `build()`. `number` is set once the index has reached those lines, else undefined.
   * With `partial`, an unfinished last line follows them (flagged `partial`).
   */
  tail(count: number, options: { partial?: boolean } = {}): Promise<IndexedLine[]> {
    checkCount(count, 'count');
    return this.track(() => readTail(this.context(), count, options.partial === true));
  }

  /** Up to `count` lines from line `from` (0-based), among the complete lines indexed so far. */
  lines(from: number, count: number): Promise<NumberedLine[]> {
    checkCount(from, 'from');
    checkCount(count, 'count');
    return this.track(() => readLines(this.context(), from, count));
  }

  /** Line `line` (0-based), or undefined if the index has not reached it. */
  async lineAt(line: number): Promise<NumberedLine | undefined> {
    return (await this.lines(line, 1))[0];
  }

  /** Up to `count` lines from the one holding byte `offset`; works before the index gets there. */
  linesAt(offset: number, count: number): Promise<IndexedLine[]> {
    checkCount(offset, 'offset');
    checkCount(count, 'count');
    return this.track(() => readLinesAt(this.context(), Math.min(offset, this.size), count));
  }

  /** The number of the line holding byte `offset`, or undefined while the index has not reached it. */
  async lineNumberAt(offset: number): Promise<number | undefined> {
    checkCount(offset, 'offset');
    return (await this.track(() => locate(this.context(), Math.min(offset, this.size)))).number;
  }

  /** Where line `line` starts, or undefined if the index has not reached it. */
  offsetOfLine(line: number): Promise<number | undefined> {
    checkCount(line, 'line');
    return this.track(() => lineStart(this.context(), line));
  }

  /** The start of the line holding byte `fraction × size` (0…1): a jump by bytes, as `less` does. */
  async offsetAtFraction(fraction: number): Promise<number> {
    checkFraction(fraction);
    if (this.size === 0) return 0;
    const target = Math.min(Math.floor(fraction * this.size), this.size - 1);
    return (await this.track(() => locate(this.context(), target))).start;
  }

  /** The line at `fraction` (0…1) of the lines indexed so far: a jump by lines. */
  lineAtFraction(fraction: number): number {
    checkFraction(fraction);
    return Math.max(0, Math.min(this.lineCount - 1, Math.floor(fraction * this.lineCount)));
  }

  /**
   * {@link searchFile} over this file with the index's line cap; `fromLine` is found through the
   * index, so the worker need not count lines up to it.
   */
  async search(pattern: RegExp | string, options: Omit<SearchFileOptions, 'fromOffset' | 'maxLineBytes'> = {}): Promise<SearchResult> {
    const fromLine = options.fromLine ?? 0;
    checkCount(fromLine, 'fromLine');
    const fromOffset = await this.offsetOfLine(fromLine);
    return searchFile(this.path, pattern, { ...options, fromOffset, maxLineBytes: this.settings.maxLineBytes });
  }

  /**
   * True while `path` still names the file this index opened; false once it was renamed, deleted
   * or replaced (then a new index shows what the path names now). Rejects only when the open
   * file itself cannot be stat'ed.
   */
  async isAtPath(): Promise<boolean> {
    const [mine, named] = await Promise.all([statDescriptor(this.fd), statPath(this.path)]);
    return named !== undefined && !(named instanceof Error) && named.dev === mine.dev && named.ino === mine.ino;
  }

  /** Stops indexing, waits for reads in flight and closes the file. Same promise on every call. */
  close(): Promise<void> {
    this.closing ??= (async () => {
      await this.scanner.stop();
      await Promise.allSettled([...this.pending]);
      await closeDescriptor(this.fd);
    })();
    return this.closing;
  }

  [Symbol.asyncDispose](): Promise<void> {
    return this.close();
  }

  private context(): ReadContext {
    const { maxLineBytes, blockBytes } = this.settings;
    return { fd: this.fd, counter: this.scanner.counter, size: this.size, maxLineBytes, blockBytes };
  }

  /** Runs `operation` unless closed; close() waits for it, so no read lands on a reused descriptor. */
  private track<T>(operation: () => Promise<T>): Promise<T> {
    if (this.closing) return Promise.reject(new LogStreamError('ERR_STREAM_CLOSED', `the LineIndex for ${this.path} is closed: open a new one`, { path: this.path }));
    // System errors of reads and stats become ReadError; anything else (a callback's) passes as is.
    const run = operation().catch((error: unknown) => {
      throw errnoCode(error) === undefined || isLogStreamError(error) ? error : new ReadError(this.path, error, { retrying: false });
    });
    this.pending.add(run);
    void run.finally(() => this.pending.delete(run)).catch(() => undefined);
    return run;
  }
}

function checkCount(value: number, name: string): void {
  if (!Number.isSafeInteger(value) || value < 0) throw new InvalidOptionError(`${name} must be a whole number ≥ 0, not ${String(value)}`);
}

function checkFraction(fraction: number): void {
  if (typeof fraction !== 'number' || !(fraction >= 0 && fraction <= 1)) throw new InvalidOptionError(`fraction must be between 0 and 1, not ${String(fraction)}`);
}
