// LogBrowser: the full-screen terminal log browser. Follows files, folders and globs through the
// core (MultiLogStream → mergeByTimestamp → records), keeps them in a RecordStore, and draws the
// view at most ~30 times a second; keys drive a BrowserController.
import { stat } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import { ExecutionMonitor, hasGlobChars, LogStream, mergeByTimestamp, MultiLogStream, type LogStreamError, type MultiLogStreamEvent, type ParseOptions, type StartPosition, type Subscription } from '@logstream/core';
import { readKeys, type KeySubscription } from '../input/key-reader.js';
import { FrameScheduler } from '../render/frame-scheduler.js';
import { Renderer } from '../render/renderer.js';
import type { ScreenBuffer } from '../render/screen-buffer.js';
import { TerminalSession } from '../terminal/terminal-session.js';
import type { TerminalSessionOptions } from '../terminal/session-types.js';
import { BrowserController } from './browser-controller.js';
import { drawScreen, pageRows, wrappedRows } from './draw-screen.js';
import { IndexedFileView } from './indexed-file-view.js';
import { handleInput } from './key-bindings.js';
import { DEFAULT_STORE_CAPACITY, RecordStore } from './record-store.js';
import { ViewFilters } from './view-filters.js';

/** Options of a {@link LogBrowser}. */
export interface LogBrowserOptions extends Pick<TerminalSessionOptions, 'input' | 'output' | 'errorOutput' | 'process'> {
  /** Files, folders and globs to show (see MultiLogStream). */
  readonly names: readonly string[];
  /** For relative names. @default process.cwd() */
  readonly cwd?: string;
  /** What to load from files that exist at the start. @default 'beginning' */
  readonly start?: StartPosition;
  readonly watcher?: 'auto' | 'native' | 'poll';
  readonly pollIntervalMs?: number;
  readonly parse?: ParseOptions;
  /** Records held at most (oldest dropped first). @default 1000000 */
  readonly capacity?: number;
  /** How long a quiet file may hold a merged view back. @default 200 */
  readonly maxWaitMs?: number;
  /** Aborting quits the browser (terminal restored). */
  readonly signal?: AbortSignal;
}

/**
 * @example
 * await new LogBrowser({ names: ['app.log', 'logs/*.log'] }).run(); // until q
 */
export class LogBrowser {
  private readonly filters = new ViewFilters();
  private readonly store: RecordStore;
  private readonly controller: BrowserController;
  private readonly monitor = new ExecutionMonitor();
  private readonly files = new Map<string, { name: string; n: number }>();
  /** Several files' lines; made at once so that bad names and options fail before the terminal is taken (it watches nothing until subscribed). */
  private readonly multi: MultiLogStream;
  private session: TerminalSession | undefined;
  private renderer: Renderer | undefined;
  private scheduler: FrameScheduler | undefined;
  private finish: () => void = () => undefined;
  private readonly closers: (() => Promise<void>)[] = [];
  /** The frame buffer, drawn into again for every frame. */
  private back: ScreenBuffer | undefined;

  constructor(private readonly options: LogBrowserOptions) {
    this.store = new RecordStore(this.filters, options.capacity ?? DEFAULT_STORE_CAPACITY);
    this.multi = new MultiLogStream(options.names, {
      start: options.start ?? 'beginning',
      ...(options.cwd === undefined ? {} : { cwd: options.cwd }),
      ...(options.watcher === undefined ? {} : { watcher: options.watcher }),
      ...(options.pollIntervalMs === undefined ? {} : { pollIntervalMs: options.pollIntervalMs }),
    });
    this.controller = new BrowserController(this.store, this.filters, {
      pageRows: () => pageRows(this.size().rows),
      rowsOf: (record) => wrappedRows(record, this.size().columns, this.files.size > 1, this.files.get(record.line.path)),
      paths: () => [...this.files.keys()],
      changed: () => this.scheduler?.invalidate(),
    });
  }

  /** Takes the terminal, shows the files, and resolves once the user quits (terminal restored). */
  async run(): Promise<void> {
    const session = new TerminalSession(this.sessionOptions());
    this.session = session;
    this.renderer = new Renderer(session);
    const scheduler = new FrameScheduler(() => this.draw());
    this.scheduler = scheduler;
    const stopResize = session.onResize(() => {
      this.renderer?.invalidate();
      if (this.controller.state.follow) this.controller.state.top = this.controller.bottomTop();
      scheduler.flush();
    });
    let keys: KeySubscription | undefined;
    let subscription: Subscription<unknown> | undefined;
    const ticker = setInterval(() => scheduler.invalidate(), 1000);
    try {
      const done = new Promise<void>((resolve) => (this.finish = resolve));
      keys = readKeys(session.input, (event) => {
        handleInput(this.controller, event);
        if (this.controller.state.quit) this.finish();
        scheduler.invalidate();
      });
      const single = await this.singleFile();
      subscription = single === undefined ? this.subscribe() : await this.openIndexed(single);
      scheduler.flush();
      const signal = this.options.signal;
      if (signal?.aborted) this.finish();
      signal?.addEventListener('abort', this.finish, { once: true });
      await done;
      signal?.removeEventListener('abort', this.finish);
    } finally {
      clearInterval(ticker);
      keys?.unsubscribe();
      subscription?.unsubscribe();
      stopResize();
      scheduler.dispose();
      await this.multi.close();
      await Promise.all(this.closers.map((close) => close()));
      session.restore();
    }
  }

