// The engine of one following session: on every hint it checks what the path names now, reads
// the current file to its end, drains files rotated away, and recognises truncation and rewrites.
import { lstat, realpath } from 'node:fs/promises';
import type { Stats } from 'node:fs';
import { FileAccessError, NotAFileError, ReadError, errnoCode, type LogStreamError } from '../errors/log-stream-error.js';
import type { SequenceCounter } from '../framing/line-framer.js';
import type { BatchWants, LogBatch } from '../framing/log-batch.js';
import { FileWatcher } from '../watch/file-watcher.js';
import { closeDescriptor, openForReading, statDescriptor, statPath } from './fs-ops.js';
import { OpenFile, type FileState, type LineSink, type ReadOutcome } from './open-file.js';
import { PartialLineFlush } from './partial-line-flush.js';
import { readFully, type ReadContext } from './read-fully.js';
import { initialOffset } from './resume-offset.js';
import { RotatedFiles } from './rotated-files.js';
import type { ResolvedStreamOptions } from './resolve-options.js';
import type { LogStreamEvent, LogStreamStats, LogStreamStatus, ReadMemory, WaitingReason } from './stream-types.js';

/** What a follower reports to its stream. */
export interface FollowerHost {
  /** Delivers lines; resolves false when they could not reach subscribers (the session stopped). */
  deliver(batch: LogBatch): boolean | Promise<boolean>;
  /** Which forms of the lines the subscribers want now. */
  wants(): BatchWants;
  /** Memory a subscriber offers to read into, if any. */
  readMemory(): ReadMemory | undefined;
  event(event: LogStreamEvent): void;
  error(error: LogStreamError): void;
  /** `follow: false` reached the end of the file. */
  ended(): void;
}

export class FileFollower {
  status: LogStreamStatus = 'waiting';
  private waitingFor: WaitingReason | undefined;
  private finished = false;
  private current: OpenFile | undefined;
  private readonly rotated: RotatedFiles;
  private watcher: FileWatcher | undefined;
  private stopped = false;
  private syncing: Promise<void> | undefined;
  private syncRequested = false;
  private mustLocate = true;
  private reported = new Set<string>();
  private readonly partialFlush: PartialLineFlush;
  private readonly isStopped = () => this.stopped;
  private start: FileState | 'first' | 'new' = 'first';
  private release: () => void = () => undefined;
  private readonly stopping = new Promise<false>((resolve) => (this.release = () => resolve(false)));
  private readonly reading: ReadContext;
  private readonly sink: LineSink = {
    deliver: (batch) => {
      if (this.stopped) return false;
      const delivered = this.host.deliver(batch);
      // A subscriber that never settles must not hold a stopping stream: the batch then counts
      // as undelivered, and is read again on resume.
      return typeof delivered === 'boolean' ? delivered : Promise.race([delivered, this.stopping]);
    },
    wants: () => this.host.wants(),
    readMemory: () => this.host.readMemory(),
  };

  constructor(
    private readonly path: string,
    private readonly options: ResolvedStreamOptions,
    private readonly host: FollowerHost,
    private readonly seq: SequenceCounter,
    private readonly stats: LogStreamStats,
  ) {
    this.reading = {
      path,
      sink: this.sink,
      isStopped: this.isStopped,
      // Only where OS events work (so the file system is local): polling serves network mounts.
      blockingReads: () => this.watcher?.backend === 'native',
      onTruncated: (event) => {
        this.stats.truncations++;
        this.host.event(event);
      },
    };
    this.partialFlush = new PartialLineFlush(options.partialLineFlushMs, () => this.requestSync());
    this.rotated = new RotatedFiles({
      reading: this.reading,
      graceMs: options.rotationGraceMs,
      pollIntervalMs: options.pollIntervalMs,
      tick: () => this.requestSync(),
      event: (event) => this.host.event(event),
      error: (error) => this.host.error(error),
    });
  }

