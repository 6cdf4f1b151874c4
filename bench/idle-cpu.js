// Benchmark 3: idle CPU. Each follower process follows the same 200 files; after a warm-up (one
// line through every file) and a settling period, we measure each process's CPU time over three
// consecutive 15 s windows in which nothing is written, then append late lines and time how long they take to come out.
// The followers run side by side (they are idle, so they do not disturb each other's figures).
import { appendFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { cpuNs, cpuTicksMs, fmt, median, freshTmpDir, killChild, lineSplitter, removeTmpDir, report, sleep, spawnChild, statusKb, waitFor } from './lib/common.js';
import { availableFollowers } from './lib/followers.js';

const FILES = Number(process.env.BENCH_IDLE_FILES ?? 200);
const IDLE_MS = Number(process.env.BENCH_IDLE_MS ?? 15_000);
/**
 * Settling after the warm-up: at least MIN, at most MAX, until every follower used under
 * QUIET_CPU_MS in the last QUIET_WINDOW_S seconds — so V8's post-activity garbage collections
 * (memory reducer), which land anywhere from 8 to 30 s after the warm-up, are behind us.
 */
const SETTLE_MIN_MS = Number(process.env.BENCH_IDLE_SETTLE_MS ?? 10_000);
const SETTLE_MAX_MS = 45_000;
const QUIET_WINDOW_S = 5;
const QUIET_CPU_MS = 10;
const TARGET_CPU_MS = 20;
const LATE_SAMPLES = 10;
/** Idle windows measured one after another; the target is judged on their median. */
const WINDOWS = Number(process.env.BENCH_IDLE_WINDOWS ?? 3);

const dir = freshTmpDir('idle');
const files = [];
for (let i = 0; i < FILES; i++) {
  const file = join(dir, `service-${String(i).padStart(3, '0')}.log`);
  writeFileSync(file, `${new Date().toISOString()} INFO started service ${i}\n`);
  files.push(file);
}
const { followers, notes: followerNotes } = await availableFollowers();

const running = followers.map((f) => {
  const r = { f, warmSeen: new Set(), lateAt: new Map(), lateMs: [] };
  r.child = spawnChild(...f.command(files), {
    onData: lineSplitter((text, now) => {
      const warm = /#warm:(\d+)#/.exec(text);
      if (warm) r.warmSeen.add(warm[1]);
      const late = /#late:([a-z-]+):(\d+)#/.exec(text);
      if (late && late[1] === f.id && !r.lateAt.has(late[2])) r.lateAt.set(late[2], now);
    }),
  });
  return r;
});

// Warm-up: a line through every file, re-sent to files some follower has not printed yet (it may still be starting).
let round = 0;
await waitFor(() => {
  const live = running.filter((r) => !r.child.exited);
  for (let i = 0; i < FILES; i++) {
    if (live.some((r) => !r.warmSeen.has(String(i)))) appendFileSync(files[i], `${new Date().toISOString()} INFO warm-up ${round} #warm:${i}#\n`);
  }
  round++;
  return live.every((r) => r.warmSeen.size === FILES);
}, 30_000, 500);
const t0 = performance.now();
const start = running.map((r) => ({ ns: cpuNs(r.child.pid), ticks: cpuTicksMs(r.child.pid) }));
const history = [];
await waitFor(() => {
  history.push(running.map((r) => cpuNs(r.child.pid)));
  const elapsed = performance.now() - t0;
  if (elapsed < SETTLE_MIN_MS || history.length <= QUIET_WINDOW_S) return false;
  const then = history[history.length - 1 - QUIET_WINDOW_S];
  const now = history[history.length - 1];
  return running.every((r, i) => r.child.exited || (now[i] - then[i]) / 1e6 < QUIET_CPU_MS);
}, SETTLE_MAX_MS, 1000);
const settleMs = performance.now() - t0;
const mid = running.map((r) => ({ ns: cpuNs(r.child.pid), ticks: cpuTicksMs(r.child.pid) }));
// Consecutive windows: a one-off collection after the warm-up shows in one of them, not in all.
const windows = [];
let before = mid;
for (let w = 0; w < WINDOWS; w++) {
  await sleep(IDLE_MS);
  const after = running.map((r) => ({ ns: cpuNs(r.child.pid), ticks: cpuTicksMs(r.child.pid) }));
  windows.push(after.map((a, i) => (a.ns - before[i].ns) / 1e6));
  before = after;
}
const end = running.map((r) => ({ ns: cpuNs(r.child.pid), ticks: cpuTicksMs(r.child.pid), rssKb: statusKb(r.child.pid, 'VmRSS') }));

// Late lines: per follower, one at a time, each to a different file, 50–150 ms apart.
for (let k = 0; k < LATE_SAMPLES; k++) {
  for (const [i, r] of running.entries()) {
    const file = files[(137 + 13 * i + 7 * k) % FILES];
    const t = performance.now();
    appendFileSync(file, `${new Date().toISOString()} WARN late line #late:${r.f.id}:${k}#\n`);
    await waitFor(() => r.lateAt.has(String(k)), 5000, 0.5);
    r.lateMs.push(r.lateAt.has(String(k)) ? r.lateAt.get(String(k)) - t : Infinity);
    await sleep(50 + 100 * Math.random());
  }
}
for (const r of running) {
  r.exitedEarly = r.child.exited;
  await killChild(r.child);
}
removeTmpDir(dir);

const results = {};
for (const [i, r] of running.entries()) {
  const { f } = r;
  if (r.warmSeen.size !== FILES || r.exitedEarly) {
    results[f.id] = { label: f.label, error: `warm-up: ${r.warmSeen.size}/${FILES} files came through${r.exitedEarly ? ', exited early' : ''}; ${r.child.stderr.trim().slice(-200)}` };
    continue;
  }
  results[f.id] = {
    label: f.label,
    settleCpuMs: (mid[i].ns - start[i].ns) / 1e6,
    cpuMs: median(windows.map((w) => w[i])),
    windowsMs: windows.map((w) => w[i]),
    ticksMs: end[i].ticks - mid[i].ticks,
    lateMs: median(r.lateMs),
    lateMaxMs: Math.max(...r.lateMs),
    rssMiB: end[i].rssKb / 1024,
  };
}
for (const r of Object.values(results)) console.log(r.error ? `${r.label}: ${r.error}` : `${r.label}: ${fmt(r.cpuMs, 1)} ms CPU per ${IDLE_MS / 1000} s (median of ${r.windowsMs.map((x) => fmt(x, 1)).join(' / ')}), late lines p50 ${fmt(r.lateMs, 2)} ms, max ${fmt(r.lateMaxMs, 2)} ms`);

const anyError = Object.values(results).some((r) => r.error);
const rows = Object.values(results).map((r) => {
  const row = r.error
    ? [r.label, '—', '—', '—', '—', '—', '—', '—']
    : [r.label, fmt(r.cpuMs, 1), r.windowsMs.map((x) => fmt(x, 1)).join(' / '), fmt(r.ticksMs, 0), fmt(r.settleCpuMs, 1), fmt(r.lateMs, 2), fmt(r.lateMaxMs, 2), fmt(r.rssMiB, 1)];
  return anyError ? [...row, r.error ?? ''] : row;
});
const targets = [];
for (const id of ['logstream-cli', 'logstream-lib']) {
  const r = results[id];
  if (!r || r.error) continue;
  targets.push({ name: `${r.label}: CPU while idle`, target: `≤ ${TARGET_CPU_MS} ms over ${IDLE_MS / 1000} s`, value: `${fmt(r.cpuMs, 1)} ms (median of ${r.windowsMs.map((x) => fmt(x, 1)).join(' / ')})`, pass: r.cpuMs <= TARGET_CPU_MS });
  targets.push({ name: `${r.label}: late lines noticed`, target: 'all delivered', value: Number.isFinite(r.lateMaxMs) ? `all, p50 ${fmt(r.lateMs, 2)} ms, max ${fmt(r.lateMaxMs, 2)} ms` : 'not all within 5 s', pass: Number.isFinite(r.lateMaxMs) });
}
report({
  bench: 'idle-cpu',
  title: `3. Idle CPU following ${FILES} files for ${IDLE_MS / 1000} s`,
  columns: ['follower', `idle CPU ms per ${IDLE_MS / 1000} s (median)`, 'each window', `utime+stime, all ${(WINDOWS * IDLE_MS) / 1000} s`, `CPU ms while settling (${fmt(settleMs / 1000, 0)} s)`, 'late line p50 (ms)', 'late line max (ms)', 'RSS (MiB)', ...(anyError ? ['error'] : [])],
  rows,
  targets,
  notes: [
    ...followerNotes,
    `Each follower is one process following all ${FILES} files from the end; they run side by side on the same files. Warm-up: one line through every file; then settling until every follower used under ${QUIET_CPU_MS} ms of CPU in ${QUIET_WINDOW_S} s (at least ${SETTLE_MIN_MS / 1000} s, at most ${SETTLE_MAX_MS / 1000} s; here ${fmt(settleMs / 1000, 0)} s) — its CPU is shown separately: it holds V8's post-activity garbage collections of the node followers; then ${WINDOWS} consecutive windows of ${IDLE_MS / 1000} s with no writes; the target is judged on their median.`,
    'CPU is the sum over all the process\'s threads of /proc/PID/task/*/schedstat run time (nanosecond resolution); utime+stime from /proc/PID/stat (10 ms ticks) over all the windows is shown as a cross-check.',
    `"late line": after the idle window, ${LATE_SAMPLES} lines per follower are appended (one at a time, each to a different file, 50–150 ms apart); the time until each is on that follower's stdout. All followers follow all files, so each late line wakes all of them.`,
  ],
  data: { files: FILES, idleMs: IDLE_MS, windows: WINDOWS, settleMs, results },
});
