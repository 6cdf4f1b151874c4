// Benchmark 1: append-to-stdout latency. A writer appends one timestamped line at a time (2–5 ms
// apart) to a file a follower child follows; we time each line from just before its write(2) to
// its arrival on the child's stdout pipe.
import { closeSync, openSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fmt, freshTmpDir, killChild, lineSplitter, percentile, removeTmpDir, report, sleep, spawnChild, waitFor } from './lib/common.js';
import { availableFollowers } from './lib/followers.js';
import { random } from './lib/log-lines.js';

const SAMPLES = Number(process.env.BENCH_LATENCY_SAMPLES ?? 3000);
const WARMUP = Number(process.env.BENCH_LATENCY_WARMUP ?? 300);
const MIN_GAP_MS = 2;
const MAX_GAP_MS = 5;
const STRAGGLER_WAIT_MS = 3000;

const dir = freshTmpDir('latency');
const { followers, notes: followerNotes } = await availableFollowers();
const pad = 'GET /api/v1/orders/48213 200 12ms'.padEnd(40, ' ');

async function measure(f) {
  const path = join(dir, `${f.id}.log`);
  writeFileSync(path, 'an old line that must not be printed\n');
  const sent = new Float64Array(WARMUP + SAMPLES).fill(NaN);
  const arrived = new Float64Array(WARMUP + SAMPLES).fill(NaN);
  let probes = 0;
  let received = 0;
  const child = spawnChild(...f.command([path]), {
    onData: lineSplitter((text, now) => {
      const m = /#lat:(\d+)#/.exec(text);
      if (m) {
        const i = Number(m[1]);
        if (Number.isNaN(arrived[i])) {
          arrived[i] = now;
          received++;
        }
      } else if (text.includes('#probe#')) probes++;
    }),
  });
  const fd = openSync(path, 'a');
  // Ready once a probe line comes through; then let it settle.
  const ready = await waitFor(() => {
    writeSync(fd, `${new Date().toISOString()} INFO #probe# ${pad}\n`);
    return probes > 0 || child.exited;
  }, 15_000, 100);
  if (!ready || child.exited) {
    closeSync(fd);
    await killChild(child);
    return { error: `never printed a probe line: ${child.stderr.trim().slice(-200)}` };
  }
  await sleep(300);

  const rnd = random(7);
  for (let i = 0; i < WARMUP + SAMPLES; i++) {
    const line = `${new Date().toISOString()} INFO #lat:${i}# ${pad}\n`;
    sent[i] = performance.now();
    writeSync(fd, line);
    await sleep(MIN_GAP_MS + rnd() * (MAX_GAP_MS - MIN_GAP_MS));
  }
  await waitFor(() => received >= WARMUP + SAMPLES, STRAGGLER_WAIT_MS, 10);
  closeSync(fd);
  await killChild(child);

  const lat = [];
  let missing = 0;
  for (let i = WARMUP; i < WARMUP + SAMPLES; i++) {
    if (Number.isNaN(arrived[i])) {
      missing++;
      lat.push(Infinity);
    } else lat.push(arrived[i] - sent[i]);
  }
  lat.sort((a, b) => a - b);
  const finite = lat.filter(Number.isFinite);
  return {
    p50: percentile(lat, 50),
    p90: percentile(lat, 90),
    p99: percentile(lat, 99),
    max: lat[lat.length - 1],
    maxDelivered: finite[finite.length - 1],
    mean: finite.reduce((a, b) => a + b, 0) / finite.length,
    missing,
  };
}

const results = {};
for (const f of followers) {
  results[f.id] = { label: f.label, ...(await measure(f)) };
  const r = results[f.id];
  console.log(r.error ? `${f.label}: ${r.error}` : `${f.label}: p50 ${fmt(r.p50, 3)} ms, p99 ${fmt(r.p99, 3)} ms, missing ${r.missing}`);
}
removeTmpDir(dir);

const rows = Object.values(results).map((r) =>
  r.error ? [r.label, '—', '—', '—', '—', '—', r.error] : [r.label, fmt(r.p50, 3), fmt(r.p90, 3), fmt(r.p99, 3), fmt(r.max, 2), fmt(r.mean, 3), String(r.missing)],
);
const targets = [];
for (const id of ['logstream-cli', 'logstream-lib']) {
  const r = results[id];
  if (!r || r.error) continue;
  targets.push({ name: `${r.label}: p50`, target: '≤ 0.5 ms', value: `${fmt(r.p50, 3)} ms`, pass: r.p50 <= 0.5 });
  targets.push({ name: `${r.label}: p99`, target: '≤ 5 ms', value: `${fmt(r.p99, 3)} ms`, pass: r.p99 <= 5 });
}
report({
  bench: 'latency',
  title: `1. Append-to-stdout latency (${SAMPLES} samples after ${WARMUP} warm-up, ${MIN_GAP_MS}–${MAX_GAP_MS} ms apart), milliseconds`,
  columns: ['follower', 'p50', 'p90', 'p99', 'max', 'mean', 'not delivered'],
  rows,
  targets,
  notes: [
    ...followerNotes,
    'Each follower runs alone, as a child process following its own file from the end; the writer keeps an O_APPEND descriptor open and writes one ~100-byte line per write(2).',
    `Latency runs from just before the write(2) to the 'data' event of the child's stdout pipe in the benchmark process; a line not printed within ${STRAGGLER_WAIT_MS / 1000} s after the last write counts as ∞ in the percentiles.`,
    'The logstream library row is bench/peers/logstream-follow.js (LogStream per file, onLogBytes → process.stdout.write).',
  ],
  data: { samples: SAMPLES, warmup: WARMUP, results },
});