  /** Starts watching and positions in the file (if it exists); resolves when both are done. */
  async begin(start: FileState | 'first' | 'new'): Promise<void> {
    this.start = start;
    // Hints that arrive while positioning only mark a sync as wanted; the loop runs after.
    const positioned = this.position();
    this.syncRequested = true;
    this.syncing = positioned.then(() => this.runSyncs()).finally(() => this.syncDone());
    await positioned;
  }

  private async position(): Promise<void> {
    try {
      if (this.options.follow && !this.stopped) {
        const watcher = new FileWatcher(this.path, {
          onHint: (hint) => this.requestSync(hint.reason !== 'change'),
          onEvent: (event) => this.host.event(event),
          onError: (error) => this.host.error(error as LogStreamError),
        }, this.options);
        this.watcher = watcher;
        await watcher.ready;
      }
      await this.locate();
    } catch (error) {
      this.reportOnce('read', new ReadError(this.path, error));
    }
  }

  /**
   * Stops, closes every descriptor, watch and timer, and returns where to resume: the current
   * file's state, or, when no file was open, what the next open should do.
   */
  async stop(): Promise<FileState | 'first' | 'new'> {
    this.stopped = true;
    this.release();
    await this.watcher?.close();
    await this.syncing;
    // A sync that was running may have armed a timer before it saw the stop.
    this.partialFlush.cancel();
    const resume = this.current?.state() ?? this.start;
    await Promise.all([this.current?.close(), this.rotated.close()]);
    this.current = undefined;
    return resume;
  }

  /** Asks for a sync; `pathMayHaveChanged` false (a content event) lets it skip stat'ing the path. */
  requestSync(pathMayHaveChanged = true): void {
    if (this.stopped) return;
    if (pathMayHaveChanged) this.mustLocate = true;
    this.syncRequested = true;
    this.syncing ??= this.runSyncs().finally(() => this.syncDone());
  }

  private syncDone(): void {
    this.syncing = undefined;
    if (this.syncRequested) this.requestSync();
  }

  private async runSyncs(): Promise<void> {
    while (this.syncRequested && !this.stopped) {
      this.syncRequested = false;
      try {
        await this.syncOnce();
        this.reported.delete('read');
      } catch (error) {
        this.reportOnce('read', new ReadError(this.path, error));
        if (!this.options.follow) this.finish(undefined);
      }
    }
  }

  private async syncOnce(): Promise<void> {
    await this.rotated.readAll();
    // A content event for the open file needs no stat of the path: its identity did not change
    // (a rename or deletion comes as its own event, and the reconcile stat catches lost ones).
    const locateNow = this.mustLocate || !this.current;
    this.mustLocate = false;
    const st = locateNow ? await this.locate() : undefined;
    const file = this.current;
    if (!file || (locateNow && !st) || this.stopped) return;
    await this.readFully(file, st?.size ?? 0);
    file.lastSeenSize = Math.max(st?.size ?? 0, file.position);
    if (!this.options.follow) return this.finish(file);
    if (!this.stopped) await this.partialFlush.check(file, this.sink);
  }

  private readFully(file: OpenFile, sizeHint = 0): Promise<ReadOutcome> {
    return readFully(file, this.reading, sizeHint);
  }

  /** Stats the path and makes `current` the file it names; returns the stat when it is a file. */
  private async locate(): Promise<Stats | undefined> {
    const st = await statPath(this.path);
    if (st instanceof Error) {
      this.reportOnce('stat', new ReadError(this.path, st));
      if (!this.options.follow) this.finish(undefined);
      return undefined;
    }
    this.reported.delete('stat');
    if (!st || !st.isFile()) {
      if (st) this.reportOnce('not-a-file', new NotAFileError(this.path, st.isDirectory() ? 'directory' : 'special file'));
      if (this.current) await this.retire(this.current, undefined);
      // Whatever appears at the path from now on is new content, to be read from byte 0.
      this.start = 'new';
      this.setWaiting(st ? 'not-a-file' : 'missing');
      if (!this.options.follow) this.finish(undefined);
      return undefined;
    }
    this.reported.delete('not-a-file');
    const file = this.current;
    if (file && (file.dev !== st.dev || file.ino !== st.ino)) await this.retire(file, st);
    if (!this.current) await this.open();
    return this.current ? st : undefined;
  }

