// The lines the browser holds: every record that arrived (up to a cap, oldest dropped first),
// and the filtered view of them, kept up to date as records arrive.
import type { LogRecord } from '@logstream/core';
import type { ViewFilters } from './view-filters.js';

/** Records held at most; past it the oldest go (a merged live view of many busy files). @default 1000000 */
export const DEFAULT_STORE_CAPACITY = 1_000_000;

/**
 * An append-only list of records with a filtered view. Indices into the view are what the
 * browser scrolls over; `absolute` numbers count every record ever added (for `:N`).
 */
export class RecordStore {
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
    let lo = 0;
    let hi = this.visible.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((this.visible[mid] as number) < abs) lo = mid + 1;
      else hi = mid;
    }
    return Math.min(lo, Math.max(0, this.visible.length - 1));
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

  /** The view index of the next (dir 1) or previous (dir -1) record from `from` that satisfies `test`, or undefined. */
  find(from: number, dir: 1 | -1, test: (r: LogRecord) => boolean, limit = Infinity): number | undefined {
    let steps = 0;
    for (let i = from; i >= 0 && i < this.count && steps < limit; i += dir, steps++) {
      const r = this.get(i);
      if (r && test(r)) return i;
    }
    return undefined;
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
