#!/usr/bin/env node
// The `logstream` executable: runs the command line, stopping cleanly on SIGINT and SIGTERM.
import { quietStderr } from './cli-io.js';
import { describeUnexpected, isDebug } from './errors/report-error.js';
import { main } from './main.js';
import { exitProcess } from './process/exit-process.js';
import { abortOnTermination } from './process/termination.js';

/** After a stop signal, how long closing and pending output may take before the process exits anyway. */
const EXIT_GRACE_MS = 1000;

process.on('uncaughtException', (error) => {
  quietStderr().write(describeUnexpected(error, process.env));
  exitProcess(1);
});

const termination = abortOnTermination();
// Stopped on request: output a stalled reader never takes must not keep the process alive.
termination.signal.addEventListener('abort', () => {
  setTimeout(() => {
    if (isDebug(process.env)) quietStderr().write(`logstream: debug: exiting after ${String(EXIT_GRACE_MS)} ms with output or handles still pending\n`);
    exitProcess(Number(process.exitCode ?? 0), termination.received);
  }, EXIT_GRACE_MS).unref();
});
process.exitCode = await main(process.argv.slice(2), { signal: termination.signal });
termination.dispose();
