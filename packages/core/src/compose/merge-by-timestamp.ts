// mergeByTimestamp: several sources' lines as one stream in timestamp order, live. A line waits
// until every other active source has passed its time, has ended, or has been quiet for
// `maxWaitMs`; a source that runs ahead is paused instead of buffered without limit.
import { InvalidOptionError } from '../errors/log-stream-error.js';
import type { LogLine } from '../framing/log-line.js';
import type { ParseOptions } from '../parse/index.js';
import type { MultiLogStreamEvent } from './multi-stream-types.js';
import { ParserPerFile } from './parse-records.js';
import { RecordStream } from './record-stream.js';
import type { LineSource, RecordSink } from './record-types.js';
import { TimestampMerger } from './timestamp-merger.js';

/** Options of {@link mergeByTimestamp}, with those of the parser. */
export interface MergeOptions extends ParseOptions {
  /** How long a quiet source may hold the others back. @default 500 */
  maxWaitMs?: number;
  /** Records one file may have waiting before its reading pauses. @default 1000 */
  highWaterMark?: number;
  /** Testing only: the clock. @default Date.now */
  now?: () => number;
}

/** @default 500 */
export const DEFAULT_MERGE_MAX_WAIT_MS = 500;

/**
 * Small, so that records wait little and die young: with 5,000 a merge of ten files spent a
 * third of its time in the garbage collector, copying records it still held.
 */
const DEFAULT_MERGE_HIGH_WATER_MARK = 1000;

/**
 * How much of one stall of the event loop counts as time a source was quiet. While this process
 * is busy (merging a catch-up of big files), a file's next lines may wait in a queue of the event
 * loop: that must not make the file look idle, or lines would be released too early.
 */
const STALL_CAP_MS = 50;

/**
 * Merges the lines of `sources` (LogStreams, MultiLogStreams; every file is its own source) into
 * one stream of records ordered by timestamp. Continuation lines stay with their message; lines
 * without a timestamp keep their place after the line before them in their file.
 *
 * @example
 * const merged = mergeByTimestamp(new MultiLogStream(['/var/log/app/*.log']));
 * merged.subscribe({ onRecords: (rs) => rs.forEach((r) => console.log(r.line.path, r.line.text)) });
 */
export function mergeByTimestamp(sources: LineSource | readonly LineSource[], options: MergeOptions = {}): RecordStream {
  const list = Array.isArray(sources) ? (sources as readonly LineSource[]) : [sources as LineSource];
  const maxWaitMs = options.maxWaitMs ?? DEFAULT_MERGE_MAX_WAIT_MS;
  const highWaterMark = options.highWaterMark ?? DEFAULT_MERGE_HIGH_WATER_MARK;
  if (!Number.isFinite(maxWaitMs) || maxWaitMs < 0) throw new InvalidOptionError(`maxWaitMs must be a number of milliseconds ≥ 0, got ${String(options.maxWaitMs)}`);
  if (!Number.isInteger(highWaterMark) || highWaterMark < 1) throw new InvalidOptionError(`highWaterMark must be a positive whole number, got ${String(options.highWaterMark)}`);
  return new RecordStream('merged records', (sink) => new MergeRun(list, sink, maxWaitMs, highWaterMark, options));
}

/** One connected run of a merge: from the first subscriber to the last. */
class MergeRun {
  readonly ready: Promise<void>;
  private readonly merger: TimestampMerger;
  private readonly parsers: ParserPerFile;
  private readonly realNow: () => number;
  /** Time that advances only while the event loop is responsive (see STALL_CAP_MS). */
  private clock = 0;
  private lastReal: number;
  private readonly subscriptions: { unsubscribe(): void }[];
  private readonly paused = new Map<string, () => void>();
  private timer: NodeJS.Timeout | undefined;
  private downstream: Promise<void> | undefined;
  private stopped = false;

  constructor(
    sources: readonly LineSource[],
    private readonly sink: RecordSink,
    maxWaitMs: number,
    private readonly highWaterMark: number,
    options: MergeOptions,
  ) {
    this.merger = new TimestampMerger(maxWaitMs);
    this.parsers = new ParserPerFile(options);
    this.realNow = options.now ?? Date.now;
    this.lastReal = this.realNow();
    // A single file's stream is a source from the start (files of a set announce themselves).
    for (const source of sources) if (source.path !== undefined) this.merger.register(source.path, this.now());
    this.subscriptions = sources.map((source) =>
      source.subscribe({
        onLines: (lines) => this.onLines(lines),
        onEvent: (event) => this.onEvent(event),
        onError: (error) => sink.error(error),
        readsAllText: true,
      }),
    );
    this.ready = Promise.all(sources.map((s) => s.ready)).then(() => undefined);
  }

  disconnect(): void {
    this.stopped = true;
    clearTimeout(this.timer);
    for (const s of this.subscriptions) s.unsubscribe();
    for (const resume of this.paused.values()) resume();
    this.paused.clear();
  }

  /** The merge's clock: real time, but each stall of the event loop counts for STALL_CAP_MS at most. */
  private now(): number {
    const real = this.realNow();
    this.clock += Math.min(Math.max(0, real - this.lastReal), STALL_CAP_MS);
    this.lastReal = real;
    return this.clock;
  }

  private onLines(lines: readonly LogLine[]): Promise<void> | undefined {
    const path = lines[0]?.path;
    if (path === undefined || this.stopped) return undefined;
    this.merger.push(path, this.parsers.parse(lines), this.now());
    this.flush();
    if (this.merger.queuedFrom(path) < this.highWaterMark) return undefined;
    // This file runs ahead of the others: its reading waits until the merge has caught up.
    return new Promise<void>((resolve) => {
      const previous = this.paused.get(path);
      this.paused.set(path, () => {
        previous?.();
        resolve();
      });
    });
  }

  private onEvent(event: MultiLogStreamEvent): void {
    if (event.type === 'file-added') this.merger.register(event.path, this.now());
    if (event.type === 'end' || event.type === 'file-removed' || event.type === 'closed') {
      this.merger.end(event.path);
      this.parsers.forget(event.path);
      this.flush();
    }
    this.sink.event(event);
  }

  /** Releases what can go, waits for the subscribers, and arranges the next look. */
  private flush(): void {
    if (this.downstream || this.stopped) return;
    const records = this.merger.take(this.now());
    const waiting = records.length > 0 ? this.sink.records(records) : undefined;
    if (waiting) {
      this.downstream = waiting.then(() => {
        this.downstream = undefined;
        this.flush();
      });
      return;
    }
    this.resumeCaughtUp();
    this.schedule();
  }

  private resumeCaughtUp(): void {
    for (const [path, resume] of [...this.paused]) {
      if (this.merger.queuedFrom(path) >= this.highWaterMark / 2) continue;
      this.paused.delete(path);
      resume();
    }
  }

  private schedule(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    const at = this.merger.nextDeadline();
    if (at === undefined) return;
    // Short steps, so that the clock sees a responsive loop and advances at the real pace.
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.flush();
    }, Math.min(STALL_CAP_MS, Math.max(1, at - this.now())));
  }
}
