// A subscriber that records everything a stream delivers, with helpers to wait for it.
import type { LogStreamError } from '../errors/log-stream-error.js';
import type { LogLine } from '../framing/log-line.js';
import type { LogStream } from '../stream/log-stream.js';
import type { LogStreamEvent, LogStreamSubscriber, Subscription } from '../stream/stream-types.js';
import { waitFor, type WaitOptions } from './wait-for.js';

export class Collector implements LogStreamSubscriber {
  readonly lines: LogLine[] = [];
  readonly events: LogStreamEvent[] = [];
  readonly errors: LogStreamError[] = [];
  subscription: Subscription | undefined;

  onLines(lines: readonly LogLine[]): void {
    this.lines.push(...lines);
  }

  onEvent(event: LogStreamEvent): void {
    this.events.push(event);
  }

  onError(error: LogStreamError): void {
    this.errors.push(error);
  }

  get texts(): string[] {
    return this.lines.map((l) => l.text);
  }

  /** Subscribes to `stream` and waits until it is ready. */
  async attach(stream: LogStream): Promise<this> {
    this.subscription = stream.subscribe(this);
    await stream.ready;
    return this;
  }

  /** Waits until at least `count` lines arrived. */
  async waitForLines(count: number, options?: WaitOptions): Promise<void> {
    await waitFor(() => this.lines.length >= count, () => `expected ${count} lines, got ${this.lines.length}: ${JSON.stringify(this.texts.slice(-5))}`, options);
  }

  /** Waits until the last delivered line is `text`. */
  async waitForText(text: string, options?: WaitOptions): Promise<void> {
    await waitFor(() => this.lines.some((l) => l.text === text), () => `line ${JSON.stringify(text)} never arrived; last lines: ${JSON.stringify(this.texts.slice(-5))}`, options);
  }

  async waitForEvent(type: LogStreamEvent['type'], options?: WaitOptions): Promise<void> {
    await waitFor(() => this.events.some((e) => e.type === type), () => `event ${type} never arrived; events: ${this.events.map((e) => e.type).join(', ')}`, options);
  }

  async waitForError(code: string, options?: WaitOptions): Promise<void> {
    await waitFor(() => this.errors.some((e) => e.code === code), () => `error ${code} never arrived; errors: ${this.errors.map((e) => e.code).join(', ')}`, options);
  }
}
