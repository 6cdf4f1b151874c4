// Benchmark: the line index (LineIndex, searchFile) on a multi-GB log file, side by side with
// GNU `tail -n 50` (last screen), `wc -l` (the newline-count floor of building) and `grep -c`
// (the search floor). Each logstream measurement runs in a fresh child process, so peak RSS is its own.
//
//   node bench/line-index.js                     2 GiB file (generated once into bench/.work/)
//   BENCH_LINE_INDEX_BYTES=10737418240 node bench/line-index.js
//
// Build first (npx tsc -b packages/core). Loads packages/core/dist/index/index.js directly.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { fmt, median, report, runToEnd } from './lib/common.js';
import { BENCH_DIR, REPO_DIR } from './lib/followers.js';
import { cachedLogFile, random } from './lib/log-lines.js';

const SIZE = Number(process.env.BENCH_LINE_INDEX_BYTES ?? 2 ** 31);
const RUNS = Number(process.env.BENCH_LINE_INDEX_RUNS ?? 3);
const SCREEN = 50;
const TIMEOUT_MS = 120_000;
const TARGETS = { tailMs: 200, buildMiBps: 400, bytesPerLine: 2 };
const SEARCHES = [
  { label: 'literal "DELETE /api/v1/orders/"', pattern: 'DELETE /api/v1/orders/', grep: ['-c', '-F', 'DELETE /api/v1/orders/'] },
  { label: 'regex / 50\\d \\d+ms/', pattern: { source: ' 50\\d \\d+ms', flags: '' }, grep: ['-c', '-E', ' 50[0-9] [0-9]+ms'] },
];

/** The index module of the built core (or of run-all.js's snapshot of it, see lib/core.js). */
async function loadIndexModule() {
  const snapshot = process.env.LOGSTREAM_BENCH_SNAPSHOT;
  const path = snapshot ? join(snapshot, 'node_modules/@logstream/core/dist/index/index.js') : join(REPO_DIR, 'packages/core/dist/index/index.js');
  return import(pathToFileURL(path).href);
}

function hwmKb() {
  return Number(readFileSync('/proc/self/status', 'utf8').match(/^VmHWM:\s+(\d+)/m)[1]);
}

/** One measurement in this (child) process; prints its figures as one JSON line. */
async function child(mode, path, arg) {
  const { LineIndex, searchFile } = await loadIndexModule();
  const out = { mode };
  if (mode === 'tail') {
    const t0 = performance.now();
    const index = await LineIndex.open(path);
    const lines = await index.tail(SCREEN);
    out.ms = performance.now() - t0;
    out.lines = lines.length;
    await index.close();
  } else if (mode === 'build') {
    const index = await LineIndex.open(path);
    out.rssBeforeKb = hwmKb();
    // The longest the event loop went without running a 5 ms timer, minus those 5 ms.
    let last = performance.now();
    let stall = 0;
    const probe = setInterval(() => {
      const now = performance.now();
      stall = Math.max(stall, now - last - 5);
      last = now;
    }, 5);
    let updates = 0;
    const t0 = performance.now();
    await index.build({ onProgress: () => updates++ });
    out.ms = performance.now() - t0;
    clearInterval(probe);
    Object.assign(out, { stallMs: stall, updates, lines: index.lineCount, bytes: index.size, indexBytes: index.indexBytes, hwmKb: hwmKb() });
    const rnd = random(7);
    out.screenMs = [];
    for (let i = 0; i < 10; i++) {
      const from = Math.floor(rnd() * (index.lineCount - SCREEN));
      const s0 = performance.now();
      const lines = await index.lines(from, SCREEN);
      out.screenMs.push(performance.now() - s0);
      if (lines.length !== SCREEN || lines[0].number !== from) throw new Error(`lines(${from}) gave ${lines.length} lines from ${lines[0]?.number}`);
    }
    out.jumpMs = [];
    for (let i = 0; i < 10; i++) {
      const j0 = performance.now();
      const offset = await index.offsetAtFraction(rnd());
      await index.linesAt(offset, SCREEN);
      out.jumpMs.push(performance.now() - j0);
    }
    await index.close();
  } else if (mode === 'search') {
    const spec = JSON.parse(arg);
    const pattern = typeof spec === 'string' ? spec : new RegExp(spec.source, spec.flags);
    const t0 = performance.now();
    const result = await searchFile(path, pattern, { onMatches: () => undefined });
    out.ms = performance.now() - t0;
    Object.assign(out, { matches: result.matches, bytes: result.bytes, complete: result.complete, hwmKb: hwmKb() });
  }
  process.stdout.write(`${JSON.stringify(out)}\n`);
}

/** Runs a command to completion; returns { stdout, ms, ok } (grep's exit 1, no match, is fine). */
const run = (cmd, args) => runToEnd(cmd, args, TIMEOUT_MS, cmd === 'grep' ? [0, 1] : [0]);

