// One file of any size, through the core's LineIndex: the last screen at once (read backwards),
// the forward index built in the background, lines read on demand and parsed for display,
// filters and searches as background scans.
import { LineIndex, LogParser, type IndexedLine, type LogLine, type LogRecord, type ParseOptions } from '@logstream/core';
import { LineCache, WINDOW, windowOf } from './line-cache.js';
import type { ViewFilters } from './view-filters.js';
import type { ScanControl, ViewSource } from './view-source.js';
import { firstIndexAtLeast } from './sorted-numbers.js';

/** Lines shown from the end before the index gets there. */
const TAIL_LINES = 500;
/** Looks at a growing file at most this often (about one frame). */
const GROW_INTERVAL_MS = 30;
/** Lines read per step of a filter or level scan. */
const SCAN_BLOCK = 4096;

export class IndexedFileView implements ViewSource {
  private readonly cache = new LineCache();
  private readonly loading = new Set<number>();
  private tail: LogRecord[] = [];
  private filtered: number[] | undefined;
  private filterRun: AbortController | undefined;
  private filterFraction = 0;
  private growing: Promise<void> | undefined;
  private growAgain = false;
  private growTimer: NodeJS.Timeout | undefined;
  private lastGrow = 0;

  private constructor(
    private readonly index: LineIndex,
    private readonly filters: ViewFilters,
    private readonly parse: ParseOptions,
    /** Lines were read, or `added` lines joined the view. */
    private readonly changed: (added: number) => void,
    /** Every line that joins the file, parsed (for the status bar's counts). */
    private readonly appended: (records: readonly LogRecord[]) => void,
  ) {}

  /** Opens `path`, reads its last screen, and starts indexing it in the background. */
  static async open(path: string, filters: ViewFilters, parse: ParseOptions, changed: (added: number) => void, appended: (records: readonly LogRecord[]) => void = () => undefined): Promise<IndexedFileView> {
    const holder: { view?: IndexedFileView } = {};
    const index = await LineIndex.open(path, { onTruncated: () => holder.view?.reset() });
    const view = new IndexedFileView(index, filters, parse, changed, appended);
    holder.view = view;
    view.tail = view.toRecords(await index.tail(TAIL_LINES));
    const opened = view;
    void index.build({ onProgress: () => changed(0) }).then(async () => {
      await opened.adoptTail();
      changed(0);
      // Bytes written while the build ran are indexed now.
      opened.grow();
    }, () => undefined);
    return view;
  }

  get path(): string {
    return this.index.path;
  }

  get count(): number {
    if (this.filtered) return this.filtered.length;
    return this.index.lineCount + (this.index.complete ? 0 : this.tail.length);
  }

  get progress(): string | undefined {
    if (!this.index.complete) return `indexing ${Math.floor(this.index.progress * 100)}%`;
    if (this.filterRun) return `filtering ${Math.floor(this.filterFraction * 100)}%`;
    return undefined;
  }

  /** View lines that come from the tail read before the index reached them. */
  get gapBefore(): number | undefined {
    return this.filtered || this.index.complete ? undefined : this.index.lineCount;
  }

  get(i: number): LogRecord | undefined {
    const n = this.filtered ? this.filtered[i] : i;
    if (n === undefined) return undefined;
    if (!this.filtered && n >= this.index.lineCount) return this.tail[n - this.index.lineCount];
    const record = this.cache.get(n);
    if (!record) this.load(windowOf(n));
    return record;
  }

  lineNumber(i: number): number | undefined {
    const n = this.filtered ? this.filtered[i] : i < this.index.lineCount ? i : undefined;
    return n === undefined ? undefined : n + 1;
  }

  indexOfLine(n: number): number {
    const line = Math.max(0, n - 1);
    if (!this.filtered) return Math.min(line, Math.max(0, this.count - 1));
    return Math.min(firstIndexAtLeast(this.filtered, line), Math.max(0, this.filtered.length - 1));
  }

  /** Re-scans the whole file with the filters, in the background, showing matches as they come. */
  refilter(): void {
    this.filterRun?.abort();
    this.filterRun = undefined;
    if (!this.filters.active) {
      this.filtered = undefined;
      return;
    }
    const run = new AbortController();
    this.filterRun = run;
    const filtered: number[] = [];
    this.filtered = filtered;
    this.filterFraction = 0;
    void (async () => {
      for (let from = 0; from < this.index.lineCount && !run.signal.aborted; from += SCAN_BLOCK) {
        for (const r of await this.readRecords(from, SCAN_BLOCK)) if (this.filters.passes(r)) filtered.push(r.line.seq - 1);
        this.filterFraction = from / Math.max(1, this.index.lineCount);
        this.changed(0);
      }
      if (this.filterRun === run) this.filterRun = undefined;
      this.changed(0);
    })().catch(() => undefined);
  }

  async find(from: number, dir: 1 | -1, test: (record: LogRecord) => boolean, control: ScanControl): Promise<number | undefined> {
    const start = from + dir;
    for (let at = start; at >= 0 && at < this.count && !control.signal.aborted; ) {
      const blockStart = dir > 0 ? at : Math.max(0, at - SCAN_BLOCK + 1);
      const records = await this.viewRecords(blockStart, Math.min(SCAN_BLOCK, this.count - blockStart));
      const order = dir > 0 ? records.keys() : [...records.keys()].reverse();
      for (const k of order) {
        const i = blockStart + k;
        if ((dir > 0 ? i >= at : i <= at) && test(records[k] as LogRecord)) return i;
      }
      at = dir > 0 ? blockStart + records.length : blockStart - 1;
      if (records.length === 0) break;
      control.onProgress(dir > 0 ? (at - start) / Math.max(1, this.count - start) : (start - at) / Math.max(1, start));
    }
    return undefined;
  }

