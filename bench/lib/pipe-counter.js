// Runs a follower with its stdout piped into bench/native/pipe-counter.c, a reader fast enough not
// to limit what it measures (a Node reader tops out near GNU tail's speed on this path). The
// counter is compiled with the system C compiler on first use, into a cache folder.
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { namedPipe, spawnChild } from './common.js';
import { BENCH_DIR } from './followers.js';

const SOURCE = join(BENCH_DIR, 'native/pipe-counter.c');
const BUILD_DIR = join(BENCH_DIR, '.build');
const BINARY = join(BUILD_DIR, 'pipe-counter');

/** Compiles the counter when it is missing or older than its source; returns { ok, reason }. */
export function buildPipeCounter() {
  if (existsSync(BINARY) && statSync(BINARY).mtimeMs >= statSync(SOURCE).mtimeMs) return { ok: true };
  mkdirSync(BUILD_DIR, { recursive: true });
  const cc = spawnSync('cc', ['-O2', '-o', BINARY, SOURCE], { encoding: 'utf8' });
  if (cc.error) return { ok: false, reason: `the throughput benchmark reads followers' output with a small C program and needs a C compiler: install one with \`apt-get install gcc\` (${cc.error.message})` };
  if (cc.status !== 0) return { ok: false, reason: `compiling ${SOURCE} failed: ${cc.stderr.trim().slice(-300)}` };
  return { ok: true };
}

/**
 * Spawns `cmd args` with its stdout read by the counter. Returns the follower's child state (as
 * spawnChild's, without `stdout`) with `counted`: { lines, bytes, lastNs (bigint, CLOCK_MONOTONIC), sawMarker,
 * lastAt (performance.now() of the last report) } and `counterExit`, a promise.
 */
export function spawnCounted(cmd, args, marker) {
  const { readFd, writeFd } = namedPipe();
  const counted = { lines: 0, bytes: 0, lastNs: 0n, sawMarker: false, lastAt: 0 };
  let partial = '';
  let counter;
  let follower;
  try {
    counter = spawnChild(BINARY, [marker], {
      stdin: readFd,
      onData: (chunk) => {
        const text = partial + chunk.toString('latin1');
        const reports = text.split('\n');
        partial = reports.pop() ?? '';
        const last = reports.at(-1);
        if (!last) return;
        const [lines, bytes, lastNs, saw] = last.split(' ');
        counted.lines = Number(lines);
        counted.bytes = Number(bytes);
        counted.lastNs = BigInt(lastNs);
        counted.sawMarker = saw === '1';
        counted.lastAt = performance.now();
      },
    });
    follower = spawnChild(cmd, args, { stdout: writeFd });
  } finally {
    closeSync(readFd);
    closeSync(writeFd);
  }
  follower.counted = counted;
  follower.counterExit = counter.exitPromise;
  return follower;
}
