// RecordStream: the output of a compose step. Connects to its sources on the first subscriber,
// lets go of them on the last, and hands each batch to every subscriber in isolation.
import { InvalidOptionError, StreamClosedError, type LogStreamError } from '../errors/log-stream-error.js';
import type { LogRecord } from '../parse/index.js';
import type { Subscription } from '../stream/stream-types.js';
import type { MultiLogStreamEvent } from './multi-stream-types.js';
import type { RecordConnection, RecordSink, RecordSubscriber } from './record-types.js';
import { reportError, reportSubscriberFailure } from '../stream/subscriber-errors.js';
import { subscriptionOf } from '../stream/subscription-helpers.js';

/**
 * A stream of parsed records made by a compose step (`parseRecords`, `mergeByTimestamp`,
 * `filterRecords` …). Compose steps chain: each takes streams and gives a stream.
 */
export class RecordStream implements AsyncDisposable {
  private readonly subscribers = new Set<RecordSubscriber>();
  private connection: RecordConnection | undefined;
  private closed = false;
  private readonly sink: RecordSink = {
    records: (records) => this.deliver(records),
    event: (event) => this.event(event),
    error: (error) => this.error(error),
  };

  /** `connect` starts the step on its sources and sends what it makes to the sink. */
  constructor(
    readonly name: string,
    private readonly connect: (sink: RecordSink) => RecordConnection,
  ) {}

  /** Resolves once the sources watch (immediately when nobody subscribed). */
  get ready(): Promise<void> {
    return this.connection?.ready ?? Promise.resolve();
  }

  get isWatching(): boolean {
    return this.connection !== undefined;
  }

  subscribe(subscriber: RecordSubscriber): Subscription<RecordSubscriber> {
    if (this.closed) throw new StreamClosedError(this.name);
    if (typeof subscriber !== 'object' || subscriber === null) throw new InvalidOptionError('subscribe() needs an object with onRecords, onEvent or onError');
    this.subscribers.add(subscriber);
    this.connection ??= this.connect(this.sink);
    return subscriptionOf(subscriber, (s) => this.unsubscribe(s));
  }

  unsubscribe(subscriber: RecordSubscriber): boolean {
    if (!this.subscribers.delete(subscriber)) return false;
    if (this.subscribers.size === 0) {
      this.connection?.disconnect();
      this.connection = undefined;
    }
    return true;
  }

  /** Lets go of the sources for good (the sources themselves stay open: they belong to the caller). */
  close(): Promise<void> {
    this.closed = true;
    this.subscribers.clear();
    this.connection?.disconnect();
    this.connection = undefined;
    return Promise.resolve();
  }

  [Symbol.asyncDispose](): Promise<void> {
    return this.close();
  }

  private deliver(records: readonly LogRecord[]): void | Promise<void> {
    if (records.length === 0) return undefined;
    let waits: Promise<void>[] | undefined;
    for (const s of [...this.subscribers]) {
      if (!s.onRecords) continue;
      try {
        const result = s.onRecords(records);
        if (result && typeof result.then === 'function') (waits ??= []).push(result.then(undefined, (error: unknown) => this.failed(s, 'onRecords', error)));
      } catch (error) {
        this.failed(s, 'onRecords', error);
      }
    }
    return waits && Promise.all(waits).then(() => undefined);
  }

  private event(event: MultiLogStreamEvent): void {
    for (const s of [...this.subscribers]) {
      try {
        s.onEvent?.(event);
      } catch (error) {
        this.failed(s, 'onEvent', error);
      }
    }
  }

  private error(error: LogStreamError): void {
    reportError(this.subscribers, this.name, error);
  }

  private failed(s: RecordSubscriber, callback: string, error: unknown): void {
    reportSubscriberFailure(this.subscribers, this.name, s, callback, error);
  }
}
