// logstream's library in-process: one LogStream per file, each line printed to stdout (like tail -F -q).
import { performance } from 'node:perf_hooks';
import { LogStream } from '../lib/core.js';
import { exitOnStop, parseArgs } from './stdout-lines.js';

const { files, fromStart, poll } = parseArgs(process.argv.slice(2));
// Diagnosis only: LOGSTREAM_BENCH_GRACE_MS overrides rotationGraceMs (benchmarks use the default).
const grace = process.env.LOGSTREAM_BENCH_GRACE_MS ? { rotationGraceMs: Number(process.env.LOGSTREAM_BENCH_GRACE_MS) } : {};
const streams = files.map((file) => new LogStream(file, { start: fromStart ? 'beginning' : 'end', watcher: poll ? 'poll' : 'auto', ...grace }));
for (const stream of streams) {
  stream.subscribe({
    // The lines' own bytes (the documented fast path for passing lines on unchanged). They are
    // lent: while stdout still holds them, a promise makes the stream wait (backpressure).
    onLogBytes: (bytes) => {
      let written = false;
      let wake;
      process.stdout.write(bytes, () => {
        written = true;
        wake?.();
      });
      return written || process.stdout.writableLength === 0 ? undefined : new Promise((resolve) => (wake = resolve));
    },
    onError: (error) => process.stderr.write(`logstream: ${error.message}\n`),
    // Diagnosis only: LOGSTREAM_BENCH_EVENTS=1 prints every stream event to stderr.
    onEvent: process.env.LOGSTREAM_BENCH_EVENTS ? (event) => process.stderr.write(`${(performance.timeOrigin + performance.now()).toFixed(1)} event ${JSON.stringify(event)}\n`) : undefined,
  });
}
exitOnStop(() => Promise.all(streams.map((s) => s.close())));
await Promise.all(streams.map((s) => s.ready));
