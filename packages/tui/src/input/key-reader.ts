// Reads key, mouse and paste events from an input stream, resolving a lone ESC after a short wait.
import type { Clock } from '../terminal/clock.js';
import { systemClock } from '../terminal/clock.js';
import type { InputEvent } from './input-event.js';
import { KeyParser } from './key-parser.js';

/**
 * How long a lone ESC waits for the rest of a sequence before it counts as the Escape key.
 * Terminals send a key's sequence in one write; 50 ms also covers a slow SSH link. @default 50
 */
export const DEFAULT_ESCAPE_TIMEOUT_MS = 50;

/** The input a reader listens to: `process.stdin`, a `tty.ReadStream`, or a test double. */
export interface KeyInput {
  on(event: 'data', listener: (chunk: string | Buffer) => void): unknown;
  off(event: 'data', listener: (chunk: string | Buffer) => void): unknown;
  resume?(): unknown;
  pause?(): unknown;
}

export interface KeyReaderOptions {
  /** @default 50 */
  escapeTimeoutMs?: number;
  /** @default systemClock */
  clock?: Clock;
}

/** Stops reading; safe to call twice, and works with `using`. */
export interface KeySubscription {
  unsubscribe(): void;
  [Symbol.dispose](): void;
}

/**
 * Calls `onEvent` for every key, mouse action and paste read from `input` (which it resumes,
 * and pauses again on unsubscribe, so that the process can exit).
 *
 * @example
 * using keys = readKeys(session.input, (event) => {
 *   if (event.type === 'key' && event.key === 'q') quit();
 * });
 */
export function readKeys(input: KeyInput, onEvent: (event: InputEvent) => void, options: KeyReaderOptions = {}): KeySubscription {
  const parser = new KeyParser();
  const clock = options.clock ?? systemClock;
  const timeoutMs = options.escapeTimeoutMs ?? DEFAULT_ESCAPE_TIMEOUT_MS;
  let timer: unknown;
  let active = true;
  const deliver = (events: InputEvent[]): void => {
    for (const event of events) if (active) onEvent(event);
  };
  const onTimeout = (): void => {
    timer = undefined;
    deliver(parser.flush());
  };
  const onData = (chunk: string | Buffer): void => {
    if (timer !== undefined) clock.clearTimeout(timer);
    timer = undefined;
    deliver(parser.feed(chunk));
    if (active && parser.pending) timer = clock.setTimeout(onTimeout, timeoutMs);
  };
  input.on('data', onData);
  input.resume?.();
  const unsubscribe = (): void => {
    if (!active) return;
    active = false;
    if (timer !== undefined) clock.clearTimeout(timer);
    input.off('data', onData);
    input.pause?.();
  };
  return { unsubscribe, [Symbol.dispose]: unsubscribe };
}
