// What the follow session writes its output through: a Node stream (StdoutWriter) or a file
// descriptor written by a thread of its own (ThreadedOutput).
import type { ReadMemory } from '@logstream/core';

/** Why output stopped: the reader went away (`closed`), or writing failed (`failed`, with the error). */
export type OutputEnd = { readonly reason: 'closed' } | { readonly reason: 'failed'; readonly error: Error };

/**
 * Output with backpressure. `write` takes text, or bytes that may be lent (a log stream's
 * `onLogBytes` bytes, reused once the returned promise resolves), and returns a promise to
 * await when the output cannot take more yet. A reader that goes away ends output quietly.
 */
export interface Output {
  /** Writes `text`; returns a promise to await before writing more (or before reusing lent bytes). */
  write(text: string | Buffer): Promise<void> | undefined;
  /** Stops making callers wait (shutting down): pending and later writes return at once, and nothing accepted is dropped. */
  release(): void;
  /** True once the reader went away or writing failed: further writes are dropped. */
  readonly isEnded: boolean;
  /** Resolves once everything accepted has been written out, or output has ended. */
  finish(): Promise<void>;
  /** Memory log streams may read into, so that their bytes are written without a copy (a subscriber's `readMemory`). */
  readonly readMemory?: ReadMemory;
}
