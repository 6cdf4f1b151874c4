// The files a stream's path no longer names, kept open and re-read for a grace period so that
// lines a writer still appends to them (after a rename rotation) arrive, before the new file's.
import { ReadError, type LogStreamError } from '../errors/log-stream-error.js';
import { onTick } from '../watch/shared-ticker.js';
import type { OpenFile } from './open-file.js';
import { readFully, type ReadContext } from './read-fully.js';
import { findSkippedGenerations, identityKey } from './skipped-generations.js';
import type { LogStreamEvent } from './stream-types.js';

/** Rotated-away files kept open and re-read at once, at most. */
export const MAX_ROTATED_FILES = 16;

/** What the rotated files need from their follower. */
export interface RotatedFilesHost {
  readonly reading: ReadContext;
  readonly graceMs: number;
  readonly pollIntervalMs: number;
  /** Called every `pollIntervalMs` while files drain: the follower should sync. */
  tick(): void;
  event(event: LogStreamEvent): void;
  error(error: LogStreamError): void;
}

interface Draining {
  file: OpenFile;
  lastGrowth: number;
}

export class RotatedFiles {
  private files: Draining[] = [];
  private stopTick: (() => void) | undefined;
  private closed = false;

  constructor(private readonly host: RotatedFilesHost) {}

  /** The file rotated away last, if it still drains. */
  get newest(): OpenFile | undefined {
    return this.files.at(-1)?.file;
  }

  /** Device:inode keys of the draining files. */
  keys(): string[] {
    return this.files.map((d) => identityKey(d.file.dev, d.file.ino));
  }

  /** Keeps `file` (already read to its end) draining; beyond the cap the oldest are let go early. */
  async add(file: OpenFile): Promise<void> {
    this.files.push({ file, lastGrowth: Date.now() });
    // Every sync re-reads the files still draining, so there must not be many.
    for (const oldest of this.files.slice(0, Math.max(0, this.files.length - MAX_ROTATED_FILES))) await this.read(oldest, true);
    if (!this.closed) this.stopTick ??= onTick(this.host.pollIntervalMs, () => this.host.tick());
  }

  /**
   * Before `next` becomes current: reads and keeps draining the numbered generations rotated in
   * and out again since the newest draining file (see skipped-generations.ts), oldest first.
   */
  async addSkippedGenerations(next: OpenFile, open: (path: string) => Promise<OpenFile | undefined>): Promise<void> {
    const last = this.newest;
    if (!last) return;
    const known = new Set([...this.keys(), identityKey(next.dev, next.ino)]);
    for (const path of await findSkippedGenerations(this.host.reading.path, last, known)) {
      const file = await open(path);
      if (!file) continue;
      await readFully(file, this.host.reading);
      await this.add(file);
    }
  }

  /** Reads every draining file to its end, releasing those idle past the grace period. */
  async readAll(): Promise<void> {
    for (const d of [...this.files]) await this.read(d).catch((error: unknown) => this.drop(d, error));
  }

  /** Closes every file without reading it again. */
  async close(): Promise<void> {
    this.closed = true;
    this.stopTick?.();
    this.stopTick = undefined;
    const files = this.files.splice(0);
    await Promise.all(files.map((d) => d.file.close()));
  }

  private async read(d: Draining, force = false): Promise<void> {
    const outcome = await readFully(d.file, this.host.reading);
    const now = Date.now();
    if (outcome.bytes > 0) d.lastGrowth = now;
    if ((now - d.lastGrowth < this.host.graceMs && !force) || this.host.reading.isStopped()) return;
    await d.file.flushPartial(this.host.reading.sink);
    await this.remove(d);
    this.host.event({ type: 'drained', path: this.host.reading.path, offset: d.file.position });
  }

  /** A rotated-away file that cannot be read any more is reported and released. */
  private async drop(d: Draining, error: unknown): Promise<void> {
    this.host.error(new ReadError(this.host.reading.path, error));
    await this.remove(d);
  }

  private async remove(d: Draining): Promise<void> {
    this.files = this.files.filter((x) => x !== d);
    await d.file.close();
    if (this.files.length > 0) return;
    this.stopTick?.();
    this.stopTick = undefined;
  }
}
