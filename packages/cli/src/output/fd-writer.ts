// Writes output straight to a blocking descriptor (a pipe, socket or file), as tail does: no
// stream buffering, so a burst goes out as fast as the reader takes it.
import { writeSync } from 'node:fs';
import { StdoutWriter, type OutputEnd, type OutputStream, type OutputWriter } from './stdout-writer.js';

/**
 * Writes with write(2) on the calling thread: each `write` returns once its bytes are written, so
 * a lent buffer is free again at once and nothing queues in memory. While a reader is not
 * reading, the process waits in write(2), as GNU tail does. If the descriptor turns out to be
 * non-blocking (EAGAIN: another program, or a stream on a descriptor sharing it, made it so),
 * the rest of the output goes through the stream from `stream()`, which waits without blocking.
 *
 * @example
 * const writer = new FdWriter(1, () => process.stdout, (end) => stop(end));
 * writer.write('line\n'); // written when it returns
 */
export class FdWriter implements OutputWriter {
  private ended: OutputEnd | undefined;
  private released = false;
  private fallback: StdoutWriter | undefined;

  constructor(
    private readonly fd: number,
    private readonly stream: () => OutputStream,
    private readonly onEnd: (end: OutputEnd) => void,
  ) {}

  get isEnded(): boolean {
    return this.ended !== undefined || this.fallback?.isEnded === true;
  }

  write(text: string | Buffer): Promise<void> | undefined {
    if (this.fallback) return this.fallback.write(text);
    if (this.ended || text.length === 0) return undefined;
    const bytes = typeof text === 'string' ? Buffer.from(text) : text;
    let done = 0;
    try {
      while (done < bytes.length) done += writeSync(this.fd, bytes, done, bytes.length - done);
      return undefined;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EAGAIN' || code === 'EWOULDBLOCK' || code === 'EINTR') return this.viaStream(bytes.subarray(done));
      this.ended = code === 'EPIPE' || code === 'ECONNRESET' ? { reason: 'closed' } : { reason: 'failed', error: error as Error };
      this.onEnd(this.ended);
      return undefined;
    }
  }

  release(): void {
    this.released = true;
    this.fallback?.release();
  }

  private viaStream(rest: Buffer): Promise<void> | undefined {
    this.fallback = new StdoutWriter(this.stream(), this.onEnd);
    if (this.released) this.fallback.release();
    return this.fallback.write(rest);
  }
}
