// One file of a follow session: its LogStream and subscriber, which applies `-n +N`, turns
// stream events into tail-style notices and reports when the file is done with.
import { LogStream, type LogBytesInfo, type LogLine, type LogStreamError, type LogStreamEvent, type LogStreamOptions } from '@logstream/core';
import type { StartAt } from './args.js';
import { describeError, describeEvent, describeMissing, type NoticeState } from './notices.js';
import type { PrintSource } from './printer.js';

/** A file to follow: its path, and the name to show for it. */
export interface FileTarget {
  readonly path: string;
  /** Shown in headers, prefixes, JSON `file` and notices. */
  readonly name: string;
}

/** How every file of a session is followed. */
export interface FollowFileOptions {
  readonly start: StartAt;
  readonly follow: boolean;
  readonly watcher: 'auto' | 'poll';
  readonly pollIntervalMs: number | undefined;
  /** Print the files' own bytes (output is the lines unchanged), not re-encoded text. @default false */
  readonly passBytes?: boolean;
}

/** What a followed file needs from its session. */
export interface FollowedFileHost {
  /** Prints lines; a returned promise asks the file to wait (the output is full). */
  print(file: FollowedFile, lines: readonly LogLine[]): Promise<void> | undefined;
  /** Prints lines' raw bytes (when `passBytes`); `partial`: the last has no newline. A returned promise asks the file to wait. */
  printBytes(file: FollowedFile, bytes: Buffer, partial: boolean): Promise<void> | undefined;
  notice(text: string): void;
  /** The file is done with: it ended (--no-follow) or was given up. */
  settled(file: FollowedFile): void;
  /** Something that should never happen did. */
  internalError(error: Error): void;
}

/** One followed file. Created by a session; `start` subscribes and waits until watching began. */
export class FollowedFile implements PrintSource {
  readonly name: string;
  readonly stream: LogStream;
  /** Set once the file could not be followed (missing with --no-follow, a directory, unreadable). */
  failed = false;
  private state: NoticeState | 'settled' = 'starting';
  /** Lines still to drop from the start of the first file (`-n +N`). */
  private skip: number;
  /** The file exists but could not be opened: the core then says `waiting`, which is not news. */
  private unreadable = false;

  constructor(
    target: FileTarget,
    private readonly options: FollowFileOptions,
    private readonly host: FollowedFileHost,
  ) {
    this.name = target.name;
    const { start } = options;
    // `-n +N` reads from the beginning and drops lines itself: the core counts lines from the end only.
    this.skip = 'fromLine' in start ? start.fromLine - 1 : 0;
    const streamOptions: LogStreamOptions = {
      start: 'fromLine' in start ? 'beginning' : { lines: start.last },
      follow: options.follow,
      watcher: options.watcher,
    };
    if (options.pollIntervalMs !== undefined) streamOptions.pollIntervalMs = options.pollIntervalMs;
    this.stream = new LogStream(target.path, streamOptions);
  }

  /** True once the file ended or was given up. */
  get isSettled(): boolean {
    return this.state === 'settled';
  }

  /** Subscribes; resolves once the stream watches and has positioned itself in the file. */
  async start(): Promise<void> {
    const print = this.options.passBytes
      ? { onLogBytes: (bytes: Buffer, info: LogBytesInfo) => this.onBytes(bytes, info) }
      : { onLines: (lines: readonly LogLine[]) => this.onLines(lines) };
    this.stream.subscribe({
      ...print,
      onEvent: (event) => this.onEvent(event),
      onError: (error) => this.onError(error),
    });
    await this.stream.ready;
  }

  /** Stops following and releases the file. */
  close(): Promise<void> {
    return this.stream.close();
  }

  private onLines(lines: readonly LogLine[]): Promise<void> | undefined {
    if (this.skip === 0) return this.host.print(this, lines);
    const dropped = Math.min(this.skip, lines.length);
    this.skip -= dropped;
    return dropped === lines.length ? undefined : this.host.print(this, lines.slice(dropped));
  }

  private onBytes(bytes: Buffer, info: LogBytesInfo): Promise<void> | undefined {
    if (this.skip === 0) return this.host.printBytes(this, bytes, info.partial);
    let from = 0;
    for (; this.skip > 0 && from < bytes.length; this.skip--) {
      const nl = bytes.indexOf(0x0a, from);
      from = nl === -1 ? bytes.length : nl + 1;
    }
    return from === bytes.length ? undefined : this.host.printBytes(this, bytes.subarray(from), info.partial);
  }

  private onEvent(event: LogStreamEvent): void {
    const before = this.state;
    if (before === 'settled') return;
    // `-n +N` counts lines of the file that was there at the start, and of no file after it.
    if (event.type === 'waiting' || event.type === 'rotated' || event.type === 'replaced' || event.type === 'truncated') this.skip = 0;
    if (event.type === 'end') return this.settle(before === 'following' ? undefined : describeMissing(this.name));
    const notice = this.options.follow ? this.noticeFor(event, before) : undefined;
    if (notice !== undefined) this.host.notice(notice);
    if (event.type === 'waiting') this.state = 'waiting';
    if (event.type === 'following') this.state = 'following';
  }

  private noticeFor(event: LogStreamEvent, before: NoticeState): string | undefined {
    if (!this.unreadable) return describeEvent(event, this.name, before);
    if (event.type !== 'following') return undefined;
    this.unreadable = false;
    return `'${this.name}' is readable now; following it`;
  }

  private onError(error: LogStreamError): void {
    if (this.state === 'settled') return;
    if (error.code === 'ERR_FILE_ACCESS') this.unreadable = true;
    if (error.code === 'ERR_SUBSCRIBER') return this.host.internalError(error);
    // A directory is given up on, as tail does; with --no-follow, so is any file that fails.
    const givesUp = error.code === 'ERR_NOT_A_FILE' || !this.options.follow;
    if (givesUp) return this.settle(describeError(error, this.name, this.options.follow));
    this.host.notice(describeError(error, this.name, this.options.follow));
  }

  private settle(failure: string | undefined): void {
    this.state = 'settled';
    if (failure !== undefined) {
      this.failed = true;
      this.host.notice(failure);
    }
    this.host.settled(this);
  }
}
