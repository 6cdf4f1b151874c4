// Finds the files a folder or glob names, now and as they come and go: one shared watch per
// folder (events say "look again"), plus a rescan safety net that lists a folder only when its
// modification time changed.
import type { Dirent } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { ANY_NAME, watchInDirectory } from '../watch/directory-watch.js';
import { onTick } from '../watch/shared-ticker.js';
import type { GlobPattern } from './glob-pattern.js';

/** How a discovery watches. */
export interface DiscoveryOptions {
  /** Period of the safety-net rescan (and the only way to notice changes without OS events). */
  readonly rescanIntervalMs: number;
  /** Use OS events (fs.watch on each folder); false: rescans only. */
  readonly native: boolean;
  /** File names never picked up. */
  readonly exclude: RegExp | undefined;
}

/** What a discovery reports. */
export interface DiscoveryHandlers {
  added(path: string): void;
  removed(path: string): void;
}

interface FolderState {
  level: number;
  ino: number;
  mtimeMs: number;
  files: Set<string>;
  folders: Set<string>;
  stopWatch: (() => void) | undefined;
}

/** A small delay that lets a burst of folder events become one listing. */
const EVENT_SETTLE_MS = 10;

/** Tracks the files under one glob's base folder that match it. */
export class FileDiscovery {
  private readonly folders = new Map<string, FolderState>();
  private readonly dirty = new Set<string>();
  private stopTick: (() => void) | undefined;
  private settleTimer: NodeJS.Timeout | undefined;
  private scanning: Promise<void> = Promise.resolve();
  private stopped = false;

  constructor(
    private readonly glob: GlobPattern,
    private readonly options: DiscoveryOptions,
    private readonly handlers: DiscoveryHandlers,
  ) {}

  /** Lists what matches now (reported through `added`) and starts watching for changes. */
  async start(): Promise<void> {
    this.stopTick = onTick(this.options.rescanIntervalMs, () => void this.rescan(false));
    await this.rescan(true);
  }

  /** Stops watching; reports nothing more. */
  stop(): void {
    this.stopped = true;
    this.stopTick?.();
    clearTimeout(this.settleTimer);
    for (const folder of this.folders.values()) folder.stopWatch?.();
    this.folders.clear();
  }

  /** Every matching file known now. */
  get files(): string[] {
    return [...this.folders.values()].flatMap((f) => [...f.files]);
  }

  private rescan(force: boolean): Promise<void> {
    this.scanning = this.scanning.then(() => this.scanFolder(this.glob.base, 0, force)).catch(() => undefined);
    return this.scanning;
  }

  private async scanFolder(dir: string, level: number, force: boolean): Promise<void> {
    if (this.stopped) return;
    const st = await stat(dir).catch(() => undefined);
    let folder = this.folders.get(dir);
    if (!st?.isDirectory()) {
      if (folder) this.forget(dir);
      return;
    }
    if (folder && folder.ino !== st.ino) {
      this.forget(dir);
      folder = undefined;
    }
    const wasDirty = this.dirty.delete(dir);
    const changed = !folder || force || wasDirty || folder.mtimeMs !== st.mtimeMs;
    if (!folder) {
      folder = { level, ino: st.ino, mtimeMs: st.mtimeMs, files: new Set(), folders: new Set(), stopWatch: undefined };
      this.folders.set(dir, folder);
      folder.stopWatch = this.watch(dir, st.ino);
    }
    if (changed) {
      folder.mtimeMs = st.mtimeMs;
      const entries = await readdir(dir, { withFileTypes: true }).catch(() => [] as Dirent[]);
      if (this.stopped || this.folders.get(dir) !== folder) return;
      await this.update(dir, folder, entries);
    }
    for (const sub of [...folder.folders]) await this.scanFolder(sub, level + 1, force);
  }

  private async update(dir: string, folder: FolderState, entries: Dirent[]): Promise<void> {
    const files = new Set<string>();
    const folders = new Set<string>();
    for (const entry of entries) {
      const path = join(dir, entry.name);
      let isFile = entry.isFile();
      let isDir = entry.isDirectory();
      if (entry.isSymbolicLink()) {
        // A link to a file counts as the file; links to folders are not walked (they can loop).
        isFile = (await stat(path).catch(() => undefined))?.isFile() ?? false;
        isDir = false;
      }
      if (isDir && folder.level < this.glob.depth) folders.add(path);
      else if (isFile && this.glob.regex.test(path) && !this.options.exclude?.test(entry.name)) files.add(path);
    }
    if (this.stopped) return;
    for (const path of folder.files) if (!files.has(path)) this.handlers.removed(path);
    for (const path of files) if (!folder.files.has(path)) this.handlers.added(path);
    for (const sub of folder.folders) if (!folders.has(sub)) this.forget(sub);
    folder.files = files;
    folder.folders = folders;
  }

  /** Drops a folder that is gone: its files are reported removed, its watch stopped. */
  private forget(dir: string): void {
    const folder = this.folders.get(dir);
    if (!folder) return;
    this.folders.delete(dir);
    folder.stopWatch?.();
    for (const path of folder.files) this.handlers.removed(path);
    for (const sub of folder.folders) this.forget(sub);
  }

  private watch(dir: string, ino: number): (() => void) | undefined {
    if (!this.options.native) return undefined;
    try {
      return watchInDirectory(dir, ino, ANY_NAME, {
        onEvent: () => this.markDirty(dir),
        onError: () => undefined, // the rescan keeps finding changes without events
        onReplaced: () => this.markDirty(dir),
      });
    } catch {
      return undefined;
    }
  }

  private markDirty(dir: string): void {
    this.dirty.add(dir);
    if (this.settleTimer) return;
    this.settleTimer = setTimeout(() => {
      this.settleTimer = undefined;
      void this.rescan(false);
    }, EVENT_SETTLE_MS);
  }
}
