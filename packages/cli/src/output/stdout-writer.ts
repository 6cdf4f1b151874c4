// Writes output text with backpressure, and turns a closed output pipe (EPIPE) into a quiet stop.
import type { Writable } from 'node:stream';

/** Where output goes: `process.stdout` or any writable stream. */
export type OutputStream = Writable & { readonly isTTY?: boolean };

/** Why output stopped: the reader went away (`closed`), or writing failed (`failed`, with the error). */
export type OutputEnd = { readonly reason: 'closed' } | { readonly reason: 'failed'; readonly error: Error };

/**
 * Writes strings to an output stream and tells its caller when to wait: `write` returns a promise
 * while the stream's buffer is full, resolved on `drain`, so a producer that awaits it slows down
 * to the pace of the reader. A reader that goes away (`logstream … | head`) ends output quietly.
 *
 * @example
 * const writer = new StdoutWriter(process.stdout, (end) => stop(end));
 * await writer.write('line\n'); // resolves at once unless the stream is full
 */
export class StdoutWriter {
  private ended: OutputEnd | undefined;
  private released = false;
  private waiting: Promise<void> | undefined;
  private wake: (() => void) | undefined;

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
    if (this.stream.write(text) || this.released) return undefined;
    return (this.waiting ??= new Promise<void>((resolve) => {
      this.wake = resolve;
      this.stream.once('drain', () => this.resume());
    }));
  }

  /** Stops making callers wait (shutting down): pending and later writes return at once. */
  release(): void {
    this.released = true;
    this.resume();
  }

  private resume(): void {
    const wake = this.wake;
    this.waiting = undefined;
    this.wake = undefined;
    wake?.();
  }

  private fail(error: Error): void {
    if (this.ended) return;
    const code = (error as NodeJS.ErrnoException).code;
    this.ended = code === 'EPIPE' || code === 'ECONNRESET' || code === 'ERR_STREAM_DESTROYED' ? { reason: 'closed' } : { reason: 'failed', error };
    this.resume();
    this.onEnd(this.ended);
  }
}
