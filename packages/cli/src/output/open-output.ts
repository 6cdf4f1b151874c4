// Picks how a streaming command writes its output: through an output thread when it has the real
// descriptor, through the Node stream otherwise.
import type { CliIO } from '../cli-io.js';
import type { Output, OutputEnd } from './output.js';
import { StdoutWriter } from './stdout-writer.js';
import { ThreadedOutput } from './threaded-output.js';

/**
 * The output of `io`: a {@link ThreadedOutput} on `io.stdoutFd` when set, else a
 * {@link StdoutWriter} on `io.stdout`. `onEnd` hears when the reader went away or writing failed.
 */
export function openOutput(io: CliIO, onEnd: (end: OutputEnd) => void): Output {
  return io.stdoutFd === undefined ? new StdoutWriter(io.stdout, onEnd) : new ThreadedOutput(io.stdoutFd, onEnd);
}
