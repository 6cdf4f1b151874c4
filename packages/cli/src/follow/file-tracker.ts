// One file of a follow session, as the session tracks it: the name to show, `-n +N` lines still
// to drop, tail-style notices for its events, and whether it is done with.
import type { LogLine, LogStreamError, MultiLogStreamEvent } from '@logstream/core';
import { describeError, describeEvent, describeMissing, type NoticeState } from './notices.js';
import type { PrintSource } from './printer.js';

/** What a tracked file needs from its session. */
export interface FileTrackerHost {
  notice(text: string): void;
  /** The file is done with: it ended (--no-follow) or was given up. */
  settled(file: FileTracker, giveUp: boolean): void;
  /** Something that should never happen did. */
  internalError(error: Error): void;
}

/** One followed file: created by the session when the file joins, fed its events and errors. */
export class FileTracker implements PrintSource {
  /** Set once the file could not be followed (missing with --no-follow, a directory, unreadable). */
  failed = false;
  private state: NoticeState | 'settled' = 'starting';
  /** The file exists but could not be opened: the core then says `waiting`, which is not news. */
  private unreadable = false;

  constructor(
    readonly path: string,
    /** Shown in headers, prefixes, JSON `file` and notices. */
    readonly name: string,
    /** Lines still to drop from the start of the file (`-n +N`). */
    private skip: number,
    private readonly follow: boolean,
    private readonly host: FileTrackerHost,
  ) {}

  get isSettled(): boolean {
    return this.state === 'settled';
  }

  /** `lines` without those `-n +N` still drops. */
  keep(lines: readonly LogLine[]): readonly LogLine[] {
    if (this.skip === 0) return lines;
    const dropped = Math.min(this.skip, lines.length);
    this.skip -= dropped;
    return lines.slice(dropped);
  }

  /** Where in `bytes` printing starts, after the lines `-n +N` still drops. */
  keepFrom(bytes: Buffer): number {
    let from = 0;
    for (; this.skip > 0 && from < bytes.length; this.skip--) {
      const nl = bytes.indexOf(0x0a, from);
      from = nl === -1 ? bytes.length : nl + 1;
    }
    return from;
  }

  onEvent(event: MultiLogStreamEvent): void {
    const before = this.state;
    if (before === 'settled') return;
    // `-n +N` counts lines of the file that was there at the start, and of no file after it.
    if (event.type === 'waiting' || event.type === 'rotated' || event.type === 'replaced' || event.type === 'truncated') this.skip = 0;
    if (event.type === 'end') return this.settle(before === 'following' ? undefined : describeMissing(this.name), false);
    if (event.type === 'file-removed') return this.settle(undefined, false);
    const notice = this.follow ? this.noticeFor(event, before) : undefined;
    if (notice !== undefined) this.host.notice(notice);
    if (event.type === 'waiting') this.state = 'waiting';
    if (event.type === 'following') this.state = 'following';
  }

  onError(error: LogStreamError): void {
    if (this.state === 'settled') return;
    if (error.code === 'ERR_FILE_ACCESS') this.unreadable = true;
    if (error.code === 'ERR_SUBSCRIBER') return this.host.internalError(error);
    // A directory is given up on, as tail does; with --no-follow, so is any file that fails.
    const givesUp = error.code === 'ERR_NOT_A_FILE' || !this.follow;
    if (givesUp) return this.settle(describeError(error, this.name, this.follow), true);
    this.host.notice(describeError(error, this.name, this.follow));
  }

  private noticeFor(event: MultiLogStreamEvent, before: NoticeState): string | undefined {
    if (event.type === 'file-added' || event.type === 'file-removed') return undefined;
    if (!this.unreadable) return describeEvent(event, this.name, before);
    if (event.type !== 'following') return undefined;
    this.unreadable = false;
    return `'${this.name}' is readable now; following it`;
  }

  private settle(failure: string | undefined, giveUp: boolean): void {
    this.state = 'settled';
    if (failure !== undefined) {
      this.failed = true;
      this.host.notice(failure);
    }
    this.host.settled(this, giveUp);
  }
}
