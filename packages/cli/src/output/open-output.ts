// Picks how a streaming command writes its output: through an output thread when it has the real
// descriptor (enlarging it when it is a pipe), through the Node stream otherwise.
import type { CliIO } from '../cli-io.js';
import type { Output, OutputEnd } from './output.js';
import { enlargePipe } from './pipe-size.js';
import { StdoutWriter } from './stdout-writer.js';
import { ThreadedOutput } from './threaded-output.js';

/**
 * The output of `io`: a {@link ThreadedOutput} on `io.stdoutFd` when set, else a
 * {@link StdoutWriter} on `io.stdout`. `onEnd` hears when the reader went away or writing failed.
 * A pipe on `io.stdoutFd` is enlarged first (see pipe-size.ts); if it cannot be, nothing else changes.
 */
export function openOutput(io: CliIO, onEnd: (end: OutputEnd) => void): Output {
  if (io.stdoutFd === undefined) return new StdoutWriter(io.stdout, onEnd);
  enlargePipe(io.stdoutFd);
  return new ThreadedOutput(io.stdoutFd, onEnd);
}
