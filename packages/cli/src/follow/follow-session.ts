// Runs one follow session: a FollowedFile per file, all printing through one printer and one
// writer, until a signal, the end of every file (--no-follow), a closed output or a failure.
import type { LogLine } from '@logstream/core';
import { notify, type CliIO } from '../cli-io.js';
import { describeUnexpected } from '../errors/report-error.js';
import { sanitizeForTerminal } from '../output/sanitize.js';
import { StdoutWriter, type OutputEnd } from '../output/stdout-writer.js';
import { FollowedFile, type FileTarget, type FollowedFileHost, type FollowFileOptions } from './followed-file.js';
import { Printer, type PrinterOptions } from './printer.js';

/** Everything a follow session needs to know. */
export interface FollowSessionOptions extends FollowFileOptions {
  readonly targets: readonly FileTarget[];
  readonly printer: PrinterOptions;
}

/**
 * Follows `targets` and prints their lines to `io.stdout` until `signal` aborts (exit status 0),
 * the output's reader goes away (0), every file has ended with `follow: false` (0, or 1 if one
 * could not be read), every file was given up (1) or something fails (1). Resolves with the exit
 * status once every stream is closed.
 *
 * @example
 * const code = await followFiles({ targets: [{ path: 'app.log', name: 'app.log' }], start: { last: 10 },
 *   follow: true, watcher: 'auto', pollIntervalMs: undefined, printer: {} }, processIO(), signal);
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

class FollowSession implements FollowedFileHost {
  private readonly files: FollowedFile[] = [];
  private readonly printer: Printer;
  private readonly writer: StdoutWriter;
  private started = false;
  private stopping = false;
  private finish: (code: number) => void = () => undefined;
  private readonly done = new Promise<number>((resolve) => (this.finish = resolve));

  constructor(
    private readonly options: FollowSessionOptions,
    private readonly io: CliIO,
  ) {
    this.printer = new Printer(options.printer);
    this.writer = new StdoutWriter(io.stdout, (end) => this.outputEnded(end));
  }

  async run(): Promise<number> {
    try {
      // One at a time, so that the files' first lines come out in the order the files were given.
      for (const target of this.options.targets) {
        if (this.stopping) break;
        const file = new FollowedFile(target, { ...this.options, passBytes: this.printer.passesBytes }, this);
        this.files.push(file);
        await file.start();
      }
      this.started = true;
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
    void Promise.all(this.files.map((file) => file.close())).then(
      () => this.finish(code),
      (error: unknown) => {
        this.io.stderr.write(describeUnexpected(error, this.io.env));
        this.finish(1);
      },
    );
  }

  print(file: FollowedFile, lines: readonly LogLine[]): Promise<void> | undefined {
    return this.writer.write(this.printer.format(file, lines));
  }

  printBytes(file: FollowedFile, bytes: Buffer, partial: boolean): Promise<void> | undefined {
    return this.writer.write(this.printer.formatBytes(file, bytes, partial));
  }

  notice(text: string): void {
    notify(this.io, sanitizeForTerminal(text));
  }

  settled(file: FollowedFile): void {
    if (this.options.follow && !this.stopping) void file.close();
    this.checkSettled();
  }

  internalError(error: unknown): void {
    if (this.stopping) return;
    this.io.stderr.write(describeUnexpected(error, this.io.env));
    this.stop(1);
  }

  private checkSettled(): void {
    if (!this.started || this.stopping || !this.files.every((file) => file.isSettled)) return;
    const failed = this.files.some((file) => file.failed);
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
