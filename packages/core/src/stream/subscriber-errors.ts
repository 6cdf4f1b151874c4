// Where errors go, for every kind of stream: to the subscribers' onError, or a process warning
// when no subscriber takes them. Nothing is dropped, and a throwing onError disturbs no one.
import { SubscriberError, type LogStreamError } from '../errors/log-stream-error.js';

/** Anything with an optional `onError`: a LogStream, MultiLogStream or RecordStream subscriber. */
export interface ErrorTaker {
  onError?(error: LogStreamError): void;
}

/**
 * Reports `error` to every subscriber with `onError` (but `except`), or as a process warning
 * when none has one. An `onError` that throws becomes a warning of its own.
 */
export function reportError<S extends ErrorTaker>(subscribers: Iterable<S>, source: string, error: LogStreamError, except?: S): void {
  let reported = false;
  for (const sub of [...subscribers]) {
    if (sub === except || !sub.onError) continue;
    reported = true;
    callOnError(sub, source, error);
  }
  if (!reported) process.emitWarning(error);
}

/**
 * A subscriber's `callback` threw or rejected with `cause`: the {@link SubscriberError} goes to
 * that subscriber's `onError`, or else to the others (see {@link reportError}).
 */
export function reportSubscriberFailure<S extends ErrorTaker>(subscribers: Iterable<S>, source: string, sub: S, callback: string, cause: unknown): void {
  const error = new SubscriberError(source, callback, cause);
  if (sub.onError) callOnError(sub, source, error);
  else reportError(subscribers, source, error, sub);
}

function callOnError(sub: ErrorTaker, source: string, error: LogStreamError): void {
  try {
    sub.onError?.(error);
  } catch (thrown) {
    process.emitWarning(new SubscriberError(source, 'onError', thrown));
  }
}
