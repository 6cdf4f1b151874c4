// The subscribers of one stream: delivers lines, events and errors to each, isolating failures so
// that one subscriber that throws never disturbs the others, and no error goes unreported.
import type { LogStreamError } from '../errors/log-stream-error.js';
import type { BatchWants, LogBatch, LogBytesInfo } from '../framing/log-batch.js';
import type { LogLine } from '../framing/log-line.js';
import type { LogStreamEvent, LogStreamSubscriber, ReadMemory } from './stream-types.js';
import { reportError, reportSubscriberFailure } from './subscriber-errors.js';

export class SubscriberSet {
  private readonly subscribers = new Set<LogStreamSubscriber>();
  /**
   * The waits on each subscriber's unsettled promises, ended when it leaves, so that a promise it
   * never settles holds nobody. (Not a race with one promise per subscriber: each race would add
   * a reaction to that promise that stays until the subscriber leaves, a leak per batch.)
   */
  private readonly waiting = new Map<LogStreamSubscriber, Set<() => void>>();

  constructor(private readonly path: string) {}

  get size(): number {
    return this.subscribers.size;
  }

  /** Which forms of the lines the subscribers want: only those are made. */
  get wants(): BatchWants {
    let lines = false;
    let bytes = false;
    let ownText = false;
    for (const sub of this.subscribers) {
      if (sub.onLines || sub.onLogContent) lines = true;
      if (sub.onLogBytes) bytes = true;
      if (sub.onLines && sub.readsAllText === true) ownText = true;
    }
    return { lines, bytes, ownText };
  }

  /** Memory a bytes subscriber offers to read into (see `LogStreamSubscriber.readMemory`). */
  get readMemory(): ReadMemory | undefined {
    for (const sub of this.subscribers) if (sub.onLogBytes && sub.readMemory) return sub.readMemory;
    return undefined;
  }

  add(subscriber: LogStreamSubscriber): void {
    this.subscribers.add(subscriber);
  }

  delete(subscriber: LogStreamSubscriber): boolean {
    const waits = this.waiting.get(subscriber);
    this.waiting.delete(subscriber);
    for (const stopWaiting of waits ?? []) stopWaiting();
    return this.subscribers.delete(subscriber);
  }

  clear(): LogStreamSubscriber[] {
    const all = [...this.subscribers];
    for (const sub of all) this.delete(sub);
    return all;
  }

  /** Hands a batch to every subscriber; resolves when every returned promise has settled. */
  deliver(batch: LogBatch, path: string): Promise<void> | undefined {
    let content: string | undefined;
    let waits: Promise<void>[] | undefined;
    const lines = batch.lines ?? [];
    for (const sub of [...this.subscribers]) {
      // A subscriber that joined while a bytes-only batch was read gets lines from the next one.
      if (sub.onLines && batch.lines) waits = this.call(sub, 'onLines', () => sub.onLines?.(lines), waits);
      if (sub.onLogContent && batch.lines) {
        content ??= joinLines(lines);
        const text = content;
        waits = this.call(sub, 'onLogContent', () => sub.onLogContent?.(text), waits);
      }
      if (sub.onLogBytes) {
        // Bytes are made only while someone wants them; one who joined mid-read gets the text's.
        const raw = batch.bytes ?? Buffer.from((content ??= joinLines(lines)));
        const info: LogBytesInfo = { path, offset: batch.offset, end: batch.end, lineCount: batch.lineCount, partial: batch.partial };
        waits = this.call(sub, 'onLogBytes', () => sub.onLogBytes?.(raw, info), waits);
      }
    }
    return waits && Promise.all(waits).then(() => undefined);
  }

  event(event: LogStreamEvent): void {
    for (const sub of [...this.subscribers]) {
      if (!sub.onEvent) continue;
      try {
        sub.onEvent(event);
      } catch (error) {
        this.failed(sub, 'onEvent', error);
      }
    }
  }

  /** Reports an error to every subscriber with `onError` (but `except`); a process warning if none has one. */
  error(error: LogStreamError, except?: LogStreamSubscriber): void {
    reportError(this.subscribers, this.path, error, except);
  }

  private call(sub: LogStreamSubscriber, name: string, fn: () => void | Promise<void> | undefined, waits: Promise<void>[] | undefined): Promise<void>[] | undefined {
    try {
      const result = fn();
      if (result && typeof result.then === 'function') {
        const settled = result.then(undefined, (error: unknown) => this.failed(sub, name, error));
        (waits ??= []).push(this.untilSettledOrGone(sub, settled));
      }
    } catch (error) {
      this.failed(sub, name, error);
    }
    return waits;
  }

  /**
   * Resolves when `settled` does or `sub` leaves, whichever is first. A subscriber that left
   * during the very call that returned the promise is waited for until it settles: it may still be
   * using the bytes it was lent.
   */
  private untilSettledOrGone(sub: LogStreamSubscriber, settled: Promise<void>): Promise<void> {
    if (!this.subscribers.has(sub)) return settled;
    return new Promise<void>((resolve) => {
      let waits = this.waiting.get(sub);
      if (!waits) this.waiting.set(sub, (waits = new Set()));
      const done = (): void => {
        waits.delete(resolve);
        resolve();
      };
      waits.add(resolve);
      void settled.then(done);
    });
  }

  /** A subscriber's callback failed: tell that subscriber, or else the others. */
  private failed(sub: LogStreamSubscriber, callback: string, cause: unknown): void {
    reportSubscriberFailure(this.subscribers, this.path, sub, callback, cause);
  }
}

/** The lines' texts joined, each ending in "\n". */
export function joinLines(lines: readonly LogLine[]): string {
  let out = '';
  for (const line of lines) out += line.text + '\n';
  return out;
}