/** Child runs that died by a signal (Node 20 can abort as a worker thread ends: docs/line-index.md). */
const crashes = [];

async function inChild(mode, path, arg = '') {
  for (let attempt = 1; ; attempt++) {
    const res = await run(process.execPath, [join(BENCH_DIR, 'line-index.js'), 'child', mode, path, arg]);
    if (res.ok) return JSON.parse(res.stdout.trim().split('\n').pop());
    // Only a crash is run again; a child stopped at the time limit (SIGTERM) or failing is not.
    if (!['SIGABRT', 'SIGSEGV', 'SIGBUS'].includes(res.signal) || attempt > 1) throw new Error(`child ${mode} failed`);
    // Reported in the notes and run again once: one abort should not void the whole section.
    const why = res.stderr.split('\n').find((line) => /Assertion|Check failed|FATAL/.test(line))?.trim() ?? '';
    crashes.push(`${mode} ${arg}: ${res.signal}${why ? ` (${why})` : ''}`);
  }
}

/** Drops this one file from the page cache (posix_fadvise DONTNEED through dd), for a cold-ish read. */
function dropFromCache(path) {
  const res = spawnSync('dd', [`if=${path}`, 'iflag=nocache', 'count=0', 'status=none']);
  if (res.status !== 0) console.error(`could not drop ${path} from the page cache: ${res.stderr}`);
}

