// The lines the browser holds: every record that arrived (up to a cap, oldest dropped first),
// and the filtered view of them, kept up to date as records arrive.
import type { LogRecord } from '@logstream/core';
import type { ScanControl, ViewSource } from './view-source.js';
import type { ViewFilters } from './view-filters.js';
import { firstIndexAtLeast } from './sorted-numbers.js';

/** Records scanned per slice of a search, between which input is read. */
const SCAN_SLICE = 20_000;

/** Records held at most; past it the oldest go (a merged live view of many busy files). @default 1000000 */
export const DEFAULT_STORE_CAPACITY = 1_000_000;

/**
 * An append-only list of records with a filtered view. Indices into the view are what the
 * browser scrolls over; `absolute` numbers count every record ever added (for `:N`).
 */
export class RecordStore implements ViewSource {
  readonly progress = undefined;
  private records: LogRecord[] = [];
  /** Records dropped from the front (capacity). */
  private dropped = 0;
  /** Absolute numbers of the records the filters let through (all, when none is active). */
  private visible: number[] | undefined;

  constructor(
    private readonly filters: ViewFilters,
    readonly capacity = DEFAULT_STORE_CAPACITY,
  ) {}

  /** Records in the view. */
  get count(): number {
    return this.visible ? this.visible.length : this.records.length;
  }

  /** Every record held (unfiltered). */
  get total(): number {
    return this.records.length;
  }

  /** How many records were dropped from the front because of the cap. */
  get droppedCount(): number {
    return this.dropped;
  }

  /** The record at view index `i`. */
  get(i: number): LogRecord | undefined {
    const abs = this.visible ? this.visible[i] : i + this.dropped;
    return abs === undefined ? undefined : this.records[abs - this.dropped];
  }

  /** The absolute number (from 1, counting every record ever added) of view index `i`. */
  lineNumber(i: number): number | undefined {
    const abs = this.visible ? this.visible[i] : i + this.dropped;
    return abs === undefined ? undefined : abs + 1;
  }

  /** The view index of the first record at or after absolute number `n` (from 1). */
  indexOfLine(n: number): number {
    const abs = Math.max(this.dropped, n - 1);
    if (!this.visible) return Math.min(abs - this.dropped, Math.max(0, this.records.length - 1));
    return Math.min(firstIndexAtLeast(this.visible, abs), Math.max(0, this.visible.length - 1));
  }

  /** Adds records; returns how many of them the view shows. */
  add(records: readonly LogRecord[]): number {
    let shown = 0;
    const base = this.dropped + this.records.length;
    for (let k = 0; k < records.length; k++) {
      const r = records[k] as LogRecord;
      this.records.push(r);
      if (!this.visible) shown++;
      else if (this.filters.passes(r)) {
        this.visible.push(base + k);
        shown++;
      }
    }
    if (this.records.length > this.capacity) this.trim();
    return shown;
  }

  /** Recomputes the view after the filters changed. */
  refilter(): void {
    if (!this.filters.active) {
      this.visible = undefined;
      return;
    }
    const visible: number[] = [];
    for (let i = 0; i < this.records.length; i++) if (this.filters.passes(this.records[i] as LogRecord)) visible.push(i + this.dropped);
    this.visible = visible;
  }

  /** Scans in slices from `from` (excluded), reading input between them, until `test` passes. */
  async find(from: number, dir: 1 | -1, test: (r: LogRecord) => boolean, control: ScanControl): Promise<number | undefined> {
    const start = from + dir;
    for (let at = start; at >= 0 && at < this.count; ) {
      for (let steps = 0; steps < SCAN_SLICE && at >= 0 && at < this.count; steps++, at += dir) {
        const r = this.get(at);
        if (r && test(r)) return at;
      }
      if (control.signal.aborted) return undefined;
      control.onProgress(dir > 0 ? (at - start) / Math.max(1, this.count - start) : (start - at) / Math.max(1, start));
      await new Promise((resolve) => setImmediate(resolve));
      if (control.signal.aborted) return undefined;
    }
    return undefined;
  }

  search(pattern: RegExp, from: number, dir: 1 | -1, control: ScanControl): Promise<number | undefined> {
    return this.find(from, dir, (r) => {
      pattern.lastIndex = 0;
      return pattern.test(r.line.text);
    }, control);
  }

  private trim(): void {
    const cut = this.records.length - Math.floor(this.capacity * 0.9);
    this.records = this.records.slice(cut);
    this.dropped += cut;
    if (this.visible) {
      let k = 0;
      while (k < this.visible.length && (this.visible[k] as number) < this.dropped) k++;
      this.visible = this.visible.slice(k);
    }
  }
}
