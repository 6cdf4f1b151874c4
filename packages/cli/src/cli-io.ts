// The process resources a command uses, passed in so that tests can supply their own.
import { isatty } from 'node:tty';
import type { OutputStream } from './output/stdout-writer.js';

/** Where diagnostics go: `process.stderr` or anything with `write`. */
export interface DiagnosticStream {
  write(text: string): unknown;
  readonly isTTY?: boolean;
}

/** Output, diagnostics and environment of one run of the CLI. */
export interface CliIO {
  readonly stdout: OutputStream;
  /**
   * The descriptor behind `stdout`, when streaming output may bypass it and be written there by
   * an output thread (the real process: 1). Unset for streams of other kinds (tests).
   */
  readonly stdoutFd?: number;
  readonly stderr: DiagnosticStream;
  readonly env: NodeJS.ProcessEnv;
}

/**
 * The real process's streams and environment.
 *
 * @example
 * const code = await main(process.argv.slice(2), { io: processIO() });
 */
export function processIO(): CliIO {
  return {
    // Made on first use: process.stdout turns a pipe non-blocking, which the output thread's
    // blocking writes must not find.
    get stdout() {
      return process.stdout;
    },
    stdoutFd: 1,
    // Also made on first use (a notice): with `2>&1` it shares the pipe with the output.
    get stderr() {
      return quietStderr();
    },
    env: process.env,
  };
}

let stderrReady = false;

/** process.stderr, which drops diagnostics to a closed stderr rather than crash the process. */
export function quietStderr(): NodeJS.WriteStream {
  if (!stderrReady) {
    stderrReady = true;
    process.stderr.on('error', () => undefined);
  }
  return process.stderr;
}

/** Whether output goes to a terminal (asked of the descriptor when there is one, without making process.stdout). */
export function outputIsTerminal(io: CliIO): boolean {
  return io.stdoutFd === undefined ? io.stdout.isTTY === true : isatty(io.stdoutFd);
}

/** Writes one `logstream: ` diagnostic line. */
export function notify(io: CliIO, text: string): void {
  io.stderr.write(`logstream: ${text}\n`);
}
