// FileWatcher: turns OS file events (or polling) for one path into hints, with a reconcile stat
// that catches lost events and an automatic fallback to polling where events fail.
import { statSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { InvalidOptionError, WatchError, errnoCode } from '../errors/log-stream-error.js';
import { positiveOption, watcherModeOption } from '../errors/option-checks.js';
import { watchInDirectory } from './directory-watch.js';
import { sameSignature, signatureOf, type FileSignature } from './file-signature.js';
import { eventlessFileSystem } from './network-filesystem.js';
import { onTick } from './shared-ticker.js';
import {
  DEFAULT_POLL_INTERVAL_MS,
  DEFAULT_RECONCILE_INTERVAL_MS,
  type FileWatcherHandlers,
  type FileWatcherOptions,
  type WatchHint,
  type WatcherBackend,
  type WatcherMode,
} from './watch-types.js';

/** Reconcile ticks in a row that found a change no OS event reported before `auto` gives up on events. */
const SILENT_CHANGES_BEFORE_FALLBACK = 3;

interface NativeTarget {
  path: string;
  dir: string;
  dirIno: number | undefined;
  stop: (() => void) | undefined;
  /** True while the folder is missing and polled for; false once it is watched or watching failed. */
  dirMissing: boolean;
}

/**
 * Reports hints for one path. Native mode watches the file's folder (one watch per folder,
 * shared); polling compares stats; both keep a slow reconcile stat as a safety net.
 *
 * @example
 * const watcher = new FileWatcher('/var/log/app.log', { onHint: () => readMore() });
 * await watcher.ready;
 * // …
 * await watcher.close();
 */
export class FileWatcher {
  readonly path: string;
  /** Resolves once watching has begun. */
  readonly ready: Promise<void>;
  private readonly mode: WatcherMode;
  private readonly pollIntervalMs: number;
  private readonly reconcileIntervalMs: number;
  private readonly dropEvents: boolean;
  private current: WatcherBackend;
  private targets: NativeTarget[] = [];
  private stopTick: (() => void) | undefined;
  private stopDirPoll: (() => void) | undefined;
  private signatures = new Map<string, FileSignature>();
  private sawEvent = false;
  private silentChanges = 0;
  private closed: Promise<void> | undefined;

  constructor(path: string, private readonly handlers: FileWatcherHandlers, options: FileWatcherOptions = {}) {
    if (typeof path !== 'string' || path.length === 0) throw new InvalidOptionError('FileWatcher needs a non-empty path');
    this.path = resolve(path);
    this.mode = watcherModeOption(options.mode);
    this.pollIntervalMs = positiveOption(options.pollIntervalMs, DEFAULT_POLL_INTERVAL_MS, 'pollIntervalMs');
    this.reconcileIntervalMs = positiveOption(options.reconcileIntervalMs, DEFAULT_RECONCILE_INTERVAL_MS, 'reconcileIntervalMs');
    this.dropEvents = options.simulateEventLoss === true;
    this.current = this.mode === 'poll' ? 'poll' : 'native';
    this.ready = this.start();
  }

  /** The backend in use now (`auto` may have fallen back to `poll`). */
  get backend(): WatcherBackend {
    return this.current;
  }

  /** Also report changes of `target` (a symlink's destination), or stop doing so with undefined. */
  setLinkTarget(target: string | undefined): void {
    if (this.closed) return;
    const wanted = target === undefined || target === this.path ? [] : [target];
    for (const t of this.targets.slice(1)) if (!wanted.includes(t.path)) this.removeTarget(t);
    for (const w of wanted) if (!this.targets.some((t) => t.path === w)) this.addTarget(w);
  }

  /** Stops watching. Returns the same promise on every call. */
  close(): Promise<void> {
    this.closed ??= Promise.resolve().then(() => {
      this.stopTick?.();
      this.stopDirPoll?.();
      for (const t of this.targets) t.stop?.();
      this.targets = [];
    });
    return this.closed;
  }

  [Symbol.asyncDispose](): Promise<void> {
    return this.close();
  }

  private async start(): Promise<void> {
    if (this.mode === 'auto') {
      const fs = await eventlessFileSystem(dirname(this.path));
      if (fs !== undefined && !this.closed) this.fallBack(`${fs} file systems do not deliver change events`);
    }
    if (this.closed) return;
    this.addTarget(this.path);
    this.restartTick();
  }

  private addTarget(path: string): void {
    const target: NativeTarget = { path, dir: dirname(path), dirIno: undefined, stop: undefined, dirMissing: false };
    this.targets.push(target);
    this.signatures.set(path, signatureOf(path));
    if (this.current === 'native') this.attach(target);
  }

  private removeTarget(target: NativeTarget): void {
    target.stop?.();
    this.targets = this.targets.filter((t) => t !== target);
    this.signatures.delete(target.path);
  }

  private attach(target: NativeTarget): void {
    try {
      target.dirIno = statSync(target.dir).ino;
      target.stop = watchInDirectory(target.dir, target.dirIno, basename(target.path), {
        onEvent: (kind) => this.onNativeEvent(target, kind),
        onError: (error) => this.onNativeError(target, error),
        onReplaced: () => this.reattach(target),
      });
      if (target.dirMissing) {
        target.dirMissing = false;
        this.handlers.onEvent?.({ type: 'directory-restored', path: this.path, directory: target.dir });
      }
    } catch (error) {
      target.stop = undefined;
      if (errnoCode(error) === 'ENOENT' || errnoCode(error) === 'ENOTDIR') {
        target.dirIno = undefined;
        if (!target.dirMissing) this.handlers.onEvent?.({ type: 'directory-missing', path: this.path, directory: target.dir });
        target.dirMissing = true;
        this.ensureDirPoll();
        return;
      }
      this.onNativeError(target, error as Error);
    }
  }

  private onNativeEvent(target: NativeTarget, kind: 'change' | 'rename'): void {
    if (this.dropEvents || this.closed) return;
    this.sawEvent = true;
    this.silentChanges = 0;
    // A rename inside the folder may be the folder itself going away: check it cheaply.
    if (kind === 'rename') this.checkDirectory(target);
    this.hint(kind);
  }

  private onNativeError(target: NativeTarget, error: Error): void {
    target.stop?.();
    target.stop = undefined;
    const code = errnoCode(error) ?? 'error';
    if (this.mode === 'auto') {
      this.fallBack(`cannot watch ${target.dir} (${code})`, error);
    } else {
      this.handlers.onError?.(new WatchError(this.path, `OS file events failed (${code}); only the reconcile stat every ${this.reconcileIntervalMs} ms will notice changes`, error));
    }
  }

  private fallBack(reason: string, error?: Error): void {
    if (this.current === 'poll') return;
    this.current = 'poll';
    for (const t of this.targets) {
      t.stop?.();
      t.stop = undefined;
    }
    this.handlers.onEvent?.({ type: 'fallback-to-poll', path: this.path, reason, ...(error ? { error } : {}) });
    this.restartTick();
  }

  private restartTick(): void {
    this.stopTick?.();
    const period = this.current === 'poll' ? this.pollIntervalMs : this.reconcileIntervalMs;
    this.stopTick = onTick(period, () => this.onTickFired());
  }

  private onTickFired(): void {
    if (this.closed) return;
    let changed = false;
    for (const t of this.targets) {
      const sig = signatureOf(t.path);
      if (sameSignature(this.signatures.get(t.path), sig)) continue;
      this.signatures.set(t.path, sig);
      changed = true;
      // Only a change can mean the folder was replaced: then its old watch is deaf.
      if (this.current === 'native') this.checkDirectory(t);
    }
    if (changed && this.current === 'native' && !this.sawEvent) {
      if (++this.silentChanges >= SILENT_CHANGES_BEFORE_FALLBACK && this.mode === 'auto') this.fallBack('changes were seen that no OS event reported');
    }
    this.sawEvent = false;
    if (changed) this.hint(this.current === 'poll' ? 'poll' : 'reconcile');
  }

  /** Re-attaches a target whose folder was deleted or replaced since it was watched. */
  private checkDirectory(target: NativeTarget): void {
    if (this.current !== 'native' || target.stop === undefined) return;
    let ino: number | undefined;
    try {
      ino = statSync(target.dir, { throwIfNoEntry: false })?.ino;
    } catch {
      // EACCES on a parent, ELOOP…: attaching again reports it (or falls back to polling).
    }
    if (ino === target.dirIno) return;
    this.reattach(target);
  }

  private reattach(target: NativeTarget): void {
    target.stop?.();
    target.stop = undefined;
    this.attach(target);
    if (target.stop) this.hint('directory');
  }

  private ensureDirPoll(): void {
    if (this.stopDirPoll) return;
    this.stopDirPoll = onTick(this.pollIntervalMs, () => {
      const waiting = this.targets.filter((t) => t.dirMissing);
      if (this.current !== 'native' || waiting.length === 0) {
        this.stopDirPoll?.();
        this.stopDirPoll = undefined;
        return;
      }
      for (const t of waiting) {
        this.attach(t);
        if (t.stop) {
          this.signatures.set(t.path, signatureOf(t.path));
          this.hint('directory');
        }
      }
    });
  }

  private hint(reason: WatchHint['reason']): void {
    this.handlers.onHint({ path: this.path, reason });
  }
}
