// The process resources a command uses, passed in so that tests can supply their own.
import { fstatSync } from 'node:fs';
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
  readonly stderr: DiagnosticStream;
  readonly env: NodeJS.ProcessEnv;
  /** stdout's descriptor when it is a pipe, socket or file: output is written to it directly. */
  readonly stdoutFd?: number;
}

/**
 * The real process's streams and environment.
 *
 * @example
 * const code = await main(process.argv.slice(2), { io: processIO() });
 */
export function processIO(): CliIO {
  const fd = directOutputDescriptor(1);
  return {
    // Made on first use only: the stream puts a pipe into non-blocking mode, which direct writes avoid.
    get stdout() {
      return process.stdout;
    },
    stderr: process.stderr,
    env: process.env,
    ...(fd === undefined ? {} : { stdoutFd: fd }),
  };
}

/** True when the command's output is a terminal (never asks a directly written descriptor). */
export function stdoutIsTerminal(io: CliIO): boolean {
  return io.stdoutFd === undefined && io.stdout.isTTY === true;
}

/** `fd` when it is a pipe, socket or regular file (not a terminal), which can be written to directly. */
function directOutputDescriptor(fd: number): number | undefined {
  try {
    if (isatty(fd)) return undefined;
    const stats = fstatSync(fd);
    return stats.isFIFO() || stats.isSocket() || stats.isFile() ? fd : undefined;
  } catch {
    return undefined;
  }
}

/** Writes one `logstream: ` diagnostic line. */
export function notify(io: CliIO, text: string): void {
  io.stderr.write(`logstream: ${text}\n`);
}
