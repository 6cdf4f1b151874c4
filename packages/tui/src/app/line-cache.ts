// The parsed lines a single-file view keeps: windows of lines read on demand (least recently used
// leave first), and apart from them a ring of the lines last read at the file's growing end.
import type { LogRecord } from '@logstream/core';

/** Lines read and parsed together. */
export const WINDOW = 256;
/** Parsed lines kept at most in windows (windows used longest ago dropped first). */
const CACHE_LINES = 50_000;
/**
 * Lines kept from the growing end, apart from the windows: a following view shows them without a
 * read. They stay out of the windows because at thousands of new lines a second they would push
 * through them, and records living seconds there reach V8's old generation, whose collection cost
 * the live view about a third of its CPU (37 % → 24 % of a core in bench/browser.js).
 */
const RECENT_LINES = 1024;

/** Parsed lines by line number (0-based), as a view reads them. */
export class LineCache {
  private readonly lines = new Map<number, LogRecord>();
  /** Cached windows by start, least recently used first (a Map keeps insertion order). */
  private readonly windows = new Map<number, true>();
  /** The last lines read at the growing end (RECENT_LINES at most), from line `recentFirst`. */
  private recent: LogRecord[] = [];
  private recentFirst = 0;

  /** Line `n`, if kept; a window hit counts as a use. */
  get(n: number): LogRecord | undefined {
    const k = n - this.recentFirst;
    const recent = k >= 0 ? this.recent[k] : undefined;
    if (recent) return recent;
    const record = this.lines.get(n);
    const start = windowOf(n);
    if (record && this.windows.delete(start)) this.windows.set(start, true);
    return record;
  }

  /** True when line `n` is in a window (the ring does not count: a window read fills it in). */
  has(n: number): boolean {
    return this.lines.has(n);
  }

  /** Keeps lines read on demand; the windows used longest ago leave first. */
  remember(records: readonly LogRecord[]): void {
    let last = -1;
    for (const r of records) {
      const n = r.line.seq - 1;
      this.lines.set(n, r);
      const start = windowOf(n);
      if (start === last) continue;
      last = start;
      this.windows.delete(start);
      this.windows.set(start, true);
    }
    for (const old of this.windows.keys()) {
      if (this.windows.size * WINDOW <= CACHE_LINES) break;
      this.windows.delete(old);
      for (let n = old; n < old + WINDOW; n++) this.lines.delete(n);
    }
  }

  /** Keeps `records`, the lines from line `first` on, as the most recent lines of the file. */
  keepRecent(first: number, records: readonly LogRecord[]): void {
    const kept = first === this.recentFirst + this.recent.length ? this.recent.concat(records) : records.slice();
    const drop = Math.max(0, kept.length - RECENT_LINES);
    this.recentFirst = first + records.length - (kept.length - drop);
    this.recent = drop > 0 ? kept.slice(drop) : kept;
  }

  clear(): void {
    this.lines.clear();
    this.windows.clear();
    this.recent = [];
    this.recentFirst = 0;
  }
}

/** The first line of the window that holds line `n`. */
export function windowOf(n: number): number {
  return n - (n % WINDOW);
}
