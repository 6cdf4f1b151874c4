// The built core the benchmarks load: packages/core/dist, or the snapshot of it that run-all.js
// takes (LOGSTREAM_BENCH_SNAPSHOT) so that a rebuild during a long run cannot mix two builds.
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const snapshot = process.env.LOGSTREAM_BENCH_SNAPSHOT;
const url = snapshot
  ? pathToFileURL(join(snapshot, 'node_modules/@logstream/core/dist/index.js')).href
  : new URL('../../packages/core/dist/index.js', import.meta.url).href;

/** The core's public surface. */
export const core = await import(url);
export const { LogStream, MultiLogStream, mergeByTimestamp, LineIndex, LogParser } = core;