async function main() {
  const name = `line-index-${SIZE / 2 ** 30}g.log`;
  const file = cachedLogFile(name, SIZE);
  const mib = file.bytes / 2 ** 20;
  console.log(`line index: ${file.path}: ${fmt(mib, 0)} MiB, ${file.lines.toLocaleString('en-US')} lines, ${RUNS} runs each`);
  const started = performance.now();

  const coldTail = [];
  const coldGnuTail = [];
  for (let r = 0; r < RUNS; r++) {
    dropFromCache(file.path);
    coldTail.push((await inChild('tail', file.path)).ms);
    dropFromCache(file.path);
    coldGnuTail.push((await run('tail', ['-n', String(SCREEN), file.path])).ms);
  }
  console.log(`  last screen, cold: ${coldTail.map((ms) => fmt(ms, 1)).join(' / ')} ms; GNU tail ${coldGnuTail.map((ms) => fmt(ms, 1)).join(' / ')} ms`);

  // wc -l first reads the whole file into the page cache: every later figure is warm.
  const wc = [];
  for (let r = 0; r < RUNS + 1; r++) {
    const res = await run('wc', ['-l', file.path]);
    if (r > 0) wc.push(res.ms);
    if (Number(res.stdout.trim().split(/\s+/)[0]) !== file.lines) console.error(`wc -l counted ${res.stdout.trim()}, expected ${file.lines}`);
  }
  const warmTail = [];
  const warmGnuTail = [];
  for (let r = 0; r < RUNS; r++) {
    warmTail.push((await inChild('tail', file.path)).ms);
    warmGnuTail.push((await run('tail', ['-n', String(SCREEN), file.path])).ms);
  }

  const builds = [];
  for (let r = 0; r < RUNS; r++) {
    const b = await inChild('build', file.path);
    if (b.lines !== file.lines) console.error(`index counted ${b.lines} lines, expected ${file.lines}`);
    builds.push(b);
    console.log(`  build ${r + 1}: ${fmt(b.ms, 0)} ms, ${fmt(mib / (b.ms / 1000), 0)} MiB/s, peak RSS ${fmt(b.hwmKb / 1024, 1)} MiB, stall ${fmt(b.stallMs, 1)} ms; wc -l ${fmt(wc[r], 0)} ms`);
  }

  const searches = [];
  for (const search of SEARCHES) {
    const ours = [];
    const grep = [];
    for (let r = 0; r < RUNS; r++) {
      ours.push(await inChild('search', file.path, JSON.stringify(search.pattern)));
      const g = await run('grep', [...search.grep, file.path]);
      grep.push({ ms: g.ms, matches: Number(g.stdout.trim()) });
    }
    if (ours.some((o) => o.matches !== grep[0].matches || !o.complete)) console.error(`${search.label}: logstream found ${ours.map((o) => o.matches)}, grep ${grep[0].matches}`);
    searches.push({ ...search, ours, grepRuns: grep });
    console.log(`  search ${search.label}: ${ours.map((o) => fmt(o.ms, 0)).join(' / ')} ms; grep -c ${grep.map((g) => fmt(g.ms, 0)).join(' / ')} ms; ${ours[0].matches} matching lines`);
  }

  const buildMs = median(builds.map((b) => b.ms));
  const buildMiBps = mib / (buildMs / 1000);
  const wcMs = median(wc);
  const bytesPerLine = Math.max(...builds.map((b) => b.indexBytes / b.lines));
  const screens = builds.flatMap((b) => b.screenMs);
  const jumps = builds.flatMap((b) => b.jumpMs);
  const cold = median(coldTail);
  const mibps = (ms) => `${fmt(mib / (ms / 1000), 0)} MiB/s`;
  const ratio = (ours, peer) => `${fmt(ours / peer, 2)}×`;
  const rows = [
    ['last screen (tail 50), file dropped from page cache', `${fmt(cold, 1)} ms`, 'GNU tail -n 50', `${fmt(median(coldGnuTail), 1)} ms`, ratio(cold, median(coldGnuTail))],
    ['last screen (tail 50), warm', `${fmt(median(warmTail), 1)} ms`, 'GNU tail -n 50', `${fmt(median(warmGnuTail), 1)} ms`, ratio(median(warmTail), median(warmGnuTail))],
    ['index build (whole file)', `${fmt(buildMs / 1000, 2)} s, ${mibps(buildMs)}`, 'wc -l (floor)', `${fmt(wcMs / 1000, 2)} s, ${mibps(wcMs)}`, ratio(buildMs, wcMs)],
    ['index memory', `${fmt(bytesPerLine, 3)} bytes/line (${fmt(builds[0].indexBytes / 2 ** 20, 1)} MiB)`, '—', '—', '—'],
    ['peak RSS of the building process', `${fmt(Math.max(...builds.map((b) => b.hwmKb)) / 1024, 1)} MiB`, '—', `(Node at start: ${fmt(builds[0].rssBeforeKb / 1024, 1)} MiB)`, '—'],
    ['longest event-loop stall while building', `${fmt(Math.max(...builds.map((b) => b.stallMs)), 1)} ms`, '—', '—', '—'],
    ['screen of 50 lines at a random line (p50 / max)', `${fmt(median(screens), 2)} / ${fmt(Math.max(...screens), 2)} ms`, '—', '—', '—'],
    ['jump to a random fraction + 50 lines (p50 / max)', `${fmt(median(jumps), 2)} / ${fmt(Math.max(...jumps), 2)} ms`, '—', '—', '—'],
    ...searches.map((s) => {
      const ours = median(s.ours.map((o) => o.ms));
      const grep = median(s.grepRuns.map((g) => g.ms));
      return [`search ${s.label} (${s.ours[0].matches.toLocaleString('en-US')} lines), worker`, `${fmt(ours / 1000, 2)} s, ${mibps(ours)}`, `grep ${s.grep.slice(0, 2).join(' ')}`, `${fmt(grep / 1000, 2)} s, ${mibps(grep)}`, ratio(ours, grep)];
    }),
  ];
  report({
    bench: 'line-index',
    title: `Line index: ${fmt(file.bytes / 2 ** 30, 2)} GiB, ${file.lines.toLocaleString('en-US')} lines (median of ${RUNS} runs, fresh process each)`,
    columns: ['measure', 'logstream', 'peer', 'peer figure', 'logstream ÷ peer (time)'],
    rows,
    targets: [
      { name: 'last screen, cold', target: `≤ ${TARGETS.tailMs} ms`, value: `${fmt(cold, 1)} ms`, pass: cold <= TARGETS.tailMs },
      { name: 'index build rate', target: `≥ ${TARGETS.buildMiBps} MiB/s`, value: `${fmt(buildMiBps, 0)} MiB/s`, pass: buildMiBps >= TARGETS.buildMiBps },
      { name: 'index memory', target: `≤ ${TARGETS.bytesPerLine} bytes/line`, value: `${fmt(bytesPerLine, 3)} bytes/line`, pass: bytesPerLine <= TARGETS.bytesPerLine },
    ],
    notes: [
      'Lines are ASCII, 90–110 bytes, in the shape of an HTTP service log; the file is generated once into bench/.work/.',
      'Cold: the file is dropped from the page cache (dd iflag=nocache count=0) before each run. Every other figure is with the file in the page cache.',
      'logstream times are measured inside a fresh Node process (from LineIndex.open or searchFile to the result); peers are timed from spawn to exit.',
      `Build reads 1 MiB chunks with async positional reads and yields between them; the stall is the longest a 5 ms timer waited past its time.`,
      'Search: the worker scans the file with blocking positional reads on its own thread and posts matches in batches of 256 (no-op onMatches here); grep -c only counts.',
      ...crashes.map((crash) => `A child process died and was run again: ${crash}. See docs/line-index.md, "Node 20 and ending worker threads".`),
    ],
    data: { file: { bytes: file.bytes, lines: file.lines }, coldTail, coldGnuTail, warmTail, warmGnuTail, wc, builds, searches, totalS: (performance.now() - started) / 1000 },
  });
}

const [, , role, mode, path, arg] = process.argv;
if (role === 'child') await child(mode, path, arg);
else await main();
