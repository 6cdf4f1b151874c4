// Writes output text with backpressure, and turns a closed output pipe (EPIPE) into a quiet stop.
import type { Writable } from 'node:stream';
import type { Output, OutputEnd } from './output.js';

/** Where output goes: `process.stdout` or any writable stream. */
export type OutputStream = Writable & { readonly isTTY?: boolean };

/**
 * Writes text and bytes to an output stream and tells its caller when to wait. For a string,
 * `write` returns a promise while the stream's buffer is full, resolved on `drain`, so a producer
 * that awaits it slows down to the pace of the reader. A buffer may be lent (a log stream's
 * `onLogBytes` bytes are reused once its subscriber is done): while the stream still holds it,
 * `write` returns a promise resolved once it has been written. A reader that goes away
 * (`logstream … | head`) ends output quietly.
 *
 * @example
 * const writer = new StdoutWriter(process.stdout, (end) => stop(end));
 * await writer.write('line\n'); // resolves at once unless the stream is full
 */
export class StdoutWriter implements Output {
  private ended: OutputEnd | undefined;
  private released = false;
  private waiting: Promise<void> | undefined;
  /** Who waits: for `drain`, or for lent buffers to be written. */
  private readonly wakers = new Set<() => void>();

  constructor(
    private readonly stream: OutputStream,
    private readonly onEnd: (end: OutputEnd) => void,
  ) {
    // Stays attached for the life of the stream: an EPIPE that arrives late must never crash.
    stream.on('error', (error: Error) => this.fail(error));
  }

  /** True once the reader went away or writing failed: further writes are dropped. */
  get isEnded(): boolean {
    return this.ended !== undefined;
  }

  /** Writes `text`; returns a promise to await when the stream asks the writer to slow down. */
  write(text: string | Buffer): Promise<void> | undefined {
    if (this.ended || text.length === 0) return undefined;
    if (typeof text !== 'string') return this.writeLent(text);
    if (this.stream.write(text) || this.released) return undefined;
    return (this.waiting ??= this.wait((wake) =>
      this.stream.once('drain', () => {
        this.waiting = undefined;
        wake();
      }),
    ));
  }

  /** Stops making callers wait (shutting down): pending and later writes return at once. */
  release(): void {
    this.released = true;
    this.wakeAll();
  }

  /** Resolves at once: a Node stream writes out what it holds before the process exits. */
  finish(): Promise<void> {
    return Promise.resolve();
  }

  private writeLent(bytes: Buffer): Promise<void> | undefined {
    let written = false;
    let wake: (() => void) | undefined;
    this.stream.write(bytes, () => {
      written = true;
      wake?.();
    });
    // A stream that wrote everything at once (or has already called back) holds nothing of it.
    if (written || this.stream.writableLength === 0 || this.released || this.ended) return undefined;
    return this.wait((resolve) => (wake = resolve));
  }

  /** A promise resolved by `arm`'s callback, or by release, end or failure, whichever comes first. */
  private wait(arm: (wake: () => void) => void): Promise<void> {
    return new Promise<void>((resolve) => {
      const wake = () => {
        if (this.wakers.delete(wake)) resolve();
      };
      this.wakers.add(wake);
      arm(wake);
    });
  }

  private wakeAll(): void {
    this.waiting = undefined;
    for (const wake of [...this.wakers]) wake();
  }

  private fail(error: Error): void {
    if (this.ended) return;
    const code = (error as NodeJS.ErrnoException).code;
    this.ended = code === 'EPIPE' || code === 'ECONNRESET' || code === 'ERR_STREAM_DESTROYED' ? { reason: 'closed' } : { reason: 'failed', error };
    this.wakeAll();
    this.onEnd(this.ended);
  }
}
