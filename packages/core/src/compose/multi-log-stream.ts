// MultiLogStream: follows a set of files, folders and globs as one stream. One LogStream per
// file; folders and globs are watched for files that appear (read from their first byte) and
// files that go (read to their end, then released).
import { InvalidOptionError, StreamClosedError } from '../errors/log-stream-error.js';
import { LogStream } from '../stream/log-stream.js';
import { resolveStreamOptions } from '../stream/resolve-options.js';
import type { LogStreamEvent, LogStreamOptions, LogStreamSubscriber, Subscription } from '../stream/stream-types.js';
import { FileDiscovery } from './file-discovery.js';
import type { MultiLogStreamEvent, MultiLogStreamOptions, MultiLogStreamSubscriber } from './multi-stream-types.js';
import { DEFAULT_EXCLUDED_NAMES, resolveSourcePatterns, type SourcePattern } from './source-patterns.js';
import { reportSubscriberFailure } from '../stream/subscriber-errors.js';
import { closeOnAbort, subscriptionOf } from '../stream/subscription-helpers.js';

/** @default 1000 */
export const DEFAULT_RESCAN_INTERVAL_MS = 1000;
/**
 * The safety-net stat of each file found by a folder or glob (a named file keeps LogStream's
 * 10 s): such sets can hold thousands of files, and the folder rescans already catch files that
 * are created, removed or renamed.
 * @default 30000
 */
export const DEFAULT_FOUND_FILE_RECONCILE_MS = 30_000;


interface FollowedFile {
  readonly path: string;
  readonly stream: LogStream;
  /** Named by the caller: followed even while missing, never released. */
  pinned: boolean;
  /** Its name is gone from its folder: released once what it holds has been read. */
  leaving: boolean;
  /** Has been opened at least once (so there may be lines left to drain). */
  opened: boolean;
  observer: Subscription | undefined;
  /** Its stream's `ready` when it was last started (a stream that has ended since makes a new one). */
  ready: Promise<void>;
  readonly wrappers: Map<MultiLogStreamSubscriber, Subscription>;
}

/**
 * Follows many files as one stream: every line is tagged with its file (`line.path`).
 *
 * @example
 * const logs = new MultiLogStream(['/var/log/app/*.log', '/var/log/db'], { start: 'end' });
 * logs.subscribe({ onLines: (lines) => lines.forEach((l) => console.log(l.path, l.text)) });
 * await logs.ready;
 */
export class MultiLogStream implements AsyncDisposable {
  readonly names: readonly string[];
  private readonly options: MultiLogStreamOptions;
  private readonly followed = new Map<string, FollowedFile>();
  private readonly subscribers = new Set<MultiLogStreamSubscriber>();
  private patterns: Promise<SourcePattern[]> | undefined;
  private discoveries: FileDiscovery[] = [];
  private session = 0;
  private firstSession = true;
  private readyPromise: Promise<void> = Promise.resolve();
  private closing: Promise<void> | undefined;
  private forgetSignal: () => void = () => undefined;

  constructor(names: string | readonly string[], options: MultiLogStreamOptions = {}) {
    const list = typeof names === 'string' ? [names] : [...names];
    if (list.length === 0 || list.some((n) => typeof n !== 'string' || n === '')) throw new InvalidOptionError('MultiLogStream needs one or more paths, folders or globs (non-empty strings)');
    const rescan = options.rescanIntervalMs ?? DEFAULT_RESCAN_INTERVAL_MS;
    if (!Number.isFinite(rescan) || rescan <= 0) throw new InvalidOptionError(`rescanIntervalMs must be a positive number of milliseconds, got ${String(options.rescanIntervalMs)}`);
    this.names = list;
    this.options = options;
    // Checks the per-file options once, up front, so a mistake is reported at once.
    resolveStreamOptions(list[0], this.streamOptions(true));
    this.forgetSignal = closeOnAbort(options.signal, () => this.close());
  }

  /** Resolves once the set has been listed and every file in it watched. */
  get ready(): Promise<void> {
    return this.readyPromise;
  }

  get isWatching(): boolean {
    return this.subscribers.size > 0 && !this.closing;
  }

  /** The files followed now. */
  get files(): string[] {
    return [...this.followed.keys()];
  }

  /** Adds a subscriber; the first one starts watching. */
  subscribe(subscriber: MultiLogStreamSubscriber): Subscription<MultiLogStreamSubscriber> {
    if (this.closing) throw new StreamClosedError(this.names.join(', '));
    if (typeof subscriber !== 'object' || subscriber === null) throw new InvalidOptionError('subscribe() needs an object with onLines, onLogContent, onLogBytes, onEvent or onError');
    this.subscribers.add(subscriber);
    if (this.subscribers.size === 1) this.readyPromise = this.begin(++this.session);
    else for (const file of this.followed.values()) this.attach(file, subscriber);
    return subscriptionOf(subscriber, (s) => this.unsubscribe(s));
  }

  /** Removes a subscriber; the last one stops watching (positions are kept for the next one). */
  unsubscribe(subscriber: MultiLogStreamSubscriber): boolean {
    if (!this.subscribers.delete(subscriber)) return false;
    for (const file of this.followed.values()) {
      file.wrappers.get(subscriber)?.unsubscribe();
      file.wrappers.delete(subscriber);
    }
    if (this.subscribers.size === 0) this.end();
    return true;
  }

  /** Stops following one file (a named one too) and releases it; false when it was not followed. */
  async remove(path: string): Promise<boolean> {
    const file = this.followed.get(path);
    if (!file) return false;
    await this.release(file);
    return true;
  }

