// The optional partial-line flush: an unfinished line that has waited `partialLineFlushMs`
// without growing is delivered as `partial`, once; a timer brings the follower back to check.
import type { LineSink, OpenFile } from './open-file.js';

export class PartialLineFlush {
  private held = { offset: -1, since: 0 };
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly waitMs: number | undefined,
    private readonly recheck: () => void,
  ) {}

  /** After a read of `file`: flushes its unfinished line if it waited long enough, or arms the timer. */
  async check(file: OpenFile, sink: LineSink): Promise<void> {
    const wait = this.waitMs;
    if (wait === undefined || file.framer.heldBytes === 0) return;
    const now = Date.now();
    if (this.held.offset !== file.framer.committedOffset) this.held = { offset: file.framer.committedOffset, since: now };
    else if (now - this.held.since >= wait) return file.flushPartial(sink);
    clearTimeout(this.timer);
    this.timer = setTimeout(this.recheck, Math.max(1, this.held.since + wait - now));
  }

  cancel(): void {
    clearTimeout(this.timer);
  }
}
