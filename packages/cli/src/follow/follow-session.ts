// Runs one follow session: one MultiLogStream for every name given (files, folders, globs), a
// FileTracker per file for notices and `-n +N`, and one output path: the files' lines as they
// are, or parsed records (filtered, merged by time) when analysis flags ask for them.
import {
  allOf,
  byLine,
  filterRecords,
  levelAtLeast,
  mergeByTimestamp,
  MultiLogStream,
  parseRecords,
  type LineSource,
  type LogBytesInfo,
  type LogLine,
  type LogRecord,
  type LogStreamError,
  type MultiLogStreamEvent,
  type ParseOptions,
  type RecordPredicate,
  type StartPosition,
  type Subscription,
} from '@logstream/core';
import { resolve } from 'node:path';
import { notify, type CliIO } from '../cli-io.js';
import { describeUnexpected } from '../errors/report-error.js';
import { sanitizeForTerminal } from '../output/sanitize.js';
import { openOutput } from '../output/open-output.js';
import type { Output, OutputEnd } from '../output/output.js';
import type { StartAt } from './args.js';
import { FileTracker, type FileTrackerHost } from './file-tracker.js';
import { Printer, type PrinterOptions } from './printer.js';

/** What to do with lines besides printing them: parse, filter, merge. */
export interface AnalysisOptions {
  readonly merge: boolean;
  readonly grep: readonly RegExp[];
  readonly exclude: readonly RegExp[];
  readonly level: LogRecord['level'];
  readonly parse: ParseOptions;
  /** Records are needed even without filters (JSON output with parsed fields). */
  readonly records: boolean;
}

/** Everything a follow session needs to know. */
export interface FollowSessionOptions {
  /** Files, folders and globs, as the user wrote them (shown so in headers and notices). */
  readonly names: readonly string[];
  /** Which names are folders or globs (they may gain files, so the session never runs out). */
  readonly patterns: ReadonlySet<string>;
  readonly start: StartAt;
  readonly follow: boolean;
  readonly watcher: 'auto' | 'poll';
  readonly pollIntervalMs: number | undefined;
  readonly printer: PrinterOptions;
  readonly analysis: AnalysisOptions;
  /** Shown for a file found by a folder or glob: its path relative to here when inside. @default process.cwd() */
  readonly cwd?: string;
}

/**
 * Follows `names` and prints their lines to `io.stdout` until `signal` aborts (exit status 0),
 * the output's reader goes away (0), every file has ended with `follow: false` (0, or 1 if one
 * could not be read), every named file was given up (1) or something fails (1). Resolves with
 * the exit status once every stream is closed.
 */
export async function followFiles(options: FollowSessionOptions, io: CliIO, signal?: AbortSignal): Promise<number> {
  if (signal?.aborted) return 0;
  const session = new FollowSession(options, io);
  const onAbort = () => session.stop(0);
  signal?.addEventListener('abort', onAbort, { once: true });
  try {
    return await session.run();
  } finally {
    signal?.removeEventListener('abort', onAbort);
  }
}

class FollowSession implements FileTrackerHost {
  private readonly files = new Map<string, FileTracker>();
  private readonly multi: MultiLogStream;
  private readonly printer: Printer;
  private readonly writer: Output;
  private readonly namesByPath: Map<string, string>;
  private subscription: Subscription<unknown> | undefined;
  private started = false;
  private stopping = false;
  private finish: (code: number) => void = () => undefined;
  private readonly done = new Promise<number>((resolve) => (this.finish = resolve));

  constructor(
    private readonly options: FollowSessionOptions,
    private readonly io: CliIO,
  ) {
    this.printer = new Printer(options.printer);
    const cwd = options.cwd ?? process.cwd();
    this.namesByPath = new Map(options.names.map((name) => [resolve(cwd, name), name]));
    const start: StartPosition = 'fromLine' in options.start ? 'beginning' : { lines: options.start.last };
    this.multi = new MultiLogStream(options.names, {
      start,
      cwd,
      follow: options.follow,
      watcher: options.watcher,
      ...(options.pollIntervalMs === undefined ? {} : { pollIntervalMs: options.pollIntervalMs }),
      // Files named one by one are followed whatever their names; folders and globs skip rotated generations.
    });
    // Made last: its thread must not outlive a constructor that failed.
    this.writer = openOutput(io, (end) => this.outputEnded(end));
  }

  async run(): Promise<number> {
    try {
      this.subscription = this.analyses() ? this.subscribeRecords() : this.subscribeLines();
      await this.multi.ready;
      this.started = true;
      const patterns = [...this.options.patterns];
      if (patterns.length > 0 && [...this.files.keys()].every((path) => this.namesByPath.has(path))) {
        this.notice(`no files in ${patterns.map((p) => `'${p}'`).join(', ')}${this.options.follow ? ' yet; waiting for some to appear' : ''}`);
      }
      this.checkSettled();
    } catch (error) {
      this.internalError(error);
    }
    return this.done;
  }

  /** Closes every stream, then resolves `run` with `code`. Only the first call counts. */
  stop(code: number): void {
    if (this.stopping) return;
    this.stopping = true;
    this.writer.release();
    this.subscription?.unsubscribe();
    // The output is finished either way: its thread would keep the process alive.
    void this.multi
      .close()
      .then(
        () => code,
        (error: unknown) => {
          this.io.stderr.write(describeUnexpected(error, this.io.env));
          return 1;
        },
      )
      .then((status) => this.writer.finish().then(() => this.finish(status)));
  }

