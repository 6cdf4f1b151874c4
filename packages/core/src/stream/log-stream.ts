// LogStream: follows one path and delivers every new line, once and in order, to its subscribers.
// Watching starts with the first subscriber and everything is released with the last.
import { InvalidOptionError, StreamClosedError, type LogStreamError } from '../errors/log-stream-error.js';
import type { SequenceCounter } from '../framing/line-framer.js';
import type { LogBatch } from '../framing/log-batch.js';
import type { LogLine } from '../framing/log-line.js';
import { FileFollower } from './file-follower.js';
import { iterateLines } from './line-iterator.js';
import type { FileState } from './open-file.js';
import { resolveStreamOptions, type ResolvedStreamOptions } from './resolve-options.js';
import { SubscriberSet } from './subscriber-set.js';
import type { LinesOptions, LogStreamEvent, LogStreamOptions, LogStreamStats, LogStreamStatus, LogStreamSubscriber, Subscription } from './stream-types.js';
import { closeOnAbort, subscriptionOf } from './subscription-helpers.js';

/**
 * Follows one log file by name across rotation, truncation and replacement.
 *
 * @example
 * const stream = new LogStream('/var/log/app.log', { start: 'end' });
 * const subscription = stream.subscribe({ onLines: (lines) => lines.forEach((l) => console.log(l.text)) });
 * await stream.ready;
 * // …
 * subscription.unsubscribe(); // the last one stops watching
 * await stream.close();
 */
export class LogStream implements AsyncDisposable {
  readonly path: string;
  /** Counters since the stream was created. */
  readonly stats: LogStreamStats = { lines: 0, bytes: 0, invalidUtf8Lines: 0, splitLines: 0, rotations: 0, truncations: 0 };
  private readonly options: ResolvedStreamOptions;
  private readonly subscribers: SubscriberSet;
  private readonly seq: SequenceCounter = { next: 1 };
  private follower: FileFollower | undefined;
  private resume: FileState | 'first' | 'new' = 'first';
  private stopping: Promise<void> = Promise.resolve();
  private readyPromise: Promise<void>;
  private markReady: () => void = () => undefined;
  private closing: Promise<void> | undefined;
  private forgetSignal: () => void = () => undefined;

  constructor(path: string, options: LogStreamOptions = {}) {
    this.options = resolveStreamOptions(path, options);
    this.path = this.options.path;
    this.subscribers = new SubscriberSet(this.path);
    this.readyPromise = this.newReady();
    this.forgetSignal = closeOnAbort(options.signal, () => this.close());
  }

  /** Resolves once watching has begun and the start position is set (appends after it are seen). */
  get ready(): Promise<void> {
    return this.readyPromise;
  }

  /** True while the stream has subscribers and watches its file. */
  get isWatching(): boolean {
    return this.follower !== undefined;
  }

  get status(): LogStreamStatus {
    if (this.closing) return 'closed';
    return this.follower?.status ?? 'idle';
  }

  /** Adds a subscriber (any subset of the callbacks); the first one starts watching. */
  subscribe(subscriber: LogStreamSubscriber): Subscription {
    if (this.closing) throw new StreamClosedError(this.path);
    if (typeof subscriber !== 'object' || subscriber === null) throw new InvalidOptionError('subscribe() needs an object with onLines, onLogContent, onEvent or onError');
    this.subscribers.add(subscriber);
    if (!this.follower) this.begin();
    return subscriptionOf(subscriber, (s) => this.unsubscribe(s));
  }

  /** Removes a subscriber; the last one stops watching and releases every descriptor and timer. */
  unsubscribe(subscriber: LogStreamSubscriber): boolean {
    const removed = this.subscribers.delete(subscriber);
    if (removed && this.subscribers.size === 0) this.end();
    return removed;
  }

  /** Pulls lines with `for await`; the queue is bounded, and breaking out of the loop unsubscribes. */
  lines(options: LinesOptions = {}): AsyncIterableIterator<LogLine> {
    if (this.closing) throw new StreamClosedError(this.path);
    return iterateLines(this, options);
  }

  /** Stops watching for good. Returns the same promise on every call. */
  close(): Promise<void> {
    if (this.closing) return this.closing;
    this.forgetSignal();
    const last = this.subscribers.clear();
    this.end();
    const closed: LogStreamEvent = { type: 'closed', path: this.path };
    for (const sub of last) {
      try {
        sub.onEvent?.(closed);
      } catch {
        // A subscriber failing on the close notice has nobody left to be told.
      }
    }
    this.closing = this.stopping;
    this.markReady();
    return this.closing;
  }

  [Symbol.asyncDispose](): Promise<void> {
    return this.close();
  }

  private begin(): void {
    const follower: FileFollower = new FileFollower(this.path, this.options, {
      deliver: (batch) => this.deliver(follower, batch),
      wants: () => this.subscribers.wants,
      readMemory: () => this.subscribers.readMemory,
      event: (event) => this.follower === follower && this.subscribers.event(event),
      error: (error: LogStreamError) => this.follower === follower && this.subscribers.error(error),
      ended: () => {
        if (this.follower !== follower) return;
        this.subscribers.event({ type: 'end', path: this.path });
        this.subscribers.clear();
        this.end();
      },
    }, this.seq, this.stats);
    this.follower = follower;
    const markReady = this.markReady;
    void this.stopping.then(async () => {
      await follower.begin(this.resume);
      markReady();
    });
  }

  private end(): void {
    const follower = this.follower;
    if (!follower) return;
    this.follower = undefined;
    this.readyPromise = this.newReady();
    this.stopping = this.stopping.then(async () => {
      this.resume = await follower.stop();
    });
  }

  private deliver(follower: FileFollower, batch: LogBatch): boolean | Promise<boolean> {
    if (this.follower !== follower) return false;
    this.stats.lines += batch.lineCount;
    this.stats.bytes += batch.end - batch.offset;
    const waiting = this.subscribers.deliver(batch, this.path);
    return waiting ? waiting.then(() => true) : true;
  }

  private newReady(): Promise<void> {
    return new Promise<void>((resolve) => (this.markReady = resolve));
  }
}
