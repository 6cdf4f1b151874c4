// Benchmark: 1,000 followed files in one folder. Followers get the folder (logstream CLI and
// library) or the 1,000 names (GNU tail -F, which cannot watch a folder for new files). After a
// warm-up line through every file and a settling period, we measure each process's CPU over
// 15 s of silence, then create new files in the folder and time how long their first line takes
// to come out.
import { appendFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { cpuNs, fmt, freshTmpDir, killChild, lineSplitter, median, removeTmpDir, report, sleep, spawnChild, statusKb, waitFor } from './lib/common.js';
import { BENCH_DIR, CLI_BIN, probeCli } from './lib/followers.js';

const FILES = Number(process.env.BENCH_MANY_FILES ?? 1000);
const IDLE_MS = Number(process.env.BENCH_MANY_IDLE_MS ?? 15_000);
const SETTLE_MS = Number(process.env.BENCH_MANY_SETTLE_MS ?? 15_000);
const NEW_FILES = 8;
const WINDOWS = Number(process.env.BENCH_MANY_WINDOWS ?? 5);
const TARGET_CPU_MS = 50;
const TARGET_NOTICE_MS = 1000;

const dir = freshTmpDir('many-files');
const files = [];
for (let i = 0; i < FILES; i++) {
  const file = join(dir, `job-${String(i).padStart(4, '0')}.log`);
  writeFileSync(file, `${new Date().toISOString()} INFO started job ${i}\n`);
  files.push(file);
}
const cli = await probeCli();
const followers = [
  ...(cli.ok ? [{ id: 'logstream-cli', label: 'logstream follow DIR (CLI)', cmd: process.execPath, args: [CLI_BIN, 'follow', '-q', '-n', '0', dir], folder: true }] : []),
  { id: 'logstream-lib', label: 'logstream MultiLogStream(DIR) (library)', cmd: process.execPath, args: [join(BENCH_DIR, 'peers/logstream-multi.js'), dir], folder: true },
  { id: 'gnu-tail', label: 'GNU tail -F (1,000 names)', cmd: '/usr/bin/tail', args: ['-F', '-q', '-n', '0', ...files], folder: false },
];

const running = followers.map((f) => {
  const r = { f, warm: new Set(), fresh: new Map() };
  r.child = spawnChild(f.cmd, f.args, {
    onData: lineSplitter((text, now) => {
      const warm = /#warm:(\d+)#/.exec(text);
      if (warm) r.warm.add(warm[1]);
      const fresh = /#new:(\d+)#/.exec(text);
      if (fresh && !r.fresh.has(fresh[1])) r.fresh.set(fresh[1], now);
    }),
  });
  return r;
});
let round = 0;
const warmed = await waitFor(() => {
  for (let i = 0; i < FILES; i++) if (running.some((r) => !r.child.exited && !r.warm.has(String(i)))) appendFileSync(files[i], `${new Date().toISOString()} INFO warm ${round} #warm:${i}#\n`);
  round++;
  return running.every((r) => r.child.exited || r.warm.size === FILES);
}, 60_000, 1000);
// Settling: at least SETTLE_MS, then until every follower used under 10 ms in the last 5 s (at
// most 60 s), so that V8's collections after the warm-up are behind us, as in idle-cpu.js.
const t0 = performance.now();
const history = [];
await waitFor(() => {
  history.push(running.map((r) => cpuNs(r.child.pid)));
  if (performance.now() - t0 < SETTLE_MS || history.length <= 5) return false;
  const then = history[history.length - 6];
  const now = history[history.length - 1];
  return running.every((r, i) => r.child.exited || (now[i] - then[i]) / 1e6 < 10);
}, 60_000, 1000);
// Five consecutive windows; the median counts. Two may be busy: V8 shrinks the heap once, some
// 20 s after the warm-up (tens of ms for 1,000 streams), and the per-file safety-net stat sweep
// comes every 30 s (about 20 ms for 1,000 files); the mean of the windows is shown too.
const windows = [];
let before = running.map((r) => cpuNs(r.child.pid));
for (let w = 0; w < WINDOWS; w++) {
  await sleep(IDLE_MS);
  const after = running.map((r) => cpuNs(r.child.pid));
  windows.push(after.map((a, i) => (a - before[i]) / 1e6));
  before = after;
}
const idleMs = running.map((_, i) => median(windows.map((w) => w[i])));
const meanIdleMs = running.map((_, i) => windows.reduce((sum, w) => sum + w[i], 0) / windows.length);
const rssMiB = running.map((r) => statusKb(r.child.pid, 'VmRSS') / 1024);
const fds = running.map((r) => {
  try {
    return readdirSync(`/proc/${r.child.pid}/fd`).length;
  } catch {
    return NaN;
  }
});

// New files, one at a time: each followed-folder follower must print the file's first line.
const noticeMs = running.map(() => []);
for (let k = 0; k < NEW_FILES; k++) {
  const t = performance.now();
  writeFileSync(join(dir, `new-${k}.log`), `${new Date().toISOString()} INFO fresh #new:${k}#\n`);
  await waitFor(() => running.every((r) => !r.f.folder || r.fresh.has(String(k))), 5000, 1);
  running.forEach((r, i) => r.f.folder && noticeMs[i].push(r.fresh.has(String(k)) ? r.fresh.get(String(k)) - t : Infinity));
  await sleep(200);
}
for (const r of running) await killChild(r.child);
removeTmpDir(dir);

const rows = running.map((r, i) => {
  const ok = r.warm.size === FILES;
  const notice = r.f.folder ? `p50 ${fmt(median(noticeMs[i]), 1)} / max ${fmt(Math.max(...noticeMs[i]), 1)}` : 'cannot (no folder watching)';
  return [r.f.label, ok ? `${fmt(idleMs[i], 1)} (mean ${fmt(meanIdleMs[i], 1)})` : '—', notice, fmt(rssMiB[i], 1), String(fds[i]), ok ? 'all' : `${r.warm.size}/${FILES}`];
});
for (const row of rows) console.log(row.join(' | '));
const targets = [];
for (const [i, r] of running.entries()) {
  if (!r.f.folder) continue;
  targets.push({ name: `${r.f.label}: idle CPU`, target: `≤ ${TARGET_CPU_MS} ms per ${IDLE_MS / 1000} s`, value: `${fmt(idleMs[i], 1)} ms`, pass: r.warm.size === FILES && idleMs[i] <= TARGET_CPU_MS });
  targets.push({ name: `${r.f.label}: new file noticed`, target: `≤ ${TARGET_NOTICE_MS} ms`, value: `max ${fmt(Math.max(...noticeMs[i]), 1)} ms`, pass: Math.max(...noticeMs[i]) <= TARGET_NOTICE_MS });
}
report({
  bench: 'many-files',
  title: `${FILES.toLocaleString('en-US')} files in one folder: idle CPU over ${IDLE_MS / 1000} s, and new files noticed`,
  columns: ['follower', `idle CPU (ms / ${IDLE_MS / 1000} s): median (mean)`, 'new file → first line out (ms)', 'RSS (MiB)', 'open descriptors', 'warm-up lines'],
  rows,
  targets,
  notes: [
    `Each follower follows the same ${FILES} files; a warm-up line goes through every file, then at least ${SETTLE_MS / 1000} s of settling (until every follower is quiet), then ${WINDOWS} windows of ${IDLE_MS / 1000} s of silence in which CPU time is measured (/proc/PID/stat); the median window counts (the mean of all windows is in brackets).`,
    'logstream gets the folder: one fs.watch for the folder, one descriptor per file, a safety-net rescan every second that lists the folder only when its modification time changed, and each found file\'s safety-net stat every 30 s.',
    `New files: ${NEW_FILES} files created one at a time, 200 ms apart; time from the write to the first line on stdout.`,
    warmed ? '' : 'Warm-up did not complete for every follower within 60 s.',
  ].filter(Boolean),
  data: { files: FILES, idleMs, meanIdleMs, windows, noticeMs, rssMiB, fds },
});
