// The process resources a command uses, passed in so that tests can supply their own.
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
}

/**
 * The real process's streams and environment.
 *
 * @example
 * const code = await main(process.argv.slice(2), { io: processIO() });
 */
export function processIO(): CliIO {
  return { stdout: process.stdout, stderr: process.stderr, env: process.env };
}

/** Writes one `logstream: ` diagnostic line. */
export function notify(io: CliIO, text: string): void {
  io.stderr.write(`logstream: ${text}\n`);
}