  notice(text: string): void {
    notify(this.io, sanitizeForTerminal(text));
  }

  settled(file: FileTracker, giveUp: boolean): void {
    if (giveUp && this.options.follow && !this.stopping) void this.multi.remove(file.path);
    this.checkSettled();
  }

  internalError(error: unknown): void {
    if (this.stopping) return;
    this.io.stderr.write(describeUnexpected(error, this.io.env));
    this.stop(1);
  }

  private analyses(): boolean {
    const a = this.options.analysis;
    return a.records || a.merge || a.grep.length > 0 || a.exclude.length > 0 || a.level !== undefined;
  }

  /** Lines printed as they are: the files' own bytes when the printer allows it. */
  private subscribeLines(): Subscription<unknown> {
    const print = this.printer.passesBytes
      ? { onLogBytes: (bytes: Buffer, info: LogBytesInfo) => this.printBytes(bytes, info), readMemory: this.writer.readMemory }
      : { onLines: (lines: readonly LogLine[]) => this.printLines(lines) };
    return this.multi.subscribe({ ...print, onEvent: (event) => this.onEvent(event), onError: (error) => this.onError(error) });
  }

  /** Lines parsed into records, merged by time and filtered as asked, then printed. */
  private subscribeRecords(): Subscription<unknown> {
    const a = this.options.analysis;
    const source = this.skipping();
    let records = a.merge ? mergeByTimestamp(source, a.parse) : parseRecords(source, a.parse);
    const predicates: RecordPredicate[] = [];
    if (a.grep.length > 0) predicates.push(byLine((line) => a.grep.some((re) => re.test(line.text))));
    if (a.exclude.length > 0) predicates.push(byLine((line) => !a.exclude.some((re) => re.test(line.text))));
    if (a.level !== undefined) predicates.push(levelAtLeast(a.level));
    if (predicates.length > 0) records = filterRecords(records, allOf(...predicates));
    return records.subscribe({
      onRecords: (rs) => this.writer.write(this.printer.formatRecords(rs, (path) => this.tracker(path))),
      onEvent: (event) => this.onEvent(event),
      onError: (error) => this.onError(error),
    });
  }

  /** The set's lines without those `-n +N` drops, as a source for the analysis steps. */
  private skipping(): LineSource {
    const multi = this.multi;
    return {
      get ready() {
        return multi.ready;
      },
      subscribe: (subscriber) =>
        multi.subscribe({
          ...subscriber,
          onLines: (lines) => {
            const kept = this.tracker(lines[0]?.path ?? '').keep(lines);
            return kept.length > 0 ? subscriber.onLines?.(kept) : undefined;
          },
        }),
    };
  }

  private printLines(lines: readonly LogLine[]): Promise<void> | undefined {
    const file = this.tracker(lines[0]?.path ?? '');
    const kept = file.keep(lines);
    return kept.length > 0 ? this.writer.write(this.printer.format(file, kept)) : undefined;
  }

  private printBytes(bytes: Buffer, info: LogBytesInfo): Promise<void> | undefined {
    const file = this.tracker(info.path);
    const from = file.keepFrom(bytes);
    if (from === bytes.length) return undefined;
    // Written in order; the last piece's promise settles after the earlier ones'.
    let wait: Promise<void> | undefined;
    for (const piece of this.printer.formatBytes(file, from === 0 ? bytes : bytes.subarray(from), info.partial)) wait = this.writer.write(piece) ?? wait;
    return wait;
  }

  private onEvent(event: MultiLogStreamEvent): void {
    if (event.type === 'closed') return;
    this.tracker(event.path).onEvent(event);
  }

  private onError(error: LogStreamError): void {
    if (error.path === undefined || error.code === 'ERR_SUBSCRIBER') return this.internalError(error);
    this.tracker(error.path).onError(error);
  }

  /** The tracker of a file, made when it is first heard of. */
  private tracker(path: string): FileTracker {
    let file = this.files.get(path);
    if (!file) {
      const start = this.options.start;
      const skip = !this.started && 'fromLine' in start ? start.fromLine - 1 : 0;
      file = new FileTracker(path, this.namesByPath.get(path) ?? this.displayName(path), skip, this.options.follow, this);
      this.files.set(path, file);
    }
    return file;
  }

  private displayName(path: string): string {
    const cwd = this.options.cwd ?? process.cwd();
    return path.startsWith(cwd + '/') ? path.slice(cwd.length + 1) : path;
  }

  private checkSettled(): void {
    if (!this.started || this.stopping) return;
    const files = [...this.files.values()];
    // Folders and globs can always gain files: while following, they never run out.
    if (this.options.follow && this.options.patterns.size > 0) return;
    if (!files.every((file) => file.isSettled)) return;
    const failed = files.some((file) => file.failed);
    if (this.options.follow) this.notice('no files remaining');
    this.stop(failed || this.options.follow ? 1 : 0);
  }

  private outputEnded(end: OutputEnd): void {
    if (end.reason === 'failed') {
      this.notice(`error writing standard output: ${end.error.message}`);
      return this.stop(1);
    }
    this.stop(0);
  }
}

