#!/usr/bin/env node
// The `logstream` executable: runs the command line, stopping cleanly on SIGINT and SIGTERM.
import { describeUnexpected, isDebug } from './errors/report-error.js';
import { main } from './main.js';
import { abortOnTermination } from './process/termination.js';

/** After a stop by signal, how long pending output may take to flush before the process exits anyway. */
const EXIT_GRACE_MS = 1000;

// Diagnostics to a closed stderr are dropped rather than crashing the process.
process.stderr.on('error', () => undefined);
process.on('uncaughtException', (error) => {
  process.stderr.write(describeUnexpected(error, process.env));
  process.exit(1);
});

const termination = abortOnTermination();
process.exitCode = await main(process.argv.slice(2), { signal: termination.signal });
termination.dispose();
if (termination.signal.aborted) {
  // Stopped on request: output a stalled reader never takes must not keep the process alive.
  setTimeout(() => {
    if (isDebug(process.env)) process.stderr.write(`logstream: debug: exiting after ${String(EXIT_GRACE_MS)} ms with output or handles still pending\n`);
    process.exit();
  }, EXIT_GRACE_MS).unref();
}