  /** Forward, unfiltered: the core's search worker from the next line on; otherwise a scan here. */
  async search(pattern: RegExp, from: number, dir: 1 | -1, control: ScanControl): Promise<number | undefined> {
    const test = (r: LogRecord) => {
      pattern.lastIndex = 0;
      return pattern.test(r.line.text);
    };
    if (dir < 0 || this.filtered || !this.index.complete) return this.find(from, dir, test, control);
    let found: number | undefined;
    await this.index.search(pattern, {
      fromLine: Math.max(0, from + 1),
      maxMatches: 1,
      signal: control.signal,
      onMatches: (matches) => void (found ??= matches[0]?.number),
      onProgress: (p) => control.onProgress(p.bytes / Math.max(1, p.total)),
    });
    return found;
  }

  /**
   * The file grew (a hint from its LogStream): index the new lines, filter them, count them.
   * Hints are folded into one look per frame interval: a busy file sends hundreds a second.
   */
  grow(): void {
    if (this.growing || this.growTimer) {
      this.growAgain = true;
      return;
    }
    const wait = this.lastGrow + GROW_INTERVAL_MS - Date.now();
    if (wait > 0) {
      this.growTimer = setTimeout(() => {
        this.growTimer = undefined;
        this.grow();
      }, wait);
      return;
    }
    this.lastGrow = Date.now();
    this.growAgain = false;
    this.growing = this.look()
      .catch(() => undefined)
      .finally(() => {
        this.growing = undefined;
        // Hints that came meanwhile: one more look, at the pace above.
        if (this.growAgain) this.grow();
      });
  }

  /** Indexes what the file gained, reads and caches the new lines, and shows them. */
  private async look(): Promise<void> {
    const before = this.index.lineCount;
    if ((await this.index.refresh()) !== 'grew' || !this.index.complete) return;
    const added = this.index.lineCount - before;
    if (added <= 0) return;
    // The new lines are read (and kept) before the view scrolls to them, so a following view
    // never shows them blank while they load.
    const records = await this.readRecords(before, added);
    this.appended(records);
    this.cache.keepRecent(before, records);
    if (!this.filtered) return this.changed(added);
    let shown = 0;
    for (const r of records) {
      if (!this.filters.passes(r)) continue;
      this.filtered.push(r.line.seq - 1);
      shown++;
    }
    this.changed(shown);
  }

  /** True while the file's path still names the file this view shows (see LineIndex.isAtPath). */
  isAtPath(): Promise<boolean> {
    return this.index.isAtPath();
  }

  close(): Promise<void> {
    clearTimeout(this.growTimer);
    this.filterRun?.abort();
    return this.index.close();
  }

  private reset(): void {
    this.cache.clear();
    this.tail = [];
    if (this.filtered) this.refilter();
    this.changed(0);
  }

  /** Reads the lines of window `start` not cached yet (at the growing end, only the new ones). */
  private load(start: number): void {
    if (this.loading.has(start)) return;
    const end = Math.min(start + WINDOW, this.index.lineCount);
    let from = start;
    while (from < end && this.cache.has(from)) from++;
    if (from >= end) return;
    this.loading.add(start);
    void this.readRecords(from, end - from)
      .then((records) => {
        this.cache.remember(records);
        this.changed(0);
      }, () => undefined)
      .finally(() => this.loading.delete(start));
  }

  /** The index reached the end: the tail read first becomes numbered lines in the cache (no blank frame). */
  private async adoptTail(): Promise<void> {
    const tail = this.tail;
    const first = tail[0];
    const number = first ? await this.index.lineNumberAt(first.line.offset).catch(() => undefined) : undefined;
    if (number !== undefined) this.cache.remember(this.toRecords(tail.map((r, k) => ({ number: number + k, offset: r.line.offset, end: r.line.end, text: r.line.text }))));
    this.tail = [];
  }

  /** View records [from, from + count): through the filter list, or straight. */
  private async viewRecords(from: number, count: number): Promise<LogRecord[]> {
    if (!this.filtered) {
      if (from >= this.index.lineCount) return this.tail.slice(from - this.index.lineCount, from - this.index.lineCount + count);
      return this.readRecords(from, Math.min(count, this.index.lineCount - from));
    }
    const out: LogRecord[] = [];
    for (const n of this.filtered.slice(from, from + count)) out.push(...(await this.readRecords(n, 1)));
    return out;
  }

  private async readRecords(from: number, count: number): Promise<LogRecord[]> {
    return this.toRecords(await this.index.lines(from, count));
  }

  private toRecords(lines: readonly IndexedLine[]): LogRecord[] {
    const logLines: LogLine[] = lines.map((l) => ({ text: l.text, path: this.index.path, offset: l.offset, end: l.end, seq: (l.number ?? -1) + 1 }));
    return new LogParser(this.parse).parse(logLines);
  }
}