  /** The one file to show through a line index (any size, last screen first), if that is the case. */
  private async singleFile(): Promise<string | undefined> {
    const [name, ...rest] = this.options.names;
    if (name === undefined || rest.length > 0 || hasGlobChars(name)) return undefined;
    const path = resolve(this.options.cwd ?? process.cwd(), name);
    return (await stat(path).catch(() => undefined))?.isFile() ? path : undefined;
  }

  /** Shows one file through the line index, and follows it with a LogStream for live lines. */
  private async openIndexed(path: string): Promise<Subscription<unknown>> {
    this.files.set(path, { name: basename(path), n: 0 });
    // The last screen first (read backwards), then a stream for hints that the file grew: the
    // index reads whatever follows its size, so the stream's own position does not matter.
    let view = await this.indexedView(path);
    this.scheduler?.flush();
    const stream = new LogStream(path, {
      start: 'end',
      ...(this.options.watcher === undefined ? {} : { watcher: this.options.watcher }),
      ...(this.options.pollIntervalMs === undefined ? {} : { pollIntervalMs: this.options.pollIntervalMs }),
    });
    let reopening: Promise<void> | undefined;
    // An index stays on the file it opened: after a rotation, the new file gets its own.
    const reopen = () => {
      reopening ??= this.indexedView(path)
        .then((next) => void (view = next), (error: unknown) => this.controller.note(`cannot open ${basename(path)} again: ${error instanceof Error ? error.message : String(error)}`))
        .finally(() => (reopening = undefined));
    };
    const subscription = stream.subscribe({
      // Bytes, not lines: nothing is decoded here; the view reads the new lines through the index.
      onLogBytes: () => view.grow(),
      onEvent: (event) => {
        this.onEvent(event);
        if (event.type === 'rotated' || event.type === 'replaced') reopen();
      },
      onError: (error) => this.controller.note(error.message),
    });
    this.closers.push(() => stream.close());
    await stream.ready;
    // A rotation between the index's open and the stream's start is no rotation to the stream,
    // which began on the new file: the view checks that its file is still the one at the path.
    if (!(await view.isAtPath().catch(() => true))) reopen();
    view.grow();
    return subscription;
  }

  /** A new view of `path` through a line index, shown at once (following: at its end). */
  private async indexedView(path: string): Promise<IndexedFileView> {
    const view = await IndexedFileView.open(
      path,
      this.filters,
      this.options.parse ?? {},
      (added) => {
        if (this.controller.store !== view) return;
        if (added > 0) return this.controller.added(added);
        if (this.controller.state.follow) this.controller.state.top = this.controller.bottomTop();
        this.scheduler?.invalidate();
      },
      (records) => this.monitor.onRecords(records),
    );
    const previous = this.controller.store;
    this.closers.push(() => view.close());
    this.controller.store = view;
    if (previous instanceof IndexedFileView) void previous.close();
    if (this.filters.active) view.refilter();
    this.controller.state.cursor = undefined;
    this.controller.state.top = this.controller.state.follow ? this.controller.bottomTop() : 0;
    this.scheduler?.invalidate();
    return view;
  }

  private subscribe(): Subscription<unknown> {
    const records = mergeByTimestamp(this.multi, { ...this.options.parse, maxWaitMs: this.options.maxWaitMs ?? 200 });
    return records.subscribe({
      onRecords: (rs) => {
        this.monitor.onRecords(rs);
        this.controller.added(this.store.add(rs));
      },
      onEvent: (event) => this.onEvent(event),
      onError: (error: LogStreamError) => this.controller.note(error.message),
    });
  }

  private onEvent(event: MultiLogStreamEvent): void {
    if (event.type === 'file-added' && !this.files.has(event.path)) this.files.set(event.path, { name: basename(event.path), n: this.files.size });
    if (event.type === 'rotated') this.controller.note(`${basename(event.path)} was rotated; following the new file`);
    if (event.type === 'truncated') this.controller.note(`${basename(event.path)} was truncated`);
    this.scheduler?.invalidate();
  }

  private draw(): void {
    if (!this.session?.active || !this.renderer) return;
    const { columns, rows } = this.size();
    const { screen, cursor } = drawScreen(this.controller, { columns, rows, files: this.files, monitor: this.monitor.snapshot(), progress: this.controller.store.progress }, this.back);
    this.back = screen;
    this.renderer.render(screen, cursor);
  }

  private size(): { columns: number; rows: number } {
    return this.session?.size ?? { columns: 80, rows: 24 };
  }

  private sessionOptions(): TerminalSessionOptions {
    const o: TerminalSessionOptions = {};
    if (this.options.input) o.input = this.options.input;
    if (this.options.output) o.output = this.options.output;
    if (this.options.errorOutput) o.errorOutput = this.options.errorOutput;
    if (this.options.process) o.process = this.options.process;
    return o;
  }
}
