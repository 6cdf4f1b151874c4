// Benchmark 1: append-to-stdout latency. A writer appends one timestamped line at a time (2–5 ms
// apart) to a file a follower child follows; we time each line from just before its write(2) to
// its arrival on the child's stdout pipe.
import { closeSync, openSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fmt, freshTmpDir, killChild, lineSplitter, percentile, removeTmpDir, report, sleep, spawnChild, waitFor } from './lib/common.js';
import { availableFollowers } from './lib/followers.js';
import { random } from './lib/log-lines.js';

/** Samples per follower per round; the rounds are pooled. */
const SAMPLES = Number(process.env.BENCH_LATENCY_SAMPLES ?? 2000);
const ROUNDS = Number(process.env.BENCH_LATENCY_ROUNDS ?? 2);
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
  for (let i = WARMUP; i < WARMUP + SAMPLES; i++) lat.push(Number.isNaN(arrived[i]) ? Infinity : arrived[i] - sent[i]);
  return { lat };
}

/** Percentiles of pooled samples (a line never printed counts as ∞). */
function summarise(lat) {
  const sorted = [...lat].sort((a, b) => a - b);
  const finite = sorted.filter(Number.isFinite);
  return {
    p50: percentile(sorted, 50),
    p90: percentile(sorted, 90),
    p99: percentile(sorted, 99),
    max: sorted[sorted.length - 1],
    mean: finite.reduce((a, b) => a + b, 0) / finite.length,
    missing: sorted.length - finite.length,
  };
}

// Rounds interleave the followers so that a passing disturbance of the machine does not land on one only.
const runs = Object.fromEntries(followers.map((f) => [f.id, { label: f.label, lat: [], roundP50: [] }]));
for (let round = 0; round < ROUNDS; round++) {
  for (const f of followers) {
    const run = runs[f.id];
    if (run.error) continue;
    const m = await measure(f);
    if (m.error) {
      run.error = m.error;
      continue;
    }
    run.lat.push(...m.lat);
    run.roundP50.push(summarise(m.lat).p50);
    console.log(`round ${round + 1}: ${f.label}: p50 ${fmt(run.roundP50.at(-1), 3)} ms`);
  }
}
const results = {};
for (const [id, run] of Object.entries(runs)) {
  results[id] = run.error ? { label: run.label, error: run.error } : { label: run.label, ...summarise(run.lat), roundP50: run.roundP50 };
}
removeTmpDir(dir);

const rows = Object.values(results).map((r) =>
  r.error ? [r.label, '—', '—', '—', '—', '—', '—', r.error] : [r.label, fmt(r.p50, 3), r.roundP50.map((x) => fmt(x, 3)).join(' / '), fmt(r.p90, 3), fmt(r.p99, 3), fmt(r.max, 2), fmt(r.mean, 3), String(r.missing)],
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
  title: `1. Append-to-stdout latency (${ROUNDS} × ${SAMPLES} samples, each round after ${WARMUP} warm-up, ${MIN_GAP_MS}–${MAX_GAP_MS} ms apart), milliseconds`,
  columns: ['follower', 'p50', 'p50 per round', 'p90', 'p99', 'max', 'mean', 'not delivered'],
  rows,
  targets,
  notes: [
    ...followerNotes,
    `Each follower runs alone, as a child process following its own file from the end; the writer keeps an O_APPEND descriptor open and writes one ~100-byte line per write(2). ${ROUNDS} round${ROUNDS === 1 ? "" : "s"}, the followers taking turns within each; a fresh follower process per round; percentiles over the pooled samples.`,
    `Latency runs from just before the write(2) to the 'data' event of the child's stdout pipe in the benchmark process; a line not printed within ${STRAGGLER_WAIT_MS / 1000} s after the last write counts as ∞ in the percentiles.`,
    'The logstream library row is bench/peers/logstream-follow.js (LogStream per file, onLogBytes → process.stdout.write).',
  ],
  data: { samples: SAMPLES, rounds: ROUNDS, warmup: WARMUP, results },
});
