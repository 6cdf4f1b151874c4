// The pull API: an async iterator over a stream's lines with a bounded queue. When the queue is
// full, delivery waits, so reading pauses instead of buffering without limit.
import type { LogStreamError } from '../errors/log-stream-error.js';
import type { LogLine } from '../framing/log-line.js';
import type { LinesOptions, LogStreamSubscriber, Subscription } from './stream-types.js';

/** @default 10000 */
export const DEFAULT_HIGH_WATER_MARK = 10_000;

interface Subscribable {
  subscribe(subscriber: LogStreamSubscriber): Subscription;
}

export function iterateLines(stream: Subscribable, options: LinesOptions = {}): AsyncIterableIterator<LogLine> {
  const highWaterMark = options.highWaterMark ?? DEFAULT_HIGH_WATER_MARK;
  const queue: LogLine[] = [];
  let head = 0;
  let done = false;
  let wakeConsumer: (() => void) | undefined;
  let wakeProducer: (() => void) | undefined;

  const wake = () => {
    wakeConsumer?.();
    wakeConsumer = undefined;
  };
  const finish = () => {
    if (done) return;
    done = true;
    subscription.unsubscribe();
    options.signal?.removeEventListener('abort', abort);
    wakeProducer?.();
    wake();
  };

  const subscription = stream.subscribe({
    onLines(lines) {
      if (done) return;
      for (const line of lines) queue.push(line);
      wake();
      if (queue.length - head < highWaterMark) return;
      return new Promise<void>((resolve) => (wakeProducer = resolve));
    },
    onEvent(event) {
      options.onEvent?.(event);
      if (event.type === 'end' || event.type === 'closed') {
        done = true;
        wakeProducer?.();
        wake();
      }
    },
    ...(options.onError ? { onError: (error: LogStreamError) => options.onError?.(error) } : {}),
  });
  // Aborting ends the loop at once: lines still queued are dropped with it.
  const abort = () => {
    head = queue.length;
    finish();
  };
  if (options.signal?.aborted) abort();
  options.signal?.addEventListener('abort', abort, { once: true });

  const iterator: AsyncIterableIterator<LogLine> = {
    async next(): Promise<IteratorResult<LogLine>> {
      while (head === queue.length && !done) await new Promise<void>((resolve) => (wakeConsumer = resolve));
      if (head === queue.length) {
        finish();
        return { value: undefined, done: true };
      }
      const value = queue[head++] as LogLine;
      if (head > 1024 && head * 2 > queue.length) {
        queue.splice(0, head);
        head = 0;
      }
      if (wakeProducer && queue.length - head <= highWaterMark / 2) {
        wakeProducer();
        wakeProducer = undefined;
      }
      return { value, done: false };
    },
    return(): Promise<IteratorResult<LogLine>> {
      finish();
      return Promise.resolve({ value: undefined, done: true });
    },
    [Symbol.asyncIterator]() {
      return iterator;
    },
  };
  return iterator;
}
