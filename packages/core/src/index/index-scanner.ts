// Keeps the forward index up to date: one background scan shared by every build() waiting on it,
// paused when none waits any more, extended by refresh() on growth, reset on truncation.
import { readInto, statDescriptor } from '../stream/fs-ops.js';
import type { BuildOptions, IndexProgress, RefreshResult } from './index-types.js';
import { LineCounter } from './line-counter.js';
import type { IndexSettings } from './open-indexed-file.js';
import { scanForward } from './scan-forward.js';

/** Bytes kept from just before the indexed end, compared on refresh to notice a rewrite. */
const GUARD_BYTES = 32;

/** The forward-indexing state of one LineIndex and the scan that advances it. */
export class IndexScanner {
  readonly counter: LineCounter;
  private running: Promise<void> | undefined;
  /** Bumped by every reset: a scan of an older generation stops. */
  private generation = 0;
  private paused = false;
  private stopped = false;
  private waiting = 0;
  /** Set once a build() completed: from then on refresh() keeps the index complete. */
  private followsGrowth = false;
  private guard = Buffer.alloc(0);
  private readonly listeners = new Set<{ onProgress: (progress: IndexProgress) => void; failed: AbortController }>();

  constructor(
    private readonly fd: number,
    public size: number,
    private readonly settings: IndexSettings,
  ) {
    this.counter = new LineCounter(settings.every, settings.strideBytes);
  }

  get complete(): boolean {
    return this.counter.scanned >= this.size;
  }

  get progress(): IndexProgress {
    return { bytes: this.counter.scanned, total: this.size, lines: this.counter.lines };
  }

  async build({ signal, onProgress }: BuildOptions = {}): Promise<void> {
    // An onProgress that throws ends its own build with that error, not the scan others share.
    const failed = new AbortController();
    const listener = onProgress && { onProgress, failed };
    if (listener) this.listeners.add(listener);
    try {
      await this.untilComplete(signal ? AbortSignal.any([signal, failed.signal]) : failed.signal);
      if (failed.signal.aborted) throw failed.signal.reason;
      if (this.complete && !this.stopped) this.followsGrowth = true;
    } finally {
      if (listener) this.listeners.delete(listener);
    }
  }

  async refresh(): Promise<RefreshResult> {
    const { size } = await statDescriptor(this.fd);
    if (size < this.size) return this.reset(size, 'shrunk');
    if (!(await this.guardHolds())) return this.reset(size, 'rewritten');
    if (size === this.size) return 'unchanged';
    this.size = size;
    // An index still being built stays the builder's business: its scan reads up to the new size.
    if (this.followsGrowth) await this.untilComplete(undefined, () => this.followsGrowth);
    return 'grew';
  }

  /** Ends any scan for good (the index is closing). */
  async stop(): Promise<void> {
    this.stopped = true;
    await this.running?.catch(() => undefined);
  }

  /** Runs (or joins) the scan until complete, `signal` aborts, or `keepGoing` says no. */
  private async untilComplete(signal: AbortSignal | undefined, keepGoing = () => true): Promise<void> {
    this.waiting++;
    try {
      while (!this.complete && !this.stopped && !signal?.aborted && keepGoing()) await untilAborted(this.scan(), signal);
    } finally {
      // Nobody waits any more: pause at the next chunk; a later build() resumes from there.
      if (--this.waiting === 0 && !this.complete) this.paused = true;
    }
  }

  private scan(): Promise<void> {
    this.paused = false;
    if (this.running) return this.running;
    const generation = this.generation;
    const run = scanForward({
      fd: this.fd,
      counter: this.counter,
      chunkBytes: this.settings.chunkBytes,
      size: () => this.size,
      stopped: () => this.paused || this.stopped || this.generation !== generation,
      scanned: (chunk) => this.scanned(chunk),
      shrank: async () => {
        const { size } = await statDescriptor(this.fd);
        if (this.generation === generation) this.reset(size, size < this.size ? 'shrunk' : 'rewritten');
      },
    }).finally(() => {
      this.running = undefined;
    });
    // Waiters get the error; a scan nobody waits for any more must not crash the process.
    run.catch(() => undefined);
    this.running = run;
    return run;
  }

  private scanned(chunk: Buffer): void {
    this.guard = chunk.length >= GUARD_BYTES ? Buffer.from(chunk.subarray(-GUARD_BYTES)) : Buffer.concat([this.guard, chunk]).subarray(-GUARD_BYTES);
    const progress = this.progress;
    for (const listener of this.listeners) {
      try {
        listener.onProgress(progress);
      } catch (error) {
        this.listeners.delete(listener);
        listener.failed.abort(error);
      }
    }
  }

  /** True unless the bytes just before the indexed end changed (truncated and written again). */
  private async guardHolds(): Promise<boolean> {
    const expected = this.guard;
    if (expected.length === 0) return true;
    const at = this.counter.scanned - expected.length;
    const actual = Buffer.allocUnsafe(expected.length);
    const read = await readInto(this.fd, actual, expected.length, at);
    // A reset while reading made the comparison moot.
    return this.guard !== expected || (read === expected.length && actual.equals(expected));
  }

  private reset(size: number, reason: 'shrunk' | 'rewritten'): 'truncated' {
    const previousSize = this.size;
    this.generation++;
    this.counter.reset();
    this.guard = Buffer.alloc(0);
    this.size = size;
    this.followsGrowth = false;
    this.settings.onTruncated?.({ previousSize, size, reason });
    return 'truncated';
  }
}

/** Resolves with `promise`, or as soon as `signal` aborts. */
function untilAborted(promise: Promise<void>, signal: AbortSignal | undefined): Promise<void> {
  if (!signal) return promise;
  return new Promise((resolve, reject) => {
    const onAbort = () => resolve();
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}