  private async open(): Promise<void> {
    let fd: number;
    try {
      fd = await openForReading(this.path);
    } catch (error) {
      const code = errnoCode(error);
      if (code === 'ENOENT') {
        this.syncRequested = true;
        return;
      }
      if (code === 'EACCES' || code === 'EPERM') this.reportOnce('access', new FileAccessError(this.path, error));
      else this.reportOnce('open', new ReadError(this.path, error));
      this.setWaiting('unreadable');
      // Without following there is no later: the file is given up on, and the stream ends.
      if (!this.options.follow) this.finish(undefined);
      return;
    }
    this.reported.delete('access');
    this.reported.delete('open');
    if (this.stopped) return closeDescriptor(fd);
    const opened = await this.adopt(fd, this.start);
    if (!opened) return;
    const { file, offset } = opened;
    this.start = 'new';
    await this.rotated.addSkippedGenerations(file, async (path) => {
      const skipped = await openForReading(path).catch(() => undefined);
      return skipped === undefined ? undefined : (await this.adopt(skipped, 'new'))?.file;
    }).catch((error: unknown) => this.host.error(new ReadError(this.path, error)));
    this.current = file;
    this.status = 'following';
    this.waitingFor = undefined;
    this.host.event({ type: 'following', path: this.path, offset });
    await this.trackLinkTarget();
  }

  /** Wraps an open descriptor, positioned per `start`; closes it when that fails or it is no file. */
  private async adopt(fd: number, start: FileState | 'first' | 'new'): Promise<{ file: OpenFile; offset: number } | undefined> {
    try {
      const st = await statDescriptor(fd);
      if (!st.isFile()) {
        // The path changed between its stat and the open: look again.
        await closeDescriptor(fd);
        this.syncRequested = true;
        return undefined;
      }
      const offset = await initialOffset(fd, st, start, this.options, (event) => this.host.event(event));
      return { file: await OpenFile.at(fd, this.path, this.seq, offset, this.options.maxLineBytes, this.stats), offset };
    } catch (error) {
      await closeDescriptor(fd);
      throw error;
    }
  }

  /** Reads a file the path no longer names to its end and keeps it draining for late writes. */
  private async retire(file: OpenFile, replacement: Stats | undefined): Promise<void> {
    this.current = undefined;
    await this.readFully(file);
    const links = (await statDescriptor(file.fd).catch(() => undefined))?.nlink ?? 0;
    await this.rotated.add(file);
    if (replacement) {
      this.stats.rotations++;
      this.host.event({ type: links > 0 ? 'rotated' : 'replaced', path: this.path });
    }
  }

  private finish(file: OpenFile | undefined): void {
    if (this.stopped || this.finished) return;
    this.finished = true;
    const done = file ? file.flushPartial(this.sink) : Promise.resolve();
    void done.then(() => this.host.ended());
  }




  private setWaiting(reason: WaitingReason): void {
    if (this.status === 'waiting' && this.waitingFor === reason) return;
    this.status = 'waiting';
    this.waitingFor = reason;
    this.host.event({ type: 'waiting', path: this.path, reason });
  }

  private async trackLinkTarget(): Promise<void> {
    const link = await lstat(this.path).catch(() => undefined);
    const target = link?.isSymbolicLink() ? await realpath(this.path).catch(() => undefined) : undefined;
    this.watcher?.setLinkTarget(target);
  }

  /** Reports an error once until the condition clears, so a retry loop cannot flood subscribers. */
  private reportOnce(key: string, error: LogStreamError): void {
    if (this.reported.has(key)) return;
    this.reported.add(key);
    this.host.error(error);
  }
}