  /** Stops watching for good and closes every file. Returns the same promise on every call. */
  close(): Promise<void> {
    if (this.closing) return this.closing;
    this.forgetSignal();
    this.end();
    const files = [...this.followed.values()];
    this.closing = Promise.all(files.map((f) => f.stream.close())).then(() => undefined);
    this.subscribers.clear();
    return this.closing;
  }

  [Symbol.asyncDispose](): Promise<void> {
    return this.close();
  }

  private async begin(session: number): Promise<void> {
    const initial = this.firstSession;
    this.firstSession = false;
    this.patterns ??= resolveSourcePatterns(this.names, this.options.cwd);
    const patterns = await this.patterns;
    if (session !== this.session || this.subscribers.size === 0) return;
    for (const file of this.followed.values()) this.watchFile(file);
    const native = this.options.watcher !== 'poll';
    const exclude = this.options.exclude === null ? undefined : (this.options.exclude ?? DEFAULT_EXCLUDED_NAMES);
    const discoveries: FileDiscovery[] = [];
    for (const pattern of patterns) {
      if (pattern.kind === 'file') {
        // One at a time, so that named files' first lines come out in the order they were named.
        const file = this.add(pattern.path, true, initial);
        await file.ready;
        if (session !== this.session) return;
        continue;
      }
      let starting = true;
      const discovery = new FileDiscovery(pattern.glob, { rescanIntervalMs: this.options.rescanIntervalMs ?? DEFAULT_RESCAN_INTERVAL_MS, native, exclude }, {
        added: (path) => void (session === this.session && this.add(path, false, initial && starting)),
        removed: (path) => session === this.session && this.gone(path),
      });
      discoveries.push(discovery);
      this.discoveries.push(discovery);
      await discovery.start();
      starting = false;
      if (session !== this.session) return;
    }
    await Promise.all([...this.followed.values()].map((f) => f.ready));
  }

  private end(): void {
    this.session++;
    for (const d of this.discoveries) d.stop();
    this.discoveries = [];
    for (const file of this.followed.values()) {
      file.observer?.unsubscribe();
      file.observer = undefined;
    }
  }

  private streamOptions(initial: boolean, found = false): LogStreamOptions {
    const { rescanIntervalMs: _r, exclude: _e, signal: _s, cwd: _c, ...rest } = this.options;
    const reconcile = found && rest.reconcileIntervalMs === undefined ? { reconcileIntervalMs: DEFAULT_FOUND_FILE_RECONCILE_MS } : {};
    return { ...rest, ...reconcile, start: initial ? (this.options.start ?? 'end') : 'beginning' };
  }

  private add(path: string, pinned: boolean, initial: boolean): FollowedFile {
    const known = this.followed.get(path);
    if (known) {
      known.leaving = false;
      known.pinned ||= pinned;
      return known;
    }
    const file: FollowedFile = { path, stream: new LogStream(path, this.streamOptions(initial, !pinned)), pinned, leaving: false, opened: false, observer: undefined, ready: Promise.resolve(), wrappers: new Map() };
    this.followed.set(path, file);
    this.watchFile(file);
    this.emit({ type: 'file-added', path });
    return file;
  }

  /** Subscribes the set's observer and every subscriber to one file. */
  private watchFile(file: FollowedFile): void {
    if (!file.observer) {
      file.observer = file.stream.subscribe({ onEvent: (event) => this.observe(file, event) });
      file.ready = file.stream.ready;
    }
    for (const subscriber of this.subscribers) this.attach(file, subscriber);
  }

  private attach(file: FollowedFile, s: MultiLogStreamSubscriber): void {
    if (file.wrappers.has(s)) return;
    const wrapper: LogStreamSubscriber = {
      onLines: s.onLines && ((lines) => s.onLines?.(lines)),
      onLogContent: s.onLogContent && ((content) => s.onLogContent?.(content, file.path)),
      onLogBytes: s.onLogBytes && ((bytes, info) => s.onLogBytes?.(bytes, info)),
      onEvent: s.onEvent && ((event) => s.onEvent?.(event)),
      onError: s.onError && ((error) => s.onError?.(error)),
      readsAllText: s.readsAllText,
      readMemory: s.readMemory,
    };
    file.wrappers.set(s, file.stream.subscribe(wrapper));
  }

  private observe(file: FollowedFile, event: LogStreamEvent): void {
    if (event.type === 'following') file.opened = true;
    if (event.type === 'drained' && file.leaving) void this.release(file);
  }

  /** A file's name is gone from its folder: release it once its last lines are read. */
  private gone(path: string): void {
    const file = this.followed.get(path);
    if (!file || file.pinned) return;
    file.leaving = true;
    if (!file.opened) void this.release(file);
  }

  private release(file: FollowedFile): Promise<void> {
    if (this.followed.get(file.path) !== file) return Promise.resolve();
    this.followed.delete(file.path);
    for (const sub of file.wrappers.values()) sub.unsubscribe();
    file.wrappers.clear();
    file.observer = undefined;
    const closed = file.stream.close();
    this.emit({ type: 'file-removed', path: file.path });
    return closed;
  }

  private emit(event: MultiLogStreamEvent): void {
    for (const s of [...this.subscribers]) {
      try {
        s.onEvent?.(event);
      } catch (error) {
        this.failed(s, error);
      }
    }
  }

  private failed(s: MultiLogStreamSubscriber, error: unknown): void {
    reportSubscriberFailure(this.subscribers, this.names.join(', '), s, 'onEvent', error);
  }

}
