// Subscribers and sources of parsed records: what the compose steps take and give.
import type { LogStreamError } from '../errors/log-stream-error.js';
import type { LogRecord } from '../parse/index.js';
import type { LogStreamSubscriber } from '../stream/stream-types.js';
import type { MultiLogStreamEvent } from './multi-stream-types.js';

/** Any subset of these callbacks. `onRecords` may return a promise: the sources wait for it. */
export interface RecordSubscriber {
  /** Parsed lines, in order (per file; across files too after a merge). */
  onRecords?(records: readonly LogRecord[]): void | Promise<void>;
  /** The sources' events (rotation, files added and removed …). */
  onEvent?(event: MultiLogStreamEvent): void;
  onError?(error: LogStreamError): void;
}

/** Anything that delivers lines: a LogStream or a MultiLogStream. */
export interface LineSource {
  /** The one file it follows, when it follows one (a LogStream): a merge waits for it from the start. */
  readonly path?: string;
  subscribe(subscriber: LogStreamSubscriber): { unsubscribe(): void };
  readonly ready: Promise<void>;
}

/** Where a compose step sends what it makes. */
export interface RecordSink {
  records(records: readonly LogRecord[]): void | Promise<void>;
  event(event: MultiLogStreamEvent): void;
  error(error: LogStreamError): void;
}

/** A compose step's hold on its sources while it has subscribers. */
export interface RecordConnection {
  readonly ready: Promise<void>;
  /** Lets go of the sources (the step's last subscriber left). */
  disconnect(): void;
}
