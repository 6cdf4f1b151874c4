// ExecutionMonitor: a record subscriber that keeps what a status bar shows (counts per level,
// the first and latest error, lines per second) and calls back when an error appears.
import type { LogLevel, LogRecord } from '../parse/index.js';
import { LOG_LEVELS } from '../parse/index.js';
import type { RecordSubscriber } from './record-types.js';

/** Options of an {@link ExecutionMonitor}. */
export interface ExecutionMonitorOptions {
  /** Called with each error or fatal record (continuation lines of an error message are not repeated). */
  onErrorRecord?: (record: LogRecord, monitor: ExecutionMonitor) => void;
  /** The window over which lines per second is measured. @default 5000 */
  rateWindowMs?: number;
  /** Testing only: the clock. @default Date.now */
  now?: () => number;
}

/** What the monitor has seen; a copy, safe to keep. */
export interface ExecutionSnapshot {
  readonly total: number;
  /** Messages per level (continuation lines are not counted again); `unknown`: no level found. */
  readonly counts: Readonly<Record<LogLevel | 'unknown', number>>;
  readonly firstError: LogRecord | undefined;
  readonly latestError: LogRecord | undefined;
  /** Lines per second over the last `rateWindowMs`. */
  readonly linesPerSecond: number;
  readonly startedAt: number;
  readonly lastLineAt: number | undefined;
}

const BUCKET_MS = 250;

/**
 * @example
 * const monitor = new ExecutionMonitor({ onErrorRecord: (r) => notify(r.message) });
 * parseRecords(stream).subscribe(monitor);
 * setInterval(() => render(monitor.snapshot()), 1000);
 */
export class ExecutionMonitor implements RecordSubscriber {
  private readonly counts: Record<LogLevel | 'unknown', number> = Object.fromEntries([...LOG_LEVELS, 'unknown'].map((l) => [l, 0])) as Record<LogLevel | 'unknown', number>;
  private total = 0;
  private firstError: LogRecord | undefined;
  private latestError: LogRecord | undefined;
  private lastLineAt: number | undefined;
  private readonly startedAt: number;
  private readonly now: () => number;
  private readonly windowMs: number;
  /** Lines per BUCKET_MS slot over the window, as a ring. */
  private readonly buckets: number[];
  private bucketAt = 0;

  constructor(private readonly options: ExecutionMonitorOptions = {}) {
    this.now = options.now ?? Date.now;
    this.windowMs = options.rateWindowMs ?? 5000;
    this.buckets = new Array<number>(Math.max(1, Math.round(this.windowMs / BUCKET_MS))).fill(0);
    this.startedAt = this.now();
    this.bucketAt = Math.floor(this.startedAt / BUCKET_MS);
  }

  onRecords(records: readonly LogRecord[]): void {
    const now = this.now();
    this.advance(now);
    this.buckets[this.bucketAt % this.buckets.length] = (this.buckets[this.bucketAt % this.buckets.length] ?? 0) + records.length;
    this.total += records.length;
    if (records.length > 0) this.lastLineAt = now;
    for (const r of records) {
      if (r.continuation) continue;
      this.counts[r.level ?? 'unknown']++;
      if (r.level === 'error' || r.level === 'fatal') {
        this.firstError ??= r;
        this.latestError = r;
        this.options.onErrorRecord?.(r, this);
      }
    }
  }

  snapshot(): ExecutionSnapshot {
    const now = this.now();
    this.advance(now);
    const span = Math.min(this.windowMs, Math.max(BUCKET_MS, now - this.startedAt));
    const lines = this.buckets.reduce((a, b) => a + b, 0);
    return {
      total: this.total,
      counts: { ...this.counts },
      firstError: this.firstError,
      latestError: this.latestError,
      linesPerSecond: (lines * 1000) / span,
      startedAt: this.startedAt,
      lastLineAt: this.lastLineAt,
    };
  }

  /** Forgets everything seen so far (counts, errors, rate). */
  reset(): void {
    for (const key of Object.keys(this.counts) as (LogLevel | 'unknown')[]) this.counts[key] = 0;
    this.total = 0;
    this.firstError = undefined;
    this.latestError = undefined;
    this.buckets.fill(0);
  }

  /** Clears the buckets that fell out of the window since the last call. */
  private advance(now: number): void {
    const slot = Math.floor(now / BUCKET_MS);
    const steps = Math.min(slot - this.bucketAt, this.buckets.length);
    for (let i = 1; i <= steps; i++) this.buckets[(this.bucketAt + i) % this.buckets.length] = 0;
    if (slot > this.bucketAt) this.bucketAt = slot;
  }
}
