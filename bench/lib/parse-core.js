// The parsing API for bench/parse.js: from the core's public surface once it re-exports parse/,
// else straight from the built parse/ barrel (packages/core/dist/parse, or run-all.js's snapshot).
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { core } from './core.js';

const snapshot = process.env.LOGSTREAM_BENCH_SNAPSHOT;
const barrel = snapshot
  ? pathToFileURL(join(snapshot, 'node_modules/@logstream/core/dist/parse/index.js')).href
  : new URL('../../packages/core/dist/parse/index.js', import.meta.url).href;

/** LogParser, detectFormat, parseTimestamp… */
export const parse = core.LogParser ? core : await import(barrel);
export const { LineFramer } = core;
